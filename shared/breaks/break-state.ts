import { z } from 'zod';
import { startTimeMs } from '../time/time-guard.js';
import { BreakKindSchema } from './break-records.js';

const BREAK_STATE_VERSION = 1;

const msSchema = z.number().int().nonnegative();

/** Counted exposure towards one kind of break since it was last taken (or otherwise reset). */
const BreakCounterSchema = z
  .object({
    /** Counted exposure since the last reset, ms. */
    exposureMs: msSchema,
    /** Counted exposure added by postpones to this break's due point, ms. */
    extraMs: msSchema,
    /** Postpones used on this break. */
    postponesUsed: z.number().int().nonnegative(),
  })
  .strict();
export type BreakCounter = z.infer<typeof BreakCounterSchema>;

const RunningBreakSchema = z
  .object({
    kind: BreakKindSchema,
    startedAtMs: msSchema,
    /** Wall time at which it has run its length (fixed at the start; a settings change does not stretch it). */
    endsAtMs: msSchema,
  })
  .strict();

/**
 * Everything the scheduler knows, as plain JSON data. The service persists it so a
 * restart does not reset a break timer, and validates it with this schema on load
 * (a state that fails is replaced by initialBreakState: breaks restart from zero).
 * The phase is not stored: it follows from the counters and the settings of the day.
 */
export const BreakStateSchema = z
  .object({
    v: z.literal(BREAK_STATE_VERSION),
    /** Time of the last accepted event (epoch ms, whole ms); earlier events are refused. */
    lastEventAtMs: msSchema,
    /** When exposure was last seen counting (epoch ms); null before any. Pauses are measured from here. */
    lastExposureEndMs: msSchema.nullable(),
    micro: BreakCounterSchema,
    rest: BreakCounterSchema,
    /** The kind whose 'due' record was written and that is still due; null otherwise. */
    dueKind: BreakKindSchema.nullable(),
    onBreak: RunningBreakSchema.nullable(),
    /** Start of the open stretch of exposure outside working hours (epoch ms), or null. */
    afterHoursSinceMs: msSchema.nullable(),
  })
  .strict();
export type BreakState = z.infer<typeof BreakStateSchema>;

export const ZERO_COUNTER: BreakCounter = { exposureMs: 0, extraMs: 0, postponesUsed: 0 };

/**
 * A scheduler that has just started at `nowMs` (epoch ms, main side's monotonic clock):
 * no exposure counted, no break coming yet. Throws RangeError for an invalid time.
 */
export function initialBreakState(nowMs: number): BreakState {
  return {
    v: BREAK_STATE_VERSION,
    lastEventAtMs: startTimeMs(nowMs),
    lastExposureEndMs: null,
    micro: ZERO_COUNTER,
    rest: ZERO_COUNTER,
    dueKind: null,
    onBreak: null,
    afterHoursSinceMs: null,
  };
}

/**
 * A persisted state made usable at `nowMs` (epoch ms) after a restart. Normally the state
 * itself. If the clock was set back while Veil was closed, every event would be refused
 * as out-of-order until the clock caught up, silently stopping breaks for that long; so
 * all its instants move back together by the difference, keeping the counters, the time
 * left on a running break and the length of the pause so far. Throws RangeError for an
 * invalid time.
 */
export function resumeBreakState(state: BreakState, nowMs: number): BreakState {
  const atMs = startTimeMs(nowMs);
  const backMs = state.lastEventAtMs - atMs;
  if (backMs <= 0) return state;
  const shift = (ms: number): number => Math.max(0, ms - backMs);
  return {
    ...state,
    lastEventAtMs: atMs,
    lastExposureEndMs: state.lastExposureEndMs === null ? null : shift(state.lastExposureEndMs),
    onBreak: state.onBreak === null ? null : { ...state.onBreak, startedAtMs: shift(state.onBreak.startedAtMs), endsAtMs: shift(state.onBreak.endsAtMs) },
    afterHoursSinceMs: state.afterHoursSinceMs === null ? null : shift(state.afterHoursSinceMs),
  };
}
