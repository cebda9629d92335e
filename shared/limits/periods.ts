import { addDaysToKey, dayKey, endOfDayMs, startOfDayMs, weekStartKeyOfDay, type WeekStartsOn } from '../exposure/day-boundaries.js';
import { perQuantity } from './cap-keys.js';
import type { LimitsState, PeriodState } from './limits-state.js';

const DAYS_PER_WEEK = 7;

/** A period with nothing used and no cap touched. `key` '' with endMs 0 means "not placed yet". */
export function freshPeriod(key: string, endMs: number): PeriodState {
  return {
    key,
    endMs,
    usedMs: perQuantity(() => 0),
    caps: perQuantity(() => ({ warnedPct: 0, reachedRecorded: false, extensionMs: 0, overrides: 0 })),
  };
}

/**
 * The state with its day and week moved on to those of `atMs` when they are over.
 *
 * A period ends only when BOTH hold:
 * - the calendar says so: the local day key of `atMs` is later than the period's key
 *   (for a week: the week containing that day starts on or after the period's start + 7
 *   days). A key earlier than the current one (clock set back, a zone further west) never
 *   ends anything: the time counts into the current period.
 * - the instant has reached the period's end as fixed when it began (`endMs`): a zone
 *   further east, or one flipped back and forth, cannot end today before its own midnight.
 * So a period never ends early and never restarts twice. The price: a period may run
 * long (across a clock set back, or into a new zone's day), which only ever tightens a cap.
 * Throws RangeError for an unknown time zone (callers check first).
 */
export function rollPeriods(state: LimitsState, atMs: number, timeZone: string, weekStartsOn: WeekStartsOn): LimitsState {
  const dayOver = state.day.key === '' || atMs >= state.day.endMs;
  const weekOver = state.week.key === '' || atMs >= state.week.endMs;
  // Both guards false is the common case (every step within the day): no zone lookup.
  if (!dayOver && !weekOver) return state;

  const today = dayKey(atMs, timeZone);
  let { day, week } = state;
  if (dayOver && (day.key === '' || today > day.key)) day = freshPeriod(today, endOfDayMs(today, timeZone));

  const weekStart = weekStartKeyOfDay(today, weekStartsOn);
  if (weekOver && (week.key === '' || weekStart >= addDaysToKey(week.key, DAYS_PER_WEEK))) {
    week = freshPeriod(weekStart, startOfDayMs(addDaysToKey(weekStart, DAYS_PER_WEEK), timeZone));
  }
  return day === state.day && week === state.week ? state : { ...state, day, week };
}
