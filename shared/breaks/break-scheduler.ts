import { breakTimings, type BreakKind, type BreakStepConfig, type BreakTimings } from './break-config.js';
import { applyAction } from './break-actions.js';
import type { BreakEvent, BreakExposureEvent, BreakRejection } from './break-events.js';
import { applyExposure } from './break-exposure.js';
import { breakRecord, type BreakLedgerRecord } from './break-records.js';
import type { BreakState } from './break-state.js';
import { checkEventTime } from '../time/time-guard.js';
import { viewWith, type BreakView } from './break-view.js';
import { phaseOf, resetFor, upcomingBreak } from './schedule.js';

export { initialBreakState, resumeBreakState, type BreakState } from './break-state.js';
export type { BreakStepConfig } from './break-config.js';
export type { BreakEvent } from './break-events.js';
export { breakView, type BreakView } from './break-view.js';

export interface BreakStep {
  state: BreakState;
  /** Records to append to the ledger, in time order; empty for most steps. */
  records: BreakLedgerRecord[];
  /** Why the event was refused (then state is the very same object and records empty), or null. */
  rejected: BreakRejection | null;
  /** What the UI must show after this step. */
  view: BreakView;
}

/**
 * Applies one event at `nowMs` (epoch ms from the main side's monotonic clock; fractions
 * truncated) and returns the new state, the ledger records it produced, whether it was
 * refused, and what the UI must show.
 *
 * Breaks are driven by counted exposure (exposure events), not by wall clock or input:
 * a break falls due when its counter reaches its interval, is announced `warningSec`
 * before, starts at the next item boundary or after `graceSec` more exposure, and runs
 * its length in wall time. Pauses as long as a break count as that break (natural).
 * Refused events (bad or earlier time, impossible figures, an action not allowed now)
 * return `state` unchanged and no records. Time only moves forward, so neither a clock
 * set back nor a jump forward can make a break fire twice: a jump is a pause.
 */
export function stepBreaks(state: BreakState, event: BreakEvent, nowMs: number, config: BreakStepConfig): BreakStep {
  const t = breakTimings(config);
  const refused = (rejected: BreakRejection): BreakStep => ({ state, records: [], rejected, view: viewWith(state, state.lastEventAtMs, t) });
  const time = checkEventTime(nowMs, state.lastEventAtMs);
  if (!time.ok) return refused(time.rejected);
  const { atMs } = time;
  if (event.type === 'exposure' && !validExposure(event)) return refused('invalid-event');

  const records: BreakLedgerRecord[] = [];
  let next: BreakState = { ...state, lastEventAtMs: atMs };

  // A running break whose time is up ended at its end, whichever event brought the time.
  let breakEndedAtMs: number | null = null;
  if (next.onBreak !== null && atMs >= next.onBreak.endsAtMs) {
    breakEndedAtMs = next.onBreak.endsAtMs;
    records.push(breakRecord(breakEndedAtMs, next.onBreak.kind, 'taken'));
    next = { ...resetFor(next, next.onBreak.kind), onBreak: null };
  }

  if (event.type === 'exposure') {
    next = applyExposure(next, event, { previousMs: state.lastEventAtMs, nowMs: atMs, breakEndedAtMs }, t, records);
  }
  next = settle(next, atMs, t, records);

  if (event.type === 'item-boundary') {
    next = startIfDue(next, atMs, t, records);
  } else if (event.type !== 'exposure') {
    const outcome = applyAction(next, event, atMs, t);
    if (!outcome.ok) return refused(outcome.rejected);
    records.push(...outcome.records);
    next = settle(outcome.state, atMs, t, records);
  }

  records.sort((a, b) => a.atMs - b.atMs);
  return { state: next, records, rejected: null, view: viewWith(next, atMs, t) };
}

function validExposure(event: BreakExposureEvent): boolean {
  const fine = (ms: number): boolean => Number.isFinite(ms) && ms >= 0;
  return fine(event.countedMs) && fine(event.unfilteredMs) && fine(event.audioMs) && typeof event.countingSinceLastStep === 'boolean';
}

/**
 * Brings the due state up to date with the counters: writes 'due' once when a break
 * falls due (again after a postpone, or when a waiting micro-break turns into the rest
 * break), forgets it when it no longer is, and starts it when its grace has run out
 * without an item boundary.
 */
function settle(state: BreakState, atMs: number, t: BreakTimings, records: BreakLedgerRecord[]): BreakState {
  if (state.onBreak !== null) return state.dueKind === null ? state : { ...state, dueKind: null };
  const upcoming = upcomingBreak(state, t);
  if (upcoming === null || phaseOf(upcoming, t) !== 'due') return state.dueKind === null ? state : { ...state, dueKind: null };
  let next = state;
  if (next.dueKind !== upcoming.kind) {
    records.push(breakRecord(atMs, upcoming.kind, 'due'));
    next = { ...next, dueKind: upcoming.kind };
  }
  return upcoming.remainingMs <= -t.graceMs ? startBreak(next, upcoming.kind, atMs, t, records) : next;
}

function startIfDue(state: BreakState, atMs: number, t: BreakTimings, records: BreakLedgerRecord[]): BreakState {
  if (state.onBreak !== null || state.dueKind === null) return state;
  return startBreak(state, state.dueKind, atMs, t, records);
}

function startBreak(state: BreakState, kind: BreakKind, atMs: number, t: BreakTimings, records: BreakLedgerRecord[]): BreakState {
  records.push(breakRecord(atMs, kind, 'started'));
  return { ...state, dueKind: null, onBreak: { kind, startedAtMs: atMs, endsAtMs: atMs + t.durationMs[kind] } };
}
