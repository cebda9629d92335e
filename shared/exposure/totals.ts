import { createDayLocator, splitWith, weekStartKeyOfDay, type WeekStartsOn } from './day-boundaries.js';
import type { DayTotals, ExposureTotals, WeekTotals } from './exposure-summary.js';
import type { LedgerRecord } from './ledger-record.js';
import { inStartOrder } from './stretch.js';
import { addExposure, addInstant, finishTotals, newAccumulator, type TotalsAccumulator } from './totals-accumulator.js';

export { compactRecords } from './compact.js';
export { longestStretchMs, STRETCH_GAP_MS } from './stretch.js';

/**
 * The figures for a set of records (any order): exposure, unfiltered, audio and
 * grid-only time in ms, reveal count, time per filter state (most first), the
 * longest stretch (see longestStretchMs) and the break and limit counts.
 * Zero-length records count for nothing.
 */
export function sumTotals(records: readonly LedgerRecord[]): ExposureTotals {
  const acc = newAccumulator();
  for (const record of inStartOrder(records)) add(acc, record);
  return finishTotals(acc);
}

function add(acc: TotalsAccumulator, record: LedgerRecord): void {
  if (record.type === 'exposure') addExposure(acc, record.startMs, record.endMs, record);
  else addInstant(acc, record);
}

/**
 * Totals per local day in `timeZone`, keyed 'YYYY-MM-DD', days in ascending order; only
 * days with records appear. Records crossing midnight are split at it first; reveals,
 * break and limit records belong to the day of their instant. Linear in the records when they are in order.
 */
export function totalsByDay(records: readonly LedgerRecord[], timeZone: string): Map<string, DayTotals> {
  const groups = groupByDay(records, timeZone, (day) => day);
  return finishGroups(groups, (day, totals) => ({ day, ...totals }));
}

/**
 * Totals per local week in `timeZone`, keyed by the day key of the week's first day
 * (weeks begin on `weekStartsOn`), in ascending order; only weeks with records appear.
 * A stretch running across midnight inside one week counts whole.
 */
export function totalsByWeek(records: readonly LedgerRecord[], timeZone: string, weekStartsOn: WeekStartsOn): Map<string, WeekTotals> {
  const groups = groupByDay(records, timeZone, (day) => weekStartKeyOfDay(day, weekStartsOn));
  return finishGroups(groups, (weekStart, totals) => ({ weekStart, ...totals }));
}

function groupByDay(records: readonly LedgerRecord[], timeZone: string, groupOf: (day: string) => string): Map<string, TotalsAccumulator> {
  const locate = createDayLocator(timeZone);
  const groups = new Map<string, TotalsAccumulator>();
  const accFor = (ms: number): TotalsAccumulator => {
    const key = groupOf(locate(ms).key);
    let acc = groups.get(key);
    if (acc === undefined) {
      acc = newAccumulator();
      groups.set(key, acc);
    }
    return acc;
  };
  for (const record of inStartOrder(records)) {
    if (record.type !== 'exposure') addInstant(accFor(record.atMs), record);
    else for (const piece of splitWith(record, locate)) if (piece.type === 'exposure') addExposure(accFor(piece.startMs), piece.startMs, piece.endMs, piece);
  }
  return groups;
}

function finishGroups<T>(groups: Map<string, TotalsAccumulator>, label: (key: string, totals: ExposureTotals) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const key of [...groups.keys()].sort()) {
    const acc = groups.get(key);
    if (acc !== undefined) out.set(key, label(key, finishTotals(acc)));
  }
  return out;
}
