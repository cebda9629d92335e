import type { BreakTimings } from './break-config.js';
import type { BreakAction, BreakRejection } from './break-events.js';
import { breakRecord, OVERRIDE_REASON_MAX_CHARS, OVERRIDE_REASON_MIN_CHARS, type BreakRecord } from './break-records.js';
import type { BreakState } from './break-state.js';
import { phaseOf, postponed, resetFor, upcomingBreak } from './schedule.js';

export type ActionOutcome = { ok: true; state: BreakState; records: BreakRecord[] } | { ok: false; rejected: BreakRejection };

/** The trimmed reason, or why it is refused. Length in UTF-16 units, as the record schema counts. */
export function checkOverrideReason(reason: string): { ok: true; reason: string } | { ok: false; rejected: BreakRejection } {
  const trimmed = reason.trim();
  if (trimmed.length < OVERRIDE_REASON_MIN_CHARS) return { ok: false, rejected: 'reason-too-short' };
  if (trimmed.length > OVERRIDE_REASON_MAX_CHARS) return { ok: false, rejected: 'reason-too-long' };
  return { ok: true, reason: trimmed };
}

/**
 * Applies a user action at `atMs` to a state whose time has already been brought up to
 * date. Postpone and skip apply to a break that is coming (warning) or due; ending early
 * to a running break; strict mode allows none of them, only the escape hatch with a
 * typed reason, which cancels a coming or due break or ends a running one. Whatever
 * ends or cancels a break resets the counters it covers, so it cannot fall due again at
 * once. A refused action reports why and the caller keeps the old state.
 */
export function applyAction(state: BreakState, action: BreakAction, atMs: number, t: BreakTimings): ActionOutcome {
  const running = state.onBreak;
  const upcoming = running === null ? upcomingBreak(state, t) : null;
  const coming = upcoming !== null && phaseOf(upcoming, t) !== 'working';
  switch (action.type) {
    case 'postpone': {
      if (upcoming === null || !coming) return { ok: false, rejected: 'not-now' };
      if (t.strictMode) return { ok: false, rejected: 'strict-mode' };
      if (state[upcoming.kind].postponesUsed >= t.maxPostpones) return { ok: false, rejected: 'no-postpones-left' };
      return { ok: true, state: { ...postponed(state, upcoming, t), dueKind: null }, records: [breakRecord(atMs, upcoming.kind, 'postponed')] };
    }
    case 'skip': {
      if (upcoming === null || !coming) return { ok: false, rejected: 'not-now' };
      if (t.strictMode) return { ok: false, rejected: 'strict-mode' };
      if (!t.skipAllowed) return { ok: false, rejected: 'skip-not-allowed' };
      return { ok: true, state: { ...resetFor(state, upcoming.kind), dueKind: null }, records: [breakRecord(atMs, upcoming.kind, 'skipped')] };
    }
    case 'end-early': {
      if (running === null) return { ok: false, rejected: 'not-now' };
      if (t.strictMode) return { ok: false, rejected: 'strict-mode' };
      return { ok: true, state: { ...resetFor(state, running.kind), onBreak: null }, records: [breakRecord(atMs, running.kind, 'ended-early')] };
    }
    case 'strict-override': {
      const kind = running?.kind ?? (coming ? upcoming?.kind : undefined);
      if (kind === undefined) return { ok: false, rejected: 'not-now' };
      if (!t.strictMode) return { ok: false, rejected: 'not-strict' };
      const reason = checkOverrideReason(action.reason);
      if (!reason.ok) return reason;
      return {
        ok: true,
        state: { ...resetFor(state, kind), onBreak: null, dueKind: null },
        records: [breakRecord(atMs, kind, 'strict-override', reason.reason)],
      };
    }
  }
}
