import type { WeekStartsOn } from '../exposure/day-boundaries.js';
import { perQuantity } from './cap-keys.js';
import { LimitsStateSchema, type LimitsState } from './limits-state.js';
import { initialLimitsState } from './limits-machine.js';
import { startTimeMs } from '../time/time-guard.js';
import type { LimitUsage } from './limits-types.js';
import { rollPeriods } from './periods.js';

/** How a saved state came back. */
export type LimitsRestoreOutcome =
  /** As saved. */
  | 'restored'
  /** As saved, but the clock now reads earlier than the last saved event (set back while Veil was closed). */
  | 'clock-set-back'
  /** The saved data failed the schema (or there was none): a fresh state; tell the user, and seed it from the ledger. */
  | 'invalid';

/**
 * The limits state to resume with at start-up `nowMs`, from data read back from disk
 * (anything: it is validated here). A clock set back while Veil was closed would make
 * every event 'out-of-order' and stop caps from counting; instead the last event time is
 * brought back to `nowMs` and the day and week are kept: usage goes on counting into
 * them, and they end only at their own end (see rollPeriods), so no fresh allowance.
 * Throws RangeError for an invalid `nowMs`.
 */
export function restoreLimitsState(saved: unknown, nowMs: number): { state: LimitsState; outcome: LimitsRestoreOutcome } {
  const fresh = initialLimitsState(nowMs);
  const parsed = LimitsStateSchema.safeParse(saved);
  if (!parsed.success) return { state: fresh, outcome: 'invalid' };
  const state = parsed.data;
  if (fresh.lastEventAtMs < state.lastEventAtMs) return { state: { ...state, lastEventAtMs: fresh.lastEventAtMs }, outcome: 'clock-set-back' };
  return { state, outcome: 'restored' };
}

/**
 * A state placed in the day and week of `nowMs` holding usage already counted there, for
 * when there is no saved state to restore (first start after an update, or a saved state
 * that failed validation): the service sums today's and this week's time from the ledger
 * so a cap does not start again from zero. Warnings and 'reached' records for what is
 * already past are written at the first step. Negative or non-finite amounts count as 0.
 * Throws RangeError for an invalid `nowMs` or time zone.
 */
export function seedLimitsState(
  nowMs: number,
  usage: { day: LimitUsage; week: LimitUsage },
  calendar: { timeZone: string; weekStartsOn: WeekStartsOn },
): LimitsState {
  const initial = initialLimitsState(startTimeMs(nowMs));
  const placed = rollPeriods(initial, initial.lastEventAtMs, calendar.timeZone, calendar.weekStartsOn);
  const clean = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? ms : 0);
  const day = perQuantity((q) => clean(usage.day[q]));
  // Today is part of this week, whatever the caller summed.
  const week = perQuantity((q) => Math.max(clean(usage.week[q]), day[q]));
  return { ...placed, day: { ...placed.day, usedMs: day }, week: { ...placed.week, usedMs: week } };
}
