import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialBreakState, stepBreaks, type BreakState } from '../../../../shared/breaks/break-scheduler.js';
import { initialTrackerState, stepTracker, type TrackerState } from '../../../../shared/exposure/tracker.js';
import { DEFAULT_LIMITS_CONFIG } from '../../../../shared/limits/limits-config.js';
import { initialLimitsState, stepLimits } from '../../../../shared/limits/limits-machine.js';
import type { LimitsState } from '../../../../shared/limits/limits-state.js';
import { checkEventTime, isValidTimeMs, startTimeMs } from '../../../../shared/time/time-guard.js';
import { config as breakConfig } from '../breaks/break-timeline.js';

const T0 = Date.UTC(2025, 2, 10, 14, 0, 0);
const NOT_TIMES = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5, Number.MAX_SAFE_INTEGER + 2];

describe('checkEventTime', () => {
  it('accepts the same instant and later ones, truncated to whole ms', () => {
    expect(checkEventTime(T0, T0)).toEqual({ ok: true, atMs: T0 });
    expect(checkEventTime(T0 + 1.9, T0)).toEqual({ ok: true, atMs: T0 + 1 });
    expect(checkEventTime(T0 + 0.5, T0)).toEqual({ ok: true, atMs: T0 });
  });

  it('refuses an earlier time as out-of-order, even by one millisecond', () => {
    expect(checkEventTime(T0 - 1, T0)).toEqual({ ok: false, rejected: 'out-of-order' });
  });

  it.each(NOT_TIMES)('refuses %s as invalid-time', (nowMs) => {
    expect(checkEventTime(nowMs, 0)).toEqual({ ok: false, rejected: 'invalid-time' });
    expect(isValidTimeMs(nowMs)).toBe(false);
    expect(() => startTimeMs(nowMs)).toThrow(RangeError);
  });

  it('never lets an accepted time go below the last one, and refuses exactly the earlier ones', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 2 ** 53 + 1e3, noNaN: false }), fc.nat({ max: 2 ** 52 }), (nowMs, lastMs) => {
        const checked = checkEventTime(nowMs, lastMs);
        if (!isValidTimeMs(nowMs)) expect(checked).toEqual({ ok: false, rejected: 'invalid-time' });
        else if (Math.floor(nowMs) < lastMs) expect(checked).toEqual({ ok: false, rejected: 'out-of-order' });
        else expect(checked).toEqual({ ok: true, atMs: Math.floor(nowMs) });
      }),
    );
  });
});

/** Each machine driven by a neutral event, reduced to what the guard decides: the rejection and the last accepted time. */
interface Machine {
  name: string;
  step(nowMs: number): string | null;
}

function tracker(): Machine {
  let state: TrackerState = initialTrackerState(T0);
  return {
    name: 'exposure tracker',
    step(nowMs) {
      const step = stepTracker(state, { type: 'tick' }, nowMs, { idleAfterMs: 60_000 });
      state = step.state;
      return step.rejected;
    },
  };
}

function breaks(): Machine {
  let state: BreakState = initialBreakState(T0);
  return {
    name: 'break scheduler',
    step(nowMs) {
      const step = stepBreaks(state, { type: 'item-boundary' }, nowMs, breakConfig());
      state = step.state;
      return step.rejected;
    },
  };
}

function limits(): Machine {
  let state: LimitsState = initialLimitsState(T0);
  return {
    name: 'limits',
    step(nowMs) {
      const step = stepLimits(state, { type: 'exposure', countedMs: 0, unfilteredMs: 0, audioMs: 0 }, nowMs, {
        limits: DEFAULT_LIMITS_CONFIG,
        timeZone: 'America/Toronto',
        weekStartsOn: 0,
      });
      state = step.state;
      return step.rejected;
    },
  };
}

describe('the three state machines share the guard', () => {
  it('refuse the same times with the same reasons as the guard', () => {
    const offset = fc.oneof(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.constantFrom(...NOT_TIMES.map((t) => t - T0)));
    fc.assert(
      fc.property(fc.array(offset, { maxLength: 25 }), (offsets) => {
        const machines = [tracker(), breaks(), limits()];
        let lastMs = T0;
        for (const offsetMs of offsets) {
          const nowMs = T0 + offsetMs;
          const guard = checkEventTime(nowMs, lastMs);
          const expected = guard.ok ? null : guard.rejected;
          for (const machine of machines)
            expect({ machine: machine.name, rejected: machine.step(nowMs) }).toEqual({ machine: machine.name, rejected: expected });
          if (guard.ok) lastMs = guard.atMs;
        }
      }),
      { numRuns: 60 },
    );
  });
});
