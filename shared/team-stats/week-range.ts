import { isoWeekIndex, isRealIsoWeek } from './iso-week.js';

/** The longest range the team view lists (about ten years): a stray or forged far-off week cannot make it list thousands. */
export const MAX_RANGE_WEEKS = 530;

/** An inclusive span of week indexes (see isoWeekIndex). */
export interface WeekSpan {
  fromIndex: number;
  toIndex: number;
}

function indexOrThrow(isoWeek: string, name: string): number {
  if (!isRealIsoWeek(isoWeek)) throw new RangeError(`${name} must be an ISO week that exists, like 2026-W07`);
  return isoWeekIndex(isoWeek);
}

function spanOf(indexes: Iterable<number>): WeekSpan | null {
  let fromIndex = Infinity;
  let toIndex = -Infinity;
  for (const index of indexes) {
    fromIndex = Math.min(fromIndex, index);
    toIndex = Math.max(toIndex, index);
  }
  return fromIndex <= toIndex ? { fromIndex, toIndex } : null;
}

/**
 * The weeks to list. A week given is used as given (RangeError when it does not exist,
 * when from is after to, or when both are given and span more than MAX_RANGE_WEEKS). A
 * side left out follows the data: the first or last week with at least k contributors,
 * so a week with too few is never what decides where the table starts or ends; only when
 * no week has k, the first or last week with any summary (the table then shows them all
 * suppressed). A span longer than MAX_RANGE_WEEKS keeps the given side (or, with neither
 * given, the latest weeks). Null when there is nothing to list.
 */
export function resolveWeekSpan(contributorsByWeek: ReadonlyMap<number, number>, k: number, fromWeek?: string, toWeek?: string): WeekSpan | null {
  const givenFrom = fromWeek === undefined ? null : indexOrThrow(fromWeek, 'fromWeek');
  const givenTo = toWeek === undefined ? null : indexOrThrow(toWeek, 'toWeek');
  if (givenFrom !== null && givenTo !== null) {
    if (givenFrom > givenTo) throw new RangeError('fromWeek must not be after toWeek');
    if (givenTo - givenFrom + 1 > MAX_RANGE_WEEKS) throw new RangeError(`a range may span at most ${MAX_RANGE_WEEKS} weeks`);
    return { fromIndex: givenFrom, toIndex: givenTo };
  }
  const large = [...contributorsByWeek].filter(([, n]) => n >= k).map(([index]) => index);
  const data = spanOf(large.length > 0 ? large : contributorsByWeek.keys());
  let fromIndex = givenFrom ?? data?.fromIndex ?? null;
  let toIndex = givenTo ?? data?.toIndex ?? null;
  if (fromIndex === null || toIndex === null || fromIndex > toIndex) return null;
  if (toIndex - fromIndex + 1 > MAX_RANGE_WEEKS) {
    if (givenFrom !== null) toIndex = fromIndex + MAX_RANGE_WEEKS - 1;
    else fromIndex = toIndex - MAX_RANGE_WEEKS + 1;
  }
  return { fromIndex, toIndex };
}
