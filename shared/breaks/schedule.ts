import type { BreakKind, BreakTimings } from './break-config.js';
import { ZERO_COUNTER, type BreakCounter, type BreakState } from './break-state.js';

/** What the UI shows now: working, warned, due (waiting for an item boundary), or on a break. */
export type BreakPhase = 'working' | 'warning' | 'due' | 'on-break';

/** The next break and the counted exposure left before it is due (≤ 0: due already), ms. */
export interface UpcomingBreak {
  kind: BreakKind;
  remainingMs: number;
}

function remainingMs(counter: BreakCounter, intervalMs: number): number {
  return intervalMs + counter.extraMs - counter.exposureMs;
}

/**
 * The break that comes next, or null when both kinds are off.
 *
 * Rest breaks satisfy micro-breaks, and two breaks never come back to back: when the
 * rest break falls due no later than half a micro interval of exposure (absorbWindowMs)
 * after the micro-break (or after now, if the micro-break is already due and waiting for
 * an item boundary), the rest break is the one announced, at the earlier of the two due
 * points. So a rest break may come early, never late; a micro-break is never delayed
 * (a waiting micro-break that turns into a rest break keeps its due point and grace);
 * and after a micro-break at least half a micro interval of exposure passes before the
 * rest break. Taking (or otherwise ending) a rest break resets both counters.
 */
export function upcomingBreak(state: BreakState, t: BreakTimings): UpcomingBreak | null {
  const micro = t.enabled.micro ? remainingMs(state.micro, t.intervalMs.micro) : null;
  const rest = t.enabled.rest ? remainingMs(state.rest, t.intervalMs.rest) : null;
  if (rest === null) return micro === null ? null : { kind: 'micro', remainingMs: micro };
  if (micro === null) return { kind: 'rest', remainingMs: rest };
  if (rest <= Math.max(micro, 0) + t.absorbWindowMs) return { kind: 'rest', remainingMs: Math.min(rest, micro) };
  return { kind: 'micro', remainingMs: micro };
}

/** The phase when not on a break: due at 0 exposure left, warned within warningMs of it. */
export function phaseOf(upcoming: UpcomingBreak | null, t: BreakTimings): Exclude<BreakPhase, 'on-break'> {
  if (upcoming === null) return 'working';
  if (upcoming.remainingMs <= 0) return 'due';
  return upcoming.remainingMs <= t.warningMs ? 'warning' : 'working';
}

/** The counters a break of `kind` satisfies: a rest break covers the micro-break too. */
function coveredKinds(kind: BreakKind): readonly BreakKind[] {
  return kind === 'rest' ? ['micro', 'rest'] : ['micro'];
}

/** The state with one counter replaced. */
export function withCounter(state: BreakState, kind: BreakKind, counter: BreakCounter): BreakState {
  return kind === 'micro' ? { ...state, micro: counter } : { ...state, rest: counter };
}

/** The state with the counters `kind` satisfies set back to zero (postpones forgotten). */
export function resetFor(state: BreakState, kind: BreakKind): BreakState {
  let next = state;
  for (const k of coveredKinds(kind)) next = withCounter(next, k, ZERO_COUNTER);
  return next;
}

/**
 * The state after postponing the announced break by `t.postponeMs` of counted exposure
 * from its due point, or from now when it is already due (so a postpone always buys the
 * full length, however long the break waited for an item boundary). Every counter the
 * break covers moves at least that far, so a postponed rest break does not leave its
 * micro-break due; the postpone is counted against the announced kind.
 */
export function postponed(state: BreakState, upcoming: UpcomingBreak, t: BreakTimings): BreakState {
  const newRemainingMs = Math.max(upcoming.remainingMs, 0) + t.postponeMs;
  let next = state;
  for (const k of coveredKinds(upcoming.kind)) {
    const counter = next[k];
    const shortMs = newRemainingMs - remainingMs(counter, t.intervalMs[k]);
    if (shortMs > 0) next = withCounter(next, k, { ...counter, extraMs: counter.extraMs + shortMs });
  }
  const announced = next[upcoming.kind];
  return withCounter(next, upcoming.kind, { ...announced, postponesUsed: announced.postponesUsed + 1 });
}
