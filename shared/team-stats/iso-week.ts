import { addDaysToKey, dayKey, startOfDayMs } from '../exposure/day-boundaries.js';

/**
 * ISO 8601 weeks ('2026-W07'): Monday to Sunday, week 1 holding the year's first
 * Thursday, so a year has 52 or 53 weeks and its first days may belong to the last week
 * of the year before. Calendar arithmetic is pure UTC date arithmetic on day numbers;
 * only the week's bounds in epoch ms need a time zone (day-boundaries.ts).
 */
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Years accepted: the ledger counts from 1970 (epoch ms are non-negative); 9999 keeps four digits. */
const MIN_ISO_YEAR = 1970;
const MAX_ISO_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const DAYS_PER_WEEK = 7;
/** 1970-01-01 was a Thursday, so the Monday of its ISO week is day −3. */
const EPOCH_MONDAY_DAY = -3;

/** Day number (days since 1970-01-01, UTC) of the weekday 0 = Monday … 6 = Sunday. */
function isoWeekdayOfDay(day: number): number {
  // 1970-01-01 (day 0) was a Thursday: weekday 3.
  return (((day + 3) % DAYS_PER_WEEK) + DAYS_PER_WEEK) % DAYS_PER_WEEK;
}

function dayNumber(year: number, monthIndex: number, day: number): number {
  return Math.round(Date.UTC(year, monthIndex, day) / MS_PER_DAY);
}

/** Day number of the Monday of week 1 of ISO year `year` (the week holding 4 January). */
function mondayOfWeekOne(year: number): number {
  const jan4 = dayNumber(year, 0, 4);
  return jan4 - isoWeekdayOfDay(jan4);
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  const dec28 = dayNumber(year, 11, 28);
  return Math.floor((dec28 - mondayOfWeekOne(year)) / DAYS_PER_WEEK) + 1;
}

/** The year and week of an ISO week string, or null when it is not one that exists. */
export function parseIsoWeek(isoWeek: string): { year: number; week: number } | null {
  const match = ISO_WEEK_PATTERN.exec(isoWeek);
  if (match === null) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < MIN_ISO_YEAR || year > MAX_ISO_YEAR || week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

/** True for a well-formed ISO week that exists (W53 only in years that have one). */
export function isRealIsoWeek(isoWeek: string): boolean {
  return parseIsoWeek(isoWeek) !== null;
}

function parseOrThrow(isoWeek: string): { year: number; week: number } {
  const parsed = parseIsoWeek(isoWeek);
  if (parsed === null) throw new RangeError(`not an ISO week that exists (like 2026-W07): '${isoWeek.slice(0, 20)}'`);
  return parsed;
}

/**
 * The week as a whole number: weeks since the ISO week holding 1970-01-01 (which is 0).
 * Consecutive weeks have consecutive indexes across year ends, so ranges are integer spans.
 */
export function isoWeekIndex(isoWeek: string): number {
  const { year, week } = parseOrThrow(isoWeek);
  const monday = mondayOfWeekOne(year) + (week - 1) * DAYS_PER_WEEK;
  return (monday - EPOCH_MONDAY_DAY) / DAYS_PER_WEEK;
}

function isoWeekOfDay(day: number): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = day - isoWeekdayOfDay(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - mondayOfWeekOne(year)) / DAYS_PER_WEEK) + 1;
  return `${year}-W${week < 10 ? `0${week}` : String(week)}`;
}

/** The ISO week with index `index` (see isoWeekIndex). */
export function isoWeekFromIndex(index: number): string {
  return isoWeekOfDay(EPOCH_MONDAY_DAY + index * DAYS_PER_WEEK);
}

/** The week before `isoWeek` ('2026-W01' → '2025-W52'). Throws RangeError for a week that does not exist. */
export function previousIsoWeek(isoWeek: string): string {
  return isoWeekFromIndex(isoWeekIndex(isoWeek) - 1);
}

/** The week after `isoWeek`. Throws RangeError for a week that does not exist. */
export function nextIsoWeek(isoWeek: string): string {
  return isoWeekFromIndex(isoWeekIndex(isoWeek) + 1);
}

/** 'YYYY-MM-DD' of the Monday of an ISO week. */
export function mondayKeyOfIsoWeek(isoWeek: string): string {
  const day = EPOCH_MONDAY_DAY + isoWeekIndex(isoWeek) * DAYS_PER_WEEK;
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The ISO week of instant `ms` (epoch ms) on the local calendar of `timeZone` (IANA):
 * late on a Sunday in Toronto is still that week even when it is Monday in UTC.
 * Throws RangeError for a zone the runtime does not know.
 */
export function isoWeekOf(ms: number, timeZone: string): string {
  const key = dayKey(ms, timeZone);
  return isoWeekOfDay(dayNumber(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))));
}

/**
 * The week as epoch ms [startMs, endMs): local Monday 00:00 to the next local Monday
 * 00:00 in `timeZone`, so a week with a DST change is 167 or 169 hours long (where a
 * change skips midnight, the first local instant of the day, as day-boundaries.ts does).
 */
export function isoWeekBounds(isoWeek: string, timeZone: string): { startMs: number; endMs: number } {
  const monday = mondayKeyOfIsoWeek(isoWeek);
  return { startMs: startOfDayMs(monday, timeZone), endMs: startOfDayMs(addDaysToKey(monday, DAYS_PER_WEEK), timeZone) };
}
