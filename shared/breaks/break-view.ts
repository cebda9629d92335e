import { breakTimings, type BreakKind, type BreakStepConfig, type BreakTimings } from './break-config.js';
import type { BreakState } from './break-state.js';
import { phaseOf, upcomingBreak, type BreakPhase } from './schedule.js';

/** What the UI must show now. Seconds are whole, rounded up (a countdown never shows 0 early). */
export interface BreakView {
  phase: BreakPhase;
  /** The break coming next, due, or running; null only when both kinds are turned off. */
  kind: BreakKind | null;
  /** Counted exposure until `kind` is due, s; 0 when due or on a break; null when no break is scheduled. */
  exposureSecondsUntilDue: number | null;
  /** While due: counted exposure left before the break starts without waiting for an item boundary, s. */
  exposureSecondsUntilForcedStart: number | null;
  /** On a break: wall time left, s (the countdown). */
  breakSecondsLeft: number | null;
  /** Length of a `kind` break, s; null when no break is scheduled. */
  breakLengthSec: number | null;
  /** Postpones still allowed for `kind` (0 in strict mode). */
  postponesLeft: number;
  canPostpone: boolean;
  canSkip: boolean;
  canEndEarly: boolean;
  /** Strict mode's escape hatch ("I need to finish this now", with a typed reason) is offered. */
  strictOverrideOffered: boolean;
  /** The current stretch of exposure is outside working hours: show the gentle notice. */
  afterHours: boolean;
}

function ceilSeconds(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 1000);
}

/**
 * Whole minutes a countdown of `seconds` shows, rounded up so it never says 0 before the
 * time is up ("1 min" for the last 60 s). Countdowns the UI shows in minutes move only
 * when this does, so the page is not redrawn every counted second.
 */
export function minutesLeft(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** The view for a state at `nowMs` (epoch ms; only a running break's countdown depends on it). */
export function breakView(state: BreakState, nowMs: number, config: BreakStepConfig): BreakView {
  return viewWith(state, nowMs, breakTimings(config));
}

/** breakView with the timings already computed. */
export function viewWith(state: BreakState, nowMs: number, t: BreakTimings): BreakView {
  const afterHours = state.afterHoursSinceMs !== null;
  if (state.onBreak !== null) {
    const { kind, endsAtMs } = state.onBreak;
    return {
      phase: 'on-break',
      kind,
      exposureSecondsUntilDue: 0,
      exposureSecondsUntilForcedStart: null,
      breakSecondsLeft: ceilSeconds(endsAtMs - nowMs),
      breakLengthSec: ceilSeconds(t.durationMs[kind]),
      postponesLeft: 0,
      canPostpone: false,
      canSkip: false,
      canEndEarly: !t.strictMode,
      strictOverrideOffered: t.strictMode,
      afterHours,
    };
  }
  const upcoming = upcomingBreak(state, t);
  const phase = phaseOf(upcoming, t);
  if (upcoming === null) {
    return {
      phase,
      kind: null,
      exposureSecondsUntilDue: null,
      exposureSecondsUntilForcedStart: null,
      breakSecondsLeft: null,
      breakLengthSec: null,
      postponesLeft: 0,
      canPostpone: false,
      canSkip: false,
      canEndEarly: false,
      strictOverrideOffered: false,
      afterHours,
    };
  }
  const coming = phase === 'warning' || phase === 'due';
  const postponesLeft = t.strictMode ? 0 : Math.max(0, t.maxPostpones - state[upcoming.kind].postponesUsed);
  return {
    phase,
    kind: upcoming.kind,
    exposureSecondsUntilDue: ceilSeconds(upcoming.remainingMs),
    exposureSecondsUntilForcedStart: phase === 'due' ? ceilSeconds(upcoming.remainingMs + t.graceMs) : null,
    breakSecondsLeft: null,
    breakLengthSec: ceilSeconds(t.durationMs[upcoming.kind]),
    postponesLeft,
    canPostpone: coming && postponesLeft > 0,
    canSkip: coming && t.skipAllowed && !t.strictMode,
    canEndEarly: false,
    strictOverrideOffered: coming && t.strictMode,
    afterHours,
  };
}
