import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { filesSpared, sparedCounts, sparedEstimateMs } from '../../../shared/exposure/exposure-avoided.js';
import { useVeil } from '../../api/api';
import { useQuery } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { estimateText } from '../my-exposure/estimate-text';

/**
 * The open case's exposure avoided, beside its counts: files Veil will not show (known
 * items, identical and near copies) and the viewing time that spares, estimated from the
 * investigator's own median time per viewed item (asked once per case: it moves slowly).
 * Nothing when nothing is spared; "no estimate yet" rather than a guess without history.
 */
export function ExposureAvoided({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useVeil();
  // With "Show known items" on, known items are on screen: only the copies (identical and near) are spared.
  const counts = sparedCounts(summary);
  const spared = filesSpared(counts);
  const { latest } = useQuery(spared > 0 ? [client, summary.caseId] : null, () => client.call('getMyExposure', {}));
  if (spared === 0) return null;
  const files = { count: spared, files: format.count(spared) };
  // Until the pace is known (or if it cannot be read) the files alone: never a wrong "no estimate".
  const estimateMs = latest === undefined ? undefined : sparedEstimateMs(spared, latest.avoided.medianViewMs);
  let text = t('avoided.caseLineFiles', files);
  if (estimateMs === null) text = t('avoided.caseLineNoEstimate', files);
  else if (estimateMs !== undefined) text = t('avoided.caseLine', { ...files, duration: estimateText(estimateMs, format) });
  const help = t('avoided.caseHelp', {
    known: t('avoided.knownPart', { count: counts.knownCount, formatted: format.count(counts.knownCount) }),
    copies: t('avoided.copiesPart', { count: counts.duplicateCount, formatted: format.count(counts.duplicateCount) }),
    near: t('avoided.nearPart', { count: counts.nearCopyCount, formatted: format.count(counts.nearCopyCount) }),
  });
  return (
    <span className="case-counts case-avoided" title={help}>
      {text}
      <span className="visually-hidden"> {help}</span>
    </span>
  );
}
