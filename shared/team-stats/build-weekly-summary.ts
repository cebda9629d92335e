import type { WorkingHours } from '../breaks/working-hours.js';
import type { LedgerRecord } from '../exposure/ledger-record.js';
import { inStartOrder } from '../exposure/stretch.js';
import { addExposure, addInstant, newAccumulator } from '../exposure/totals-accumulator.js';
import { afterHoursMsByMarks, afterHoursMsByWorkingHours, type SpanMs } from './after-hours.js';
import { isoWeekBounds, isRealIsoWeek, mondayKeyOfIsoWeek } from './iso-week.js';
import {
  MAX_WEEKLY_COUNT,
  MINUTES_PER_WEEK,
  roundToQuarterHourMin,
  WEEKLY_SUMMARY_FORMAT,
  WEEKLY_SUMMARY_VERSION,
  WeeklySummarySchema,
  type WeeklySummary,
} from './weekly-summary.js';

export { isoWeekBounds, isoWeekOf, previousIsoWeek } from './iso-week.js';

const KEY_HEX = /^[0-9a-f]{64}$/;

export interface WeeklySummaryOptions {
  /** The ISO week to summarise, e.g. '2026-W07'. */
  isoWeek: string;
  /** The investigator's IANA time zone: the week runs from local Monday 00:00. */
  timeZone: string;
  /** HMAC-SHA256 of the week under the investigator's secret, 64 lowercase hex (computed on the node side). */
  keyHex: string;
  /** Whether any personal cap is set (from settings). */
  capSet: boolean;
  /**
   * The working hours from settings (settings.breaks.workingHours). Given, after-hours
   * time is exposure outside them, to the minute (afterHoursMsByWorkingHours); null means
   * no working hours, so no after-hours time. Left out, it is estimated from the
   * ledger's after-hours marks (afterHoursMsByMarks), which knows the hours that were in
   * force at the time but not when a stretch ran back into working hours.
   */
  workingHours?: WorkingHours | null;
}

/** Minutes in a weekly figure: rounded to a quarter hour; a DST week's 169th hour cannot push it past a week. */
function weekMinutes(ms: number): number {
  return Math.min(roundToQuarterHourMin(ms), MINUTES_PER_WEEK);
}

function weekCount(n: number): number {
  return Math.min(n, MAX_WEEKLY_COUNT);
}

/**
 * The weekly summary of the local ledger for one ISO week, counted exactly as "My
 * exposure" counts (the same accumulator): exposure records are clipped to the week
 * (local Monday 00:00 to the next Monday 00:00 in `timeZone`), so a stretch crossing
 * Sunday midnight counts for each week its part; reveals, break and limit events count
 * in the week of their instant. Times are rounded to the nearest quarter hour (see
 * roundToQuarterHourMin); counts are clamped to MAX_WEEKLY_COUNT. Only record types,
 * events and times are read: override reasons never are, and nothing from a record is
 * copied into the summary. Records may be in any order and may include other weeks.
 * Throws RangeError for a week that does not exist, an unknown time zone or a key that
 * is not 64 lowercase hex characters.
 */
export function buildWeeklySummary(records: readonly LedgerRecord[], options: WeeklySummaryOptions): WeeklySummary {
  const { isoWeek, timeZone, keyHex, capSet, workingHours } = options;
  if (!isRealIsoWeek(isoWeek)) throw new RangeError(`not an ISO week that exists: '${isoWeek.slice(0, 20)}'`);
  if (!KEY_HEX.test(keyHex)) throw new RangeError('the week key must be 64 lowercase hexadecimal characters (HMAC-SHA256)');
  const week = isoWeekBounds(isoWeek, timeZone);
  if (!Number.isFinite(week.startMs) || !Number.isFinite(week.endMs)) throw new RangeError(`unknown time zone '${timeZone}'`);

  const acc = newAccumulator();
  const pieces: SpanMs[] = [];
  const ordered = inStartOrder(records);
  for (const record of ordered) {
    if (record.type === 'exposure') {
      const startMs = Math.max(record.startMs, week.startMs);
      const endMs = Math.min(record.endMs, week.endMs);
      if (endMs <= startMs) continue;
      addExposure(acc, startMs, endMs, record);
      pieces.push({ startMs, endMs });
    } else if (record.atMs >= week.startMs && record.atMs < week.endMs) {
      addInstant(acc, record);
    }
  }

  let afterHoursMs: number;
  if (workingHours === undefined) afterHoursMs = afterHoursMsByMarks(ordered, week);
  else if (workingHours === null) afterHoursMs = 0;
  else afterHoursMs = afterHoursMsByWorkingHours(pieces, workingHours, timeZone, mondayKeyOfIsoWeek(isoWeek));

  const counts = acc.wellbeing;
  // parse, not a cast: a bug that broke a rule of the file fails here, never on the lead's side.
  return WeeklySummarySchema.parse({
    format: WEEKLY_SUMMARY_FORMAT,
    version: WEEKLY_SUMMARY_VERSION,
    week: isoWeek,
    key: keyHex,
    exposureMin: weekMinutes(acc.exposureMs),
    unfilteredMin: weekMinutes(acc.unfilteredMs),
    audioMin: weekMinutes(acc.audioMs),
    afterHoursMin: weekMinutes(Math.min(afterHoursMs, acc.exposureMs)),
    reveals: weekCount(acc.reveals),
    breaksDue: weekCount(counts.breaksDue),
    breaksTaken: weekCount(counts.breaksTaken),
    naturalBreaks: weekCount(counts.naturalBreaks),
    breaksPostponed: weekCount(counts.postponed),
    breaksSkipped: weekCount(counts.skipped),
    capSet,
    capsReached: weekCount(counts.capsReached),
    capOverrides: weekCount(counts.capOverrides),
  });
}
