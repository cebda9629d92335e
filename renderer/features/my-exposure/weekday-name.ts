/** 7 January 2024 was a Sunday: adding weekStartsOn days gives that weekday. */
const A_SUNDAY_UTC_MS = Date.UTC(2024, 0, 7, 12);
const DAY_MS = 86_400_000;

/**
 * The name of a weekday (0 = Sunday … 6 = Saturday, date-fns' weekStartsOn) in `locale`,
 * as it reads inside a sentence ("Monday", "lundi").
 */
export function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(A_SUNDAY_UTC_MS + weekday * DAY_MS);
}
