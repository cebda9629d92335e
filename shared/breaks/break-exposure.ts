import { BREAK_KINDS, type BreakTimings } from './break-config.js';
import type { BreakExposureEvent } from './break-events.js';
import { BREAK_RECORD_VERSION, breakRecord, type BreakLedgerRecord } from './break-records.js';
import type { BreakState } from './break-state.js';
import { resetFor, withCounter } from './schedule.js';
import { isWithinWorkingHours } from './working-hours.js';

/** Where in (previousMs, nowMs] the step's counted exposure lay, as far as one step can tell. */
interface Segment {
  startMs: number;
  endMs: number;
}

/**
 * Counted exposure placed in its step. Still counting at now: it ran up to now. Stopped
 * before now: it ran from the start of the step. Counting since this very instant: an
 * empty segment at now. Steps come every second, so the guess is off by a second at most.
 */
function segmentOf(countedMs: number, counting: boolean, previousMs: number, nowMs: number): Segment | null {
  if (countedMs > 0) return counting ? { startMs: nowMs - countedMs, endMs: nowMs } : { startMs: previousMs, endMs: previousMs + countedMs };
  return counting ? { startMs: nowMs, endMs: nowMs } : null;
}

export interface ExposureStep {
  /** Epoch ms of the previous accepted event. */
  previousMs: number;
  /** Epoch ms of this event (whole ms). */
  nowMs: number;
  /** When a running break ended earlier in this step (epoch ms), else null. */
  breakEndedAtMs: number | null;
}

/**
 * Applies one exposure step to a state whose running break (if any) has already been
 * ended when its time was up. In order:
 * 1. natural breaks: a pause without exposure (measured from the last exposure to the
 *    start of this step's exposure, or to now) at least as long as a break counts as
 *    that break taken, once, with the time the pause reached its length. Not while a
 *    break runs: the break is the pause. A clock jump forward (sleep) is such a pause,
 *    so waking up satisfies breaks instead of firing them;
 * 2. counters: the counted time, cut to the wall time elapsed, goes to both counters,
 *    except what fell inside a running break (the UI hides media then; anything counted
 *    anyway does not move a break);
 * 3. working hours: exposure outside them opens an after-hours stretch (one record at
 *    its start); exposure inside them, or a rest-length pause, closes it.
 */
export function applyExposure(state: BreakState, event: BreakExposureEvent, step: ExposureStep, t: BreakTimings, records: BreakLedgerRecord[]): BreakState {
  const { previousMs, nowMs, breakEndedAtMs } = step;
  const countedMs = Math.min(Math.floor(event.countedMs), nowMs - previousMs);
  const segment = segmentOf(countedMs, event.countingSinceLastStep, previousMs, nowMs);
  const pauseEndMs = segment?.startMs ?? nowMs;
  const lastExposureEndMs = state.lastExposureEndMs;
  const pauseMs = lastExposureEndMs === null ? 0 : pauseEndMs - lastExposureEndMs;
  let next = state;

  if (next.onBreak === null && lastExposureEndMs !== null) {
    // Shorter breaks first, so a long pause writes what one-second steps would have written.
    for (const kind of BREAK_KINDS) {
      if (pauseMs < t.durationMs[kind] || next[kind].exposureMs === 0) continue;
      const atMs = Math.max(previousMs, breakEndedAtMs ?? 0, lastExposureEndMs + t.durationMs[kind]);
      records.push(breakRecord(atMs, kind, 'natural'));
      next = resetFor(next, kind);
    }
  }

  if (next.onBreak === null && countedMs > 0) {
    const afterBreakMs = breakEndedAtMs === null ? countedMs : Math.min(countedMs, nowMs - breakEndedAtMs);
    for (const kind of BREAK_KINDS) {
      if (t.enabled[kind]) next = withCounter(next, kind, { ...next[kind], exposureMs: next[kind].exposureMs + afterBreakMs });
    }
  }

  if (segment !== null) next = { ...next, lastExposureEndMs: segment.endMs };
  return trackWorkingHours(next, segment, pauseMs, t, records);
}

function trackWorkingHours(state: BreakState, segment: Segment | null, pauseMs: number, t: BreakTimings, records: BreakLedgerRecord[]): BreakState {
  if (t.workingHours === null) return state.afterHoursSinceMs === null ? state : { ...state, afterHoursSinceMs: null };
  let sinceMs = state.afterHoursSinceMs;
  if (sinceMs !== null && pauseMs >= t.durationMs.rest) sinceMs = null;
  if (segment !== null) {
    const within = isWithinWorkingHours(segment.endMs, t.workingHours, t.timeZone);
    if (within !== false) sinceMs = null;
    else if (sinceMs === null) {
      sinceMs = segment.endMs;
      records.push({ v: BREAK_RECORD_VERSION, type: 'after-hours', atMs: sinceMs });
    }
  }
  return sinceMs === state.afterHoursSinceMs ? state : { ...state, afterHoursSinceMs: sinceMs };
}
