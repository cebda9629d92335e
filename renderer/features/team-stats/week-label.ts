import { mondayKeyOfIsoWeek } from '../../../shared/team-stats/iso-week.js';

const DAYS_PER_WEEK = 7;

function utcDay(isoDay: string, plusDays = 0): Date {
  const [year = 1970, month = 1, day = 1] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + plusDays));
}

/**
 * The days an ISO week covers, Monday to Sunday, in `locale` ("Nov 16–22, 2026",
 * "16–22 nov. 2026"). Formatted in UTC: the week is a calendar span, not instants.
 */
export function weekDays(isoWeek: string, locale: string): string {
  const monday = mondayKeyOfIsoWeek(isoWeek);
  const format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(utcDay(monday), utcDay(monday, DAYS_PER_WEEK - 1));
}

/** An ISO week with its days, for sentences and lists: "2026-W47 (Nov 16–22, 2026)". */
export function weekWithDays(isoWeek: string, locale: string): string {
  return `${isoWeek} (${weekDays(isoWeek, locale)})`;
}

/**
 * Short labels for a chart's axis: "W47", or the whole ISO week when the weeks shown
 * run over more than one year (so "W01" is never ambiguous).
 */
export function shortWeekLabels(isoWeeks: readonly string[]): string[] {
  const years = new Set(isoWeeks.map((week) => week.slice(0, 4)));
  return isoWeeks.map((week) => (years.size > 1 ? week : week.slice(5)));
}
