import { addDaysToKey, dayKey, weekStartKeyOfDay, type WeekStartsOn } from './day-boundaries.js';
import { buildDayTable, dayIndexOf } from './day-table.js';
import type { DayTotals, MyExposure, WeekTotals } from './exposure-summary.js';
import { sparedEstimateMs, sumAvoided, viewingPace } from './exposure-avoided.js';
import type { LedgerRecord } from './ledger-record.js';
import { inStartOrder } from './stretch.js';
import { addCodedExposure, addInstant, classCode, finishTotals, newAccumulator } from './totals-accumulator.js';

const WEEKS_SHOWN = 12;
const DAYS_PER_WEEK = 7;

export interface MyExposureOptions {
  /** Now, epoch ms (the main side's clock): decides which day is today. */
  nowMs: number;
  /** The user's IANA time zone. */
  timeZone: string;
  /** From the user's locale (date-fns: 0 = Sunday). */
  weekStartsOn: WeekStartsOn;
}

/**
 * The first day of the 12-week view for `nowMs`: callers read only the day files from
 * this day to today and pass their records to buildMyExposure.
 */
export function myExposureFirstDayKey(nowMs: number, timeZone: string, weekStartsOn: WeekStartsOn): string {
  return addDaysToKey(weekStartKeyOfDay(dayKey(nowMs, timeZone), weekStartsOn), -DAYS_PER_WEEK * (WEEKS_SHOWN - 1));
}

/**
 * What "My exposure" shows at `nowMs`: today, this week (one entry per day so far) and
 * the last 12 weeks including this one, oldest first, zero-filled; each with its own
 * longest stretch and its break and limit counts (by the day of each event's instant).
 * Records outside the 12 weeks are ignored; records crossing midnight count for each
 * day their part. Linear in the records (in ledger order; sorted first
 * otherwise) with no Date per record: days are found in a table built once, so 84 days
 * of history cost well under the 50 ms budget.
 */
export function buildMyExposure(records: readonly LedgerRecord[], options: MyExposureOptions): MyExposure {
  const { nowMs, timeZone, weekStartsOn } = options;
  const todayKey = dayKey(nowMs, timeZone);
  const firstKey = myExposureFirstDayKey(nowMs, timeZone, weekStartsOn);
  const table = buildDayTable(firstKey, todayKey, timeZone);
  const days = table.keys.map(() => newAccumulator());
  const weeks = Array.from({ length: WEEKS_SHOWN }, () => newAccumulator());
  const weekOf = (dayIndex: number): number => Math.floor(dayIndex / DAYS_PER_WEEK);
  const rangeStartMs = table.startsMs[0] ?? 0;
  const rangeEndMs = table.startsMs[table.keys.length] ?? 0;

  let hint = 0;
  for (const record of inStartOrder(records)) {
    if (record.type === 'item-view' || record.type === 'avoided') continue;
    if (record.type !== 'exposure') {
      // Reveals, breaks and limit events count in the day of their instant.
      const index = dayIndexOf(table, record.atMs, hint);
      if (index < 0) continue;
      hint = index;
      addInstant(days[index] ?? newAccumulator(), record);
      addInstant(weeks[weekOf(index)] ?? newAccumulator(), record);
      continue;
    }
    let fromMs = Math.max(record.startMs, rangeStartMs);
    const toMs = Math.min(record.endMs, rangeEndMs);
    if (toMs <= fromMs) continue;
    const code = classCode(record);
    let index = dayIndexOf(table, fromMs, hint);
    while (fromMs < toMs && index >= 0 && index < table.keys.length) {
      const pieceEndMs = Math.min(toMs, table.startsMs[index + 1] ?? toMs);
      const day = days[index];
      const week = weeks[weekOf(index)];
      if (day !== undefined && week !== undefined) {
        addCodedExposure(day, fromMs, pieceEndMs, code);
        addCodedExposure(week, fromMs, pieceEndMs, code);
      }
      hint = index;
      fromMs = Math.max(fromMs, pieceEndMs);
      index += 1;
    }
  }

  const dayTotals = (index: number): DayTotals => {
    const acc = days[index] ?? newAccumulator();
    return { day: table.keys[index] ?? todayKey, ...finishTotals(acc) };
  };
  const weekTotals = (week: number): WeekTotals => {
    const acc = weeks[week] ?? newAccumulator();
    return { weekStart: table.keys[week * DAYS_PER_WEEK] ?? firstKey, ...finishTotals(acc) };
  };
  const todayIndex = table.keys.length - 1;
  const thisWeekFirst = (WEEKS_SHOWN - 1) * DAYS_PER_WEEK;
  const thisWeekDays: DayTotals[] = [];
  for (let index = thisWeekFirst; index <= todayIndex; index += 1) thisWeekDays.push(dayTotals(index));

  const pace = viewingPace(records);
  const avoided = sumAvoided(records, table.startsMs[thisWeekFirst] ?? rangeStartMs, rangeEndMs);

  return {
    timeZone,
    weekStartsOn,
    today: dayTotals(todayIndex),
    thisWeek: { totals: weekTotals(WEEKS_SHOWN - 1), days: thisWeekDays },
    last12Weeks: Array.from({ length: WEEKS_SHOWN }, (_, week) => weekTotals(week)),
    avoided: { ...avoided, ...pace, estimateMs: sparedEstimateMs(avoided.files, pace.medianViewMs) },
  };
}
