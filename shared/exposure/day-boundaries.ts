import { TZDate } from '@date-fns/tz';
import { startOfDay, type Day } from 'date-fns';
import type { LedgerRecord } from './ledger-record.js';

/** First day of the week, as date-fns counts: 0 = Sunday (enCA and frCA both use 0). */
export type WeekStartsOn = Day;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_CALENDAR_DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The local calendar day of an instant, 'YYYY-MM-DD', in an IANA time zone.
 * `ms` is epoch ms. Throws RangeError for a zone the runtime does not know.
 */
export function dayKey(ms: number, timeZone: string): string {
  const local = new TZDate(ms, timeZone);
  const year = local.getFullYear();
  if (Number.isNaN(year)) throw new RangeError(`cannot place ${ms} in time zone '${timeZone}'`);
  return `${year}-${pad2(local.getMonth() + 1)}-${pad2(local.getDate())}`;
}

function parseDayKey(key: string): { year: number; monthIndex: number; day: number } {
  const match = DAY_KEY.exec(key);
  if (match === null) throw new RangeError(`not a day key: '${key}'`);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, monthIndex, day));
  if (check.getUTCMonth() !== monthIndex || check.getUTCDate() !== day) throw new RangeError(`no such day: '${key}'`);
  return { year, monthIndex, day };
}

/**
 * Epoch ms of the first instant of a local day in a time zone. Usually local midnight;
 * where a DST change skips midnight it is the first local time that exists (e.g. 01:00),
 * and a day a zone skipped entirely (Pacific/Apia, 2011-12-30) starts, with zero length,
 * where the next day starts.
 */
export function startOfDayMs(key: string, timeZone: string): number {
  const { year, monthIndex, day } = parseDayKey(key);
  // From local noon, which exists on every day a zone did not skip (a skipped day's noon
  // lands on the next day, which is where the skipped day must start); startOfDay then
  // works in the zone.
  const ms = startOfDay(new TZDate(year, monthIndex, day, 12, 0, timeZone)).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`unknown time zone '${timeZone}'`);
  return ms;
}

/** The day key `days` calendar days after `key` (negative: before). Pure calendar arithmetic. */
export function addDaysToKey(key: string, days: number): string {
  const { year, monthIndex, day } = parseDayKey(key);
  const date = new Date(Date.UTC(year, monthIndex, day) + days * MS_PER_CALENDAR_DAY);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** Epoch ms at which the local day `key` ends (the next day's first instant). */
export function endOfDayMs(key: string, timeZone: string): number {
  return startOfDayMs(addDaysToKey(key, 1), timeZone);
}

/** Length of a local day in ms: 24 h, or 23 h / 25 h on DST changes. */
export function dayLengthMs(key: string, timeZone: string): number {
  return endOfDayMs(key, timeZone) - startOfDayMs(key, timeZone);
}

/** The day key of the first day of the week containing day `key`, weeks starting on `weekStartsOn`. */
export function weekStartKeyOfDay(key: string, weekStartsOn: WeekStartsOn): string {
  const { year, monthIndex, day } = parseDayKey(key);
  const weekday = new Date(Date.UTC(year, monthIndex, day)).getUTCDay();
  return addDaysToKey(key, -((weekday - weekStartsOn + 7) % 7));
}

/** The day key of the first day of the local week containing instant `ms` (epoch ms). */
export function weekStartKey(ms: number, timeZone: string, weekStartsOn: WeekStartsOn): string {
  return weekStartKeyOfDay(dayKey(ms, timeZone), weekStartsOn);
}

/** A local day as an interval of epoch ms: [startMs, endMs). */
export interface DaySpan {
  key: string;
  startMs: number;
  endMs: number;
}

/**
 * A function finding the local day of an instant, remembering the last day found so a
 * run of instants in time order costs one time-zone lookup per day, not per instant.
 * The memory lives in the closure: each caller gets its own.
 */
export function createDayLocator(timeZone: string): (ms: number) => DaySpan {
  let last: DaySpan | null = null;
  return (ms) => {
    if (last !== null && ms >= last.startMs && ms < last.endMs) return last;
    const key = dayKey(ms, timeZone);
    last = { key, startMs: startOfDayMs(key, timeZone), endMs: endOfDayMs(key, timeZone) };
    return last;
  };
}

/**
 * An exposure record cut at every local midnight it crosses, so each piece lies within
 * one local day (the day files hold only their own day's time). Durations add up to the
 * original exactly, DST days included. Reveal records and zero-length records come back
 * unchanged, in a one-element array.
 */
export function splitAtDayBoundaries(record: LedgerRecord, timeZone: string): LedgerRecord[] {
  return splitWith(record, createDayLocator(timeZone));
}

/** splitAtDayBoundaries with a caller's locator, to share its memory across many records. */
export function splitWith(record: LedgerRecord, locate: (ms: number) => DaySpan): LedgerRecord[] {
  if (record.type !== 'exposure' || record.endMs <= record.startMs) return [record];
  const pieces: LedgerRecord[] = [];
  let fromMs = record.startMs;
  while (fromMs < record.endMs) {
    const toMs = Math.min(record.endMs, locate(fromMs).endMs);
    // Cannot happen with a sane zone database; refusing beats looping forever.
    if (toMs <= fromMs) throw new RangeError(`no day boundary after ${fromMs}`);
    pieces.push({ ...record, startMs: fromMs, endMs: toMs });
    fromMs = toMs;
  }
  return pieces;
}
