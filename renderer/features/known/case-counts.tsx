import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { useFormatters } from '../../i18n/format';

/**
 * The open case in four figures: media files (items and their identical copies), how many
 * are known, how many are copies, and how many are left to review; while the background PDQ
 * pass runs, how far it has come.
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
    // Near copies are reviewed through their stack's representative; said only when there are some, so the figures still add up.
    ...(summary.nearCopyCount > 0 ? [t('stacks.nearCopiesCount', figure(summary.nearCopyCount))] : []),
    t('review.counts.toReview', figure(summary.toReviewCount)),
  ];
  const pdq = summary.pdqProgress;
  // Near matches fill in while the background pass runs; say so until it has gone through every picture.
  if (pdq && pdq.doneCount < pdq.totalCount)
    parts.push(t('review.counts.nearSearch', { done: format.count(pdq.doneCount), total: format.count(pdq.totalCount) }));
  const text = parts.join(' · ');
  return (
    <span className="case-counts" title={text}>
      {text}
    </span>
  );
}
