import { describe, expect, it } from 'vitest';
import { breakTimings, DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { initialBreakState, type BreakState } from '../../../../shared/breaks/break-state.js';
import { phaseOf, postponed, resetFor, upcomingBreak } from '../../../../shared/breaks/schedule.js';

const MIN = 60_000;
const t = breakTimings({ ...DEFAULT_BREAK_CONFIG, timeZone: 'UTC' });

function at(microMs: number, restMs: number, extra: { micro?: number; rest?: number } = {}): BreakState {
  return {
    ...initialBreakState(0),
    micro: { exposureMs: microMs, extraMs: extra.micro ?? 0, postponesUsed: 0 },
    rest: { exposureMs: restMs, extraMs: extra.rest ?? 0, postponesUsed: 0 },
  };
}

describe('upcomingBreak', () => {
  it('announces the micro-break when the rest break is far off', () => {
    expect(upcomingBreak(at(0, 0), t)).toEqual({ kind: 'micro', remainingMs: 15 * MIN });
    expect(upcomingBreak(at(10 * MIN, 40 * MIN), t)).toEqual({ kind: 'micro', remainingMs: 5 * MIN });
  });

  it('announces the rest break, at the micro due point, when it is due within half a micro interval after it', () => {
    // Micro due in 1 min, rest in 8.5 min: 7.5 min after the micro, exactly at the window's edge.
    expect(upcomingBreak(at(14 * MIN, 51.5 * MIN), t)).toEqual({ kind: 'rest', remainingMs: MIN });
    // 1 ms further and the micro-break stays.
    expect(upcomingBreak(at(14 * MIN, 51.5 * MIN - 1), t)).toEqual({ kind: 'micro', remainingMs: MIN });
    // Both due at once (the 60th minute): one rest break.
    expect(upcomingBreak(at(15 * MIN, 60 * MIN), t)).toEqual({ kind: 'rest', remainingMs: 0 });
  });

  it('announces the rest break when it comes first', () => {
    expect(upcomingBreak(at(2 * MIN, 58 * MIN), t)).toEqual({ kind: 'rest', remainingMs: 2 * MIN });
  });

  it('turns a waiting micro-break into the rest break once the rest break is within the window of now', () => {
    // Micro due 1 min ago; rest due in 8 min: still the micro-break.
    expect(upcomingBreak(at(16 * MIN, 52 * MIN), t)).toEqual({ kind: 'micro', remainingMs: -MIN });
    // Rest due in 7.5 min: the rest break, keeping the micro's due point (and so its grace).
    expect(upcomingBreak(at(16.5 * MIN, 52.5 * MIN), t)).toEqual({ kind: 'rest', remainingMs: -1.5 * MIN });
  });

  it('counts postpones into the due point and leaves out kinds that are off', () => {
    expect(upcomingBreak(at(16 * MIN, 16 * MIN, { micro: 5 * MIN }), t)).toEqual({ kind: 'micro', remainingMs: 4 * MIN });
    const microOff = { ...t, enabled: { micro: false, rest: true } };
    expect(upcomingBreak(at(14 * MIN, 14 * MIN), microOff)).toEqual({ kind: 'rest', remainingMs: 46 * MIN });
    const bothOff = { ...t, enabled: { micro: false, rest: false } };
    expect(upcomingBreak(at(99 * MIN, 99 * MIN), bothOff)).toBeNull();
  });
});

describe('phaseOf', () => {
  it('is working, then warning within the warning time, then due at 0', () => {
    expect(phaseOf({ kind: 'micro', remainingMs: 30_001 }, t)).toBe('working');
    expect(phaseOf({ kind: 'micro', remainingMs: 30_000 }, t)).toBe('warning');
    expect(phaseOf({ kind: 'micro', remainingMs: 1 }, t)).toBe('warning');
    expect(phaseOf({ kind: 'micro', remainingMs: 0 }, t)).toBe('due');
    expect(phaseOf(null, t)).toBe('working');
  });
});

describe('resetFor and postponed', () => {
  it('resets the micro counter for a micro-break and both for a rest break', () => {
    const s = at(10 * MIN, 40 * MIN);
    expect(resetFor(s, 'micro').rest).toEqual(s.rest);
    expect(resetFor(s, 'micro').micro.exposureMs).toBe(0);
    expect(resetFor(s, 'rest').micro.exposureMs).toBe(0);
    expect(resetFor(s, 'rest').rest.exposureMs).toBe(0);
  });

  it('moves a coming break by the postpone from its due point, a due one from now', () => {
    const coming = at(14.5 * MIN, 20 * MIN);
    const next = postponed(coming, { kind: 'micro', remainingMs: 0.5 * MIN }, t);
    expect(upcomingBreak(next, t)).toEqual({ kind: 'micro', remainingMs: 5.5 * MIN });
    expect(next.micro.postponesUsed).toBe(1);
    const waiting = at(16 * MIN, 20 * MIN);
    expect(upcomingBreak(postponed(waiting, { kind: 'micro', remainingMs: -MIN }, t), t)).toEqual({ kind: 'micro', remainingMs: 5 * MIN });
  });

  it('moves every counter a rest break covers, counting the postpone against the rest break', () => {
    const s = at(15 * MIN, 57 * MIN);
    const upcoming = upcomingBreak(s, t);
    expect(upcoming).toEqual({ kind: 'rest', remainingMs: 0 });
    const next = postponed(s, { kind: 'rest', remainingMs: 0 }, t);
    expect(upcomingBreak(next, t)).toEqual({ kind: 'rest', remainingMs: 5 * MIN });
    expect(next.micro.extraMs).toBe(5 * MIN);
    expect(next.rest.extraMs).toBe(2 * MIN);
    expect(next.rest.postponesUsed).toBe(1);
    expect(next.micro.postponesUsed).toBe(0);
  });
});
