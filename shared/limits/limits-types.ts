import type { WeekStartsOn } from '../exposure/day-boundaries.js';
import type { LimitPeriod, LimitQuantity, PerQuantity } from './cap-keys.js';
import type { LimitsConfig } from './limits-config.js';
import type { LimitEventRecord } from './limit-records.js';
import type { LimitsState } from './limits-state.js';
import type { TimeRejection } from '../time/time-guard.js';
import type { LimitsView } from './limits-view-schema.js';

export type { CapView, LimitsView } from './limits-view-schema.js';

/** Counted time per quantity, ms. */
export type LimitUsage = PerQuantity<number>;

/** What can happen to the limits. Times come separately, from the main side's clock. */
export type LimitsEvent =
  /**
   * Counted time since the previous limits event (the exposure service computes it from
   * the tracker's open and closed records). Unfiltered and audio time are parts of it.
   * `countingSinceLastStep` is what the break machine needs; limits ignore it.
   */
  | { type: 'exposure'; countedMs: number; unfilteredMs: number; audioMs: number; countingSinceLastStep?: boolean }
  /** The user asks to go on past a reached cap, with a typed reason (kept locally). */
  | { type: 'override'; quantity: LimitQuantity; period: LimitPeriod; reason: string }
  /** The user changed their limits: the new values apply from this event on. */
  | { type: 'config-changed'; config: LimitsConfig };

/** Where the machine is, as the service knows it: the user's limits and calendar. */
export interface LimitsStepConfig {
  limits: LimitsConfig;
  /** The user's IANA time zone now (it may change between steps: travel, OS setting). */
  timeZone: string;
  /** First day of the week (date-fns: 0 = Sunday), from the user's locale. */
  weekStartsOn: WeekStartsOn;
}

/** Why an event was refused; a refused event changes nothing. */
export type LimitsRejection =
  | TimeRejection
  | 'unknown-time-zone'
  /** Amounts negative, not finite, or unfiltered/audio time larger than counted time. */
  | 'invalid-amounts'
  /** The override names a quantity or period that does not exist. */
  | 'unknown-cap'
  /** The override names a cap the user has not set. */
  | 'no-cap'
  | 'cap-not-reached'
  /** Empty, or fewer than MIN_OVERRIDE_REASON_CHARS once trimmed. */
  | 'reason-too-short'
  | 'reason-too-long'
  /** The new config fails LimitsConfigSchema (ranges, a daily cap above the weekly one). */
  | 'invalid-config'
  | 'unknown-event';

export interface LimitsStep {
  state: LimitsState;
  /** Records to append to the ledger, in order. Empty for most events. */
  records: LimitEventRecord[];
  rejected: LimitsRejection | null;
  /** The view after this step (of the unchanged state when refused). */
  view: LimitsView;
}
