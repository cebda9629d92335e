import { addDaysToKey } from '../../../shared/exposure/day-boundaries.js';

/**
 * Days today may be after the newest day written and still be trusted: a holiday, not a
 * clock jump. Beyond it (or beyond the retention window, if shorter) retention measures
 * from the newest day written instead of from today.
 */
export const TRUSTED_GAP_DAYS = 31;

export interface RetentionPlan {
  /** Day files of days before this one are removed ('YYYY-MM-DD'). */
  cutoffDayKey: string;
  /** The later cutoff today's date alone would have given, when it was not trusted; else null. */
  heldBackFromDayKey: string | null;
}

/**
 * Which days retention may remove. Normally every day more than `retentionDays − 1` days
 * before today. But when today is far after the newest day ever written (more than
 * TRUSTED_GAP_DAYS, or more than the window itself), the clock may have jumped years ahead,
 * and nothing within the retention window before the newest day written is removed.
 * Day keys are local days; `newestWrittenDay` null means there is no history.
 */
export function planRetention(todayKey: string, newestWrittenDay: string | null, retentionDays: number): RetentionPlan {
  const byToday = addDaysToKey(todayKey, -(retentionDays - 1));
  if (newestWrittenDay === null) return { cutoffDayKey: byToday, heldBackFromDayKey: null };
  const trustedUntil = addDaysToKey(newestWrittenDay, Math.min(TRUSTED_GAP_DAYS, retentionDays - 1));
  if (todayKey <= trustedUntil) return { cutoffDayKey: byToday, heldBackFromDayKey: null };
  const byNewest = addDaysToKey(newestWrittenDay, -(retentionDays - 1));
  return { cutoffDayKey: byNewest, heldBackFromDayKey: byToday };
}
