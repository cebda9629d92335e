import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { useFormatters } from '../../i18n/format';

/**
 * The open case in four figures: media files (items and their identical copies), how many
 * are known, how many are copies, and how many are left to review.
 */
export function CaseCounts({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const figure = (count: number) => ({ count, formatted: format.count(count) });
  const files = summary.itemCount + summary.duplicateCount;
  const parts = [
    t('review.counts.items', figure(files)),
    t('review.counts.known', figure(summary.knownCount)),
    t('review.counts.duplicates', figure(summary.duplicateCount)),
    t('review.counts.toReview', figure(summary.toReviewCount)),
  ];
  const text = parts.join(' · ');
  return (
    <span className="case-counts" title={text}>
      {text}
    </span>
  );
}
