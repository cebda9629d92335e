import { TZDate } from '@date-fns/tz';
import { DEFAULT_BREAK_CONFIG } from '../breaks/break-config.js';
import { isWithinWorkingHours, WEEKDAY_KEYS, type WorkingHours } from '../breaks/working-hours.js';
import { addDaysToKey } from '../exposure/day-boundaries.js';
import type { LedgerRecord } from '../exposure/ledger-record.js';

/** An interval of epoch ms, [startMs, endMs). */
export interface SpanMs {
  startMs: number;
  endMs: number;
}

/**
 * The pause that ends an after-hours stretch when only the ledger's marks are known: the
 * default rest-break length, as the break scheduler closes a stretch after a pause as
 * long as a rest break (the user's own length is a setting this code does not see).
 */
const AFTER_HOURS_MARK_PAUSE_MS = DEFAULT_BREAK_CONFIG.restDurationMin * 60_000;

/** Epoch ms of local time 'HH:MM' on day 'YYYY-MM-DD' in `timeZone`. */
function localTimeMs(dayKey: string, time: string, timeZone: string): number {
  return new TZDate(
    Number(dayKey.slice(0, 4)),
    Number(dayKey.slice(5, 7)) - 1,
    Number(dayKey.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
    timeZone,
  ).getTime();
}

function weekdayKeyOf(dayKey: string): (typeof WEEKDAY_KEYS)[number] {
  const weekday = new Date(`${dayKey}T00:00:00Z`).getUTCDay();
  return WEEKDAY_KEYS[weekday] ?? 'sun';
}

/**
 * Every instant in the week where working hours begin or end (the Sunday before is
 * included for a night shift running into Monday), sorted. Between two of these the
 * answer of isWithinWorkingHours cannot change.
 */
function workingHoursEdgesMs(hours: WorkingHours, timeZone: string, mondayKey: string): number[] {
  const edges: number[] = [];
  for (let offset = -1; offset < 7; offset += 1) {
    const day = addDaysToKey(mondayKey, offset);
    const today = hours[weekdayKeyOf(day)];
    if (today === null) continue;
    edges.push(localTimeMs(day, today.start, timeZone));
    // An end not after the start runs past midnight (00:00 = until midnight).
    edges.push(localTimeMs(today.end > today.start ? day : addDaysToKey(day, 1), today.end, timeZone));
  }
  return edges.filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
}

/**
 * Exposure time outside working hours, in ms: each exposure piece is cut where working
 * hours begin or end, and each part counts when the break scheduler's own rule,
 * isWithinWorkingHours, says its first instant is outside them (an unknown zone counts
 * as inside, as the scheduler treats it). Exact to the millisecond, except where working
 * hours begin or end inside the hour a DST change repeats. `pieces` must lie within the
 * week whose Monday is `mondayKey`.
 */
export function afterHoursMsByWorkingHours(pieces: readonly SpanMs[], hours: WorkingHours, timeZone: string, mondayKey: string): number {
  const edges = workingHoursEdgesMs(hours, timeZone, mondayKey);
  let totalMs = 0;
  const addPart = (fromMs: number, toMs: number): void => {
    if (toMs > fromMs && isWithinWorkingHours(fromMs, hours, timeZone) === false) totalMs += toMs - fromMs;
  };
  for (const piece of pieces) {
    let fromMs = piece.startMs;
    for (const edgeMs of edges) {
      if (edgeMs <= fromMs) continue;
      if (edgeMs >= piece.endMs) break;
      addPart(fromMs, edgeMs);
      fromMs = edgeMs;
    }
    addPart(fromMs, piece.endMs);
  }
  return totalMs;
}

/**
 * Exposure time in after-hours stretches as the ledger alone shows them, in ms, counted
 * inside `week` only. The break scheduler writes one 'after-hours' mark when a stretch of
 * exposure outside working hours begins, at an instant inside that exposure, and nothing
 * when it ends; so a stretch is taken to run from its mark until a pause of `pauseMs`
 * (the scheduler's own closing pause). Its weakness: the scheduler also closes a stretch
 * when exposure moves into working hours, which the ledger does not record, so exposure
 * running on from 07:50 into an 08:00 working day counts until the next long pause.
 * `records` must be in order of start (the ledger's order).
 */
export function afterHoursMsByMarks(records: readonly LedgerRecord[], week: SpanMs, pauseMs: number = AFTER_HOURS_MARK_PAUSE_MS): number {
  let stretchFromMs: number | null = null;
  let last: SpanMs | null = null;
  let totalMs = 0;
  const count = (fromMs: number, toMs: number): void => {
    const clippedFromMs = Math.max(fromMs, week.startMs);
    const clippedToMs = Math.min(toMs, week.endMs);
    if (clippedToMs > clippedFromMs) totalMs += clippedToMs - clippedFromMs;
  };
  for (const record of records) {
    if (record.type === 'after-hours') {
      // A mark opens a stretch; one already open stays open unless a long pause ended it.
      const paused = last === null || record.atMs - last.endMs >= pauseMs;
      if (stretchFromMs !== null && !paused) continue;
      stretchFromMs = record.atMs;
      // The mark lies inside the exposure that opened the stretch, which came first in start order.
      if (last !== null) count(Math.max(last.startMs, record.atMs), last.endMs);
      continue;
    }
    if (record.type !== 'exposure' || record.endMs <= record.startMs) continue;
    if (stretchFromMs !== null && record.startMs - Math.max(last?.endMs ?? stretchFromMs, stretchFromMs) >= pauseMs) stretchFromMs = null;
    if (stretchFromMs !== null) count(Math.max(record.startMs, stretchFromMs), record.endMs);
    last = { startMs: record.startMs, endMs: record.endMs };
  }
  return totalMs;
}
