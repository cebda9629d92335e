import { MIN_GROUP_SIZE, type SuppressionReason } from './team-stats-schema.js';

/**
 * The k in force: the lead's choice rounded up to a whole person, never below
 * MIN_GROUP_SIZE. A value that is not a finite number is a caller's bug (the CLI and the
 * settings validate theirs), refused with a RangeError rather than guessed at.
 */
export function effectiveMinGroupSize(requested: number): number {
  if (!Number.isFinite(requested)) throw new RangeError(`the minimum group size must be a number (got ${String(requested)})`);
  return Math.max(MIN_GROUP_SIZE, Math.ceil(requested));
}

/**
 * The nearest-rank percentile of values sorted ascending: the value at rank
 * ⌈percent/100 × n⌉ (1-based), so always one of the values, never an interpolation
 * between two people's. The median is percent 50 (the lower middle for an even count);
 * the 90th percentile of 5 to 9 values is the largest. Throws RangeError when empty.
 */
export function nearestRank(sortedAsc: readonly number[], percent: number): number {
  const n = sortedAsc.length;
  // percent × n is an exact integer product, so the ceiling is exact.
  const rank = Math.min(n, Math.max(1, Math.ceil((percent * n) / 100)));
  const value = sortedAsc[rank - 1];
  if (value === undefined) throw new RangeError('no values to take a percentile of');
  return value;
}

/**
 * The small-count rule for a count of people out of `total` (who reached a cap): hidden
 * when the count is between 1 and k − 1, or the people it leaves out (total − count)
 * number fewer than k, "all of them" included: "6 of 6 reached a cap" tells the lead that
 * each investigator they know is on the team reached theirs, and limits are the user's
 * own. "Nobody" is shown: it says only that no cap was reached.
 */
export function isSmallCount(count: number, total: number, k: number): boolean {
  const rest = total - count;
  return (count >= 1 && count < k) || rest < k;
}

/** Contributors a statistic needs: 2k when its value is one person's at the top (p90), k otherwise. */
export function contributorsNeeded(kind: 'median' | 'p90', k: number): number {
  return kind === 'p90' ? 2 * k : k;
}

export function shownFigure(value: number): { shown: true; value: number } {
  return { shown: true, value };
}

export function hiddenFigure(reason: SuppressionReason): { shown: false; reason: SuppressionReason } {
  return { shown: false, reason };
}
