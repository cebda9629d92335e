import { addDaysToKey, startOfDayMs } from './day-boundaries.js';

/**
 * Consecutive local days as a table of boundaries, built once (one time-zone lookup per
 * day) so that placing thousands of instants needs no Date at all: day i is
 * [startsMs[i], startsMs[i + 1]).
 */
export interface DayTable {
  keys: string[];
  /** keys.length + 1 entries: each day's first instant, then the end of the last day. */
  startsMs: number[];
}

/** The days from `firstKey` to `lastKey` inclusive, in `timeZone`. */
export function buildDayTable(firstKey: string, lastKey: string, timeZone: string): DayTable {
  const keys: string[] = [];
  for (let key = firstKey; key <= lastKey; key = addDaysToKey(key, 1)) keys.push(key);
  const startsMs = keys.map((key) => startOfDayMs(key, timeZone));
  startsMs.push(startOfDayMs(addDaysToKey(lastKey, 1), timeZone));
  return { keys, startsMs };
}

/**
 * Index of the day holding instant `ms`, or -1 outside the table. `hint` (a recent
 * answer) is tried first, since instants mostly come in order; otherwise binary search.
 * A day a zone skipped has zero length and is never the answer.
 */
export function dayIndexOf(table: DayTable, ms: number, hint: number): number {
  const starts = table.startsMs;
  const days = table.keys.length;
  const first = starts[0];
  const end = starts[days];
  if (first === undefined || end === undefined || ms < first || ms >= end) return -1;
  if (hint >= 0 && hint < days && (starts[hint] ?? Infinity) <= ms && ms < (starts[hint + 1] ?? -Infinity)) return hint;
  // Last index with starts[index] <= ms.
  let low = 0;
  let high = days - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? Infinity) <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}
