import type { ExposureTotals, MyExposure } from '../../../shared/exposure/exposure-summary.js';

const MS_PER_MINUTE = 60_000;
const DAYS_PER_WEEK = 7;

/** One bar group of a chart and one row of its table: the same figures for both. */
export interface ExposureRow {
  /** The day or week start, 'YYYY-MM-DD'. */
  key: string;
  /** Short label for the chart's axis ("Mon 3", "lun. 3", "Mar 2"). */
  label: string;
  /** Full label for the table ("Monday, March 3", "March 2–8, 2025"). */
  fullLabel: string;
  exposureMs: number;
  filteredMs: number;
  unfilteredMs: number;
  audioMs: number;
  /** The same durations in minutes, the chart's unit. */
  filteredMin: number;
  unfilteredMin: number;
  audioMin: number;
  /** Breaks that ran their full length, and caps reached, in the span. */
  breaksTaken: number;
  capsReached: number;
}

/** A calendar date 'YYYY-MM-DD' as a UTC instant, formatted in UTC so no time zone shifts the day. */
function utcDate(isoDay: string, plusDays = 0): Date {
  const [year = 1970, month = 1, day = 1] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + plusDays));
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
}

function figures(totals: ExposureTotals) {
  const filteredMs = Math.max(0, totals.exposureMs - totals.unfilteredMs);
  return {
    exposureMs: totals.exposureMs,
    filteredMs,
    unfilteredMs: totals.unfilteredMs,
    audioMs: totals.audioMs,
    filteredMin: filteredMs / MS_PER_MINUTE,
    unfilteredMin: totals.unfilteredMs / MS_PER_MINUTE,
    audioMin: totals.audioMs / MS_PER_MINUTE,
    breaksTaken: totals.wellbeing.breaksTaken,
    capsReached: totals.wellbeing.capsReached,
  };
}

/** Rows for this week's chart and table, one per day, labelled in `locale`. */
export function dayRows(days: readonly (ExposureTotals & { day: string })[], locale: string): ExposureRow[] {
  const short = formatter(locale, { weekday: 'short', day: 'numeric' });
  const full = formatter(locale, { weekday: 'long', month: 'long', day: 'numeric' });
  return days.map((totals) => ({
    key: totals.day,
    label: short.format(utcDate(totals.day)),
    fullLabel: full.format(utcDate(totals.day)),
    ...figures(totals),
  }));
}

/**
 * Rows for the 12-week chart and table, oldest first. Each week is labelled by its first
 * day, which the main side chose with the locale's weekStartsOn; the table names the
 * whole span ("March 2–8, 2025").
 */
export function weekRows(weeks: readonly (ExposureTotals & { weekStart: string })[], locale: string): ExposureRow[] {
  const short = formatter(locale, { month: 'short', day: 'numeric' });
  const full = formatter(locale, { month: 'long', day: 'numeric', year: 'numeric' });
  return weeks.map((totals) => ({
    key: totals.weekStart,
    label: short.format(utcDate(totals.weekStart)),
    fullLabel: full.formatRange(utcDate(totals.weekStart), utcDate(totals.weekStart, DAYS_PER_WEEK - 1)),
    ...figures(totals),
  }));
}

/** Whether anything at all has been recorded in the span the view covers. */
export function hasAnyExposure(data: MyExposure): boolean {
  return data.today.exposureMs > 0 || data.thisWeek.totals.exposureMs > 0 || data.last12Weeks.some((week) => week.exposureMs > 0);
}
