import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** A local time of day, 'HH:MM', 00:00 to 23:59. */
const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (00:00 to 23:59)');

/**
 * One day's working hours in local time. An end earlier than the start is a shift
 * running past midnight (22:00 to 06:00 covers the small hours of the next day), which
 * night-shift investigators need; an end of 00:00 means until midnight.
 */
const DayHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .strict()
  .refine((h) => h.start !== h.end, { message: 'working hours must start and end at different times', path: ['end'] });

/** Keys in the order JavaScript numbers weekdays (Date#getDay: 0 = Sunday). */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Working hours for each weekday; null = not a working day (any exposure then is after hours). */
export const WorkingHoursSchema = z
  .object({
    mon: DayHoursSchema.nullable(),
    tue: DayHoursSchema.nullable(),
    wed: DayHoursSchema.nullable(),
    thu: DayHoursSchema.nullable(),
    fri: DayHoursSchema.nullable(),
    sat: DayHoursSchema.nullable(),
    sun: DayHoursSchema.nullable(),
  })
  .strict();
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function weekdayKey(day: number): WeekdayKey {
  return WEEKDAY_KEYS[((day % 7) + 7) % 7] ?? 'sun';
}

/**
 * Whether instant `ms` (epoch ms) falls inside the working hours, read on the local
 * clock of `timeZone` (an IANA name): today's hours, or last night's shift running past
 * midnight. Null when the zone is unknown to the runtime: hours cannot be judged, and a
 * warning nobody can explain is worse than none.
 */
export function isWithinWorkingHours(ms: number, hours: WorkingHours, timeZone: string): boolean | null {
  let local: TZDate;
  try {
    local = new TZDate(ms, timeZone);
  } catch {
    return null;
  }
  const weekday = local.getDay();
  const minute = local.getHours() * 60 + local.getMinutes();
  if (Number.isNaN(weekday) || Number.isNaN(minute)) return null;

  const today = hours[weekdayKey(weekday)];
  if (today !== null) {
    const start = minutesOf(today.start);
    const end = minutesOf(today.end);
    if (start < end ? minute >= start && minute < end : minute >= start) return true;
  }
  const yesterday = hours[weekdayKey(weekday - 1)];
  if (yesterday !== null) {
    const start = minutesOf(yesterday.start);
    const end = minutesOf(yesterday.end);
    if (end < start && minute < end) return true;
  }
  return false;
}
