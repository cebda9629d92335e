import { useTranslation } from 'react-i18next';
import type { AvoidedWeek } from '../../../shared/exposure/exposure-summary.js';
import { useFormatters } from '../../i18n/format';
import { estimateText } from './estimate-text';

/**
 * "Exposure avoided this week": the files Veil did not show (known items, identical and near copies)
 * in cases imported this week, and the viewing time that spared, labelled as an estimate
 * and with its basis (the investigator's own median time per viewed item) spelled out.
 */
export function AvoidedSection({ avoided }: { avoided: AvoidedWeek }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const files = { count: avoided.files, files: format.count(avoided.files) };
  const spared = avoided.files > 0;
  let summary = t('avoided.weekNone');
  if (spared)
    summary =
      avoided.estimateMs === null ? t('avoided.weekNoEstimate', files) : t('avoided.week', { ...files, duration: estimateText(avoided.estimateMs, format) });
  return (
    <section className="exposure-section exposure-avoided" aria-labelledby="my-exposure-avoided">
      <h3 id="my-exposure-avoided">{t('avoided.title')}</h3>
      <p className="avoided-summary">{summary}</p>
      {spared && (
        <p className="muted">
          {t('avoided.breakdown', {
            known: format.count(avoided.knownCount),
            copies: format.count(avoided.duplicateCount),
            near: format.count(avoided.nearCopyCount),
          })}
        </p>
      )}
      {spared && (
        <p className="muted">
          {avoided.medianViewMs === null
            ? t('avoided.noEstimate')
            : t('avoided.basis', {
                files: t('avoided.filesPart', { count: avoided.files, formatted: files.files }),
                median: format.figureDurationMs(avoided.medianViewMs),
                views: t('avoided.viewsPart', { count: avoided.viewedItems, formatted: format.count(avoided.viewedItems) }),
              })}
        </p>
      )}
      <p className="muted">{t('avoided.privacy')}</p>
    </section>
  );
}
