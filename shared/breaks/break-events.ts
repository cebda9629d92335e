import { z } from 'zod';
import type { TimeRejection } from '../time/time-guard.js';
import { OVERRIDE_REASON_MAX_CHARS } from './break-records.js';

/**
 * One step of the exposure service (about every second and on every report): what the
 * ledger counted since the scheduler's previous accepted event (`state.lastEventAtMs`)
 * up to now. The service computes it from the tracker's closed records and open record.
 */
/** Untrimmed input may carry some whitespace; anything longer is not a reason someone typed. */
const OVERRIDE_REASON_CONTRACT_MAX_CHARS = OVERRIDE_REASON_MAX_CHARS * 2;

export interface BreakExposureEvent {
  type: 'exposure';
  /** Exposure is counting at now (the tracker's `counting` after its step). */
  countingSinceLastStep: boolean;
  /** Counted exposure since the previous accepted event, ms. More than the wall time elapsed is cut to it. */
  countedMs: number;
  /** Unfiltered and audio time in the same span, ms (the limits core uses them; breaks do not). */
  unfilteredMs: number;
  audioMs: number;
}

/**
 * The current item stopped being looked at: its video paused or ended, or it was
 * closed. A due break starts here rather than in the middle of something.
 */
interface ItemBoundaryEvent {
  type: 'item-boundary';
}

/**
 * What the user can do from the break notice or the break screen. Validated with this
 * schema where it crosses the contract; the scheduler decides whether it is allowed now.
 */
export const BreakActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('postpone') }).strict(),
  z.object({ type: z.literal('skip') }).strict(),
  z.object({ type: z.literal('end-early') }).strict(),
  /**
   * Strict mode's escape hatch, "I need to finish this now", with a typed reason. The
   * scheduler judges the trimmed reason; this cap only bounds what crosses the contract.
   */
  z.object({ type: z.literal('strict-override'), reason: z.string().max(OVERRIDE_REASON_CONTRACT_MAX_CHARS) }).strict(),
]);
export type BreakAction = z.infer<typeof BreakActionSchema>;

export type BreakEvent = BreakExposureEvent | ItemBoundaryEvent | BreakAction;

/**
 * Why an event was refused; a refused event changes nothing.
 * - 'invalid-time' / 'out-of-order': refused by the shared time guard (shared/time);
 * - 'invalid-event': an exposure event with impossible figures (negative, not finite);
 * - 'not-now': the action does not apply in the current phase (e.g. skip while on break);
 * - 'strict-mode': skip, postpone or end-early while strict mode is on;
 * - 'skip-not-allowed': skipping is turned off in settings;
 * - 'no-postpones-left': this break was already postponed the allowed number of times;
 * - 'not-strict': the escape hatch exists only in strict mode (skip/end early otherwise);
 * - 'reason-too-short' / 'reason-too-long' (as for a limit override): the escape hatch needs a typed reason of
 *   OVERRIDE_REASON_MIN_CHARS to OVERRIDE_REASON_MAX_CHARS characters after trimming.
 */
export type BreakRejection =
  | TimeRejection
  | 'invalid-event'
  | 'not-now'
  | 'strict-mode'
  | 'skip-not-allowed'
  | 'no-postpones-left'
  | 'not-strict'
  | 'reason-too-short'
  | 'reason-too-long';
