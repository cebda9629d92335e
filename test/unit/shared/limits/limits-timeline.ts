import type { WeekStartsOn } from '../../../../shared/exposure/day-boundaries.js';
import type { LimitPeriod, LimitQuantity } from '../../../../shared/limits/cap-keys.js';
import { DEFAULT_LIMITS_CONFIG, type LimitsConfig, type QuantityCaps } from '../../../../shared/limits/limits-config.js';
import type { LimitEventRecord } from '../../../../shared/limits/limit-records.js';
import { initialLimitsState, stepLimits } from '../../../../shared/limits/limits-machine.js';
import type { LimitsState } from '../../../../shared/limits/limits-state.js';
import type { LimitsEvent, LimitsStep, LimitsStepConfig, LimitsView } from '../../../../shared/limits/limits-types.js';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const TORONTO = 'America/Toronto';

/** Tuesday 14 May 2024, 09:00 in Toronto (13:00 UTC): an ordinary working morning. */
export const T0 = Date.UTC(2024, 4, 14, 13, 0, 0);

/** Limits with the given caps (minutes) and defaults for the rest. */
export function limitsWith(caps: Partial<Record<LimitQuantity, Partial<QuantityCaps>>>, rest: Partial<Omit<LimitsConfig, 'caps'>> = {}): LimitsConfig {
  const row = (q: LimitQuantity): QuantityCaps => ({ dayMin: null, weekMin: null, ...caps[q] });
  return { ...DEFAULT_LIMITS_CONFIG, ...rest, caps: { exposure: row('exposure'), unfiltered: row('unfiltered'), audio: row('audio') } };
}

/** A cap of `minutes` on one quantity and period, nothing else. */
export function oneCap(quantity: LimitQuantity, period: LimitPeriod, minutes: number, rest: Partial<Omit<LimitsConfig, 'caps'>> = {}): LimitsConfig {
  return limitsWith({ [quantity]: period === 'day' ? { dayMin: minutes } : { weekMin: minutes } }, rest);
}

/** Counted time of one kind: exposure alone, or exposure that was also unfiltered or audible. */
function countedAs(quantity: LimitQuantity, ms: number): LimitsEvent {
  return { type: 'exposure', countedMs: ms, unfilteredMs: quantity === 'unfiltered' ? ms : 0, audioMs: quantity === 'audio' ? ms : 0 };
}

/**
 * A scripted run of the limits machine at absolute epoch-ms times: no clock anywhere.
 * Keeps every step so tests can look at what each event produced.
 */
export class LimitsTimeline {
  state: LimitsState;
  readonly records: LimitEventRecord[] = [];
  readonly steps: LimitsStep[] = [];
  config: LimitsStepConfig;
  /** Time of the last event sent (accepted or not). */
  lastMs: number;

  constructor(limits: LimitsConfig, startMs: number = T0, timeZone: string = TORONTO, weekStartsOn: WeekStartsOn = 0) {
    this.state = initialLimitsState(startMs);
    this.config = { limits, timeZone, weekStartsOn };
    this.lastMs = startMs;
  }

  at(atMs: number, event: LimitsEvent): LimitsStep {
    const step = stepLimits(this.state, event, atMs, this.config);
    this.state = step.state;
    this.records.push(...step.records);
    this.steps.push(step);
    this.lastMs = atMs;
    return step;
  }

  /** Counted time `ms` of `quantity` arriving at `atMs`. */
  count(atMs: number, quantity: LimitQuantity, ms: number): LimitsStep {
    return this.at(atMs, countedAs(quantity, ms));
  }

  /**
   * Continuous viewing from the last event for `durationMs`, reported every `stepMs`
   * (the service steps every second; a minute keeps tests short). Returns the last step.
   */
  view(quantity: LimitQuantity, durationMs: number, stepMs: number = MINUTE): LimitsStep {
    const endMs = this.lastMs + durationMs;
    let step: LimitsStep | undefined;
    while (this.lastMs < endMs) {
      const atMs = Math.min(endMs, this.lastMs + stepMs);
      step = this.count(atMs, quantity, atMs - this.lastMs);
    }
    if (step === undefined) throw new Error('view needs a positive duration');
    return step;
  }

  /** A step with no counted time (the service's per-second step while nothing shows). */
  tick(atMs: number): LimitsStep {
    return this.at(atMs, { type: 'exposure', countedMs: 0, unfilteredMs: 0, audioMs: 0 });
  }

  override(atMs: number, quantity: LimitQuantity, period: LimitPeriod, reason: string): LimitsStep {
    return this.at(atMs, { type: 'override', quantity, period, reason });
  }

  /** The user changes their limits: the event, then the new limits passed on every later step. */
  configure(atMs: number, limits: LimitsConfig): LimitsStep {
    const step = this.at(atMs, { type: 'config-changed', config: limits });
    if (step.rejected === null) this.config = { ...this.config, limits };
    return step;
  }

  get latestView(): LimitsView {
    const last = this.steps[this.steps.length - 1];
    if (last === undefined) throw new Error('no step yet');
    return last.view;
  }

  /** Records written since the step at `fromStep` (index into steps). */
  recordsSince(fromStep: number): LimitEventRecord[] {
    return this.steps.slice(fromStep).flatMap((s) => s.records);
  }
}
