import { DEFAULT_BREAK_CONFIG, type BreakConfig, type BreakStepConfig } from '../../../../shared/breaks/break-config.js';
import type { BreakAction, BreakEvent } from '../../../../shared/breaks/break-events.js';
import type { BreakLedgerRecord } from '../../../../shared/breaks/break-records.js';
import { breakView, initialBreakState, stepBreaks, type BreakStep, type BreakView } from '../../../../shared/breaks/break-scheduler.js';
import type { BreakState } from '../../../../shared/breaks/break-state.js';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const TORONTO = 'America/Toronto';

/** Tuesday 14 May 2024, 09:00 in Toronto (13:00 UTC): inside the default working hours. */
export const T0 = Date.UTC(2024, 4, 14, 13, 0, 0);

export function config(overrides: Partial<BreakConfig> = {}, timeZone: string = TORONTO): BreakStepConfig {
  return { ...DEFAULT_BREAK_CONFIG, ...overrides, timeZone };
}

export function exposure(countedMs: number, counting = true): BreakEvent {
  return { type: 'exposure', countingSinceLastStep: counting, countedMs, unfilteredMs: 0, audioMs: 0 };
}

/** Compact form of a break record for assertions: 'micro:due', 'after-hours', … */
function label(record: BreakLedgerRecord): string {
  return record.type === 'break' ? `${record.kind}:${record.event}` : record.type;
}

/**
 * A scripted timeline with a cursor: every call moves `nowMs` forward explicitly and
 * feeds the scheduler the events an exposure service would send. No clock anywhere.
 */
export class BreakTimeline {
  state: BreakState;
  nowMs: number;
  readonly records: BreakLedgerRecord[] = [];
  readonly steps: BreakStep[] = [];
  /** Counted exposure fed so far, ms. */
  exposedMs = 0;

  constructor(
    public cfg: BreakStepConfig = config(),
    readonly startMs: number = T0,
  ) {
    this.state = initialBreakState(startMs);
    this.nowMs = startMs;
  }

  /** One event at an absolute time; the cursor follows accepted events only. */
  at(nowMs: number, event: BreakEvent): BreakStep {
    const step = stepBreaks(this.state, event, nowMs, this.cfg);
    this.steps.push(step);
    if (step.rejected === null) {
      this.state = step.state;
      this.nowMs = Math.floor(nowMs);
      this.records.push(...step.records);
    }
    return step;
  }

  /** One event `afterMs` after the cursor. */
  after(afterMs: number, event: BreakEvent): BreakStep {
    return this.at(this.nowMs + afterMs, event);
  }

  act(action: BreakAction): BreakStep {
    return this.at(this.nowMs, action);
  }

  boundary(): BreakStep {
    return this.at(this.nowMs, { type: 'item-boundary' });
  }

  get view(): BreakView {
    return breakView(this.state, this.nowMs, this.cfg);
  }

  get labels(): string[] {
    return this.records.map(label);
  }

  /** Labels of records written from index `from` on. */
  labelsFrom(from: number): string[] {
    return this.records.slice(from).map(label);
  }

  /** `durationMs` of wall time with media counted all along, one step every `stepMs`. */
  expose(durationMs: number, stepMs: number = SECOND): void {
    this.exposeUntil(() => false, durationMs, stepMs);
  }

  /**
   * Exposure, one step every `stepMs`, until `done` holds after a step or `maxMs` has
   * passed. Returns the wall time spent, ms.
   */
  exposeUntil(done: (step: BreakStep) => boolean, maxMs: number, stepMs: number = SECOND): number {
    const fromMs = this.nowMs;
    while (this.nowMs - fromMs < maxMs) {
      const chunkMs = Math.min(stepMs, maxMs - (this.nowMs - fromMs));
      const step = this.after(chunkMs, exposure(chunkMs));
      this.exposedMs += chunkMs;
      if (done(step)) break;
    }
    return this.nowMs - fromMs;
  }

  /** `durationMs` of wall time with nothing counted (ticks every `stepMs`). */
  pause(durationMs: number, stepMs: number = SECOND): void {
    const endMs = this.nowMs + durationMs;
    while (this.nowMs < endMs) this.at(Math.min(endMs, this.nowMs + stepMs), exposure(0, false));
  }

  /** Records of the given label, with their times relative to the start. */
  times(of: string): number[] {
    return this.records.filter((r) => label(r) === of).map((r) => r.atMs - this.startMs);
  }
}
