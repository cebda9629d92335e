/**
 * The one time guard of Veil's state machines (exposure tracker, break scheduler, limits).
 * Each machine keeps the time of its last accepted event; an event may come at that time
 * or later, never earlier, so a clock set back or a late delivery cannot count time twice
 * or fire a break or a cap again. Pure: the time is always passed in.
 */

/** Why the guard refused a time; the same kebab-case codes in every machine. */
export type TimeRejection =
  /** Not a finite, non-negative number of epoch ms that whole-ms arithmetic can hold. */
  | 'invalid-time'
  /** Earlier than the last accepted event (clock set back, late delivery). */
  | 'out-of-order';

export type TimeCheck = { ok: true; atMs: number } | { ok: false; rejected: TimeRejection };

/** True for a finite, non-negative time in epoch ms, at most Number.MAX_SAFE_INTEGER. */
export function isValidTimeMs(ms: number): boolean {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= Number.MAX_SAFE_INTEGER;
}

/**
 * Checks the time of a new event against the machine's last accepted one (both epoch ms).
 * Accepted times come back truncated to whole ms (`atMs`), as records hold whole ms, and
 * are never below `lastEventAtMs`: the same instant is fine, an earlier one is not.
 */
export function checkEventTime(nowMs: number, lastEventAtMs: number): TimeCheck {
  if (!isValidTimeMs(nowMs)) return { ok: false, rejected: 'invalid-time' };
  const atMs = Math.floor(nowMs);
  if (atMs < lastEventAtMs) return { ok: false, rejected: 'out-of-order' };
  return { ok: true, atMs };
}

/**
 * The whole-ms start time of a fresh machine; throws RangeError for a time isValidTimeMs
 * refuses (a machine cannot start at no time).
 */
export function startTimeMs(nowMs: number): number {
  if (!isValidTimeMs(nowMs)) throw new RangeError(`not a time: ${nowMs}`);
  return Math.floor(nowMs);
}
