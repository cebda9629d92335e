import { describe, expect, it } from 'vitest';
import { BreakStateSchema, initialBreakState, resumeBreakState, type BreakState } from '../../../../shared/breaks/break-state.js';
import { stepBreaks } from '../../../../shared/breaks/break-scheduler.js';
import { BreakTimeline, HOUR, MINUTE, SECOND, T0, config, exposure } from './break-timeline.js';

describe('initialBreakState', () => {
  it('starts with nothing counted, valid against the schema, at whole ms', () => {
    const state = initialBreakState(T0 + 0.7);
    expect(state).toMatchObject({ lastEventAtMs: T0, lastExposureEndMs: null, onBreak: null, dueKind: null, afterHoursSinceMs: null });
    expect(BreakStateSchema.parse(state)).toEqual(state);
  });

  it('refuses a state that is not its own shape, such as a hand-edited or truncated file', () => {
    const state = initialBreakState(T0);
    expect(BreakStateSchema.safeParse({ ...state, micro: { exposureMs: -1, extraMs: 0, postponesUsed: 0 } }).success).toBe(false);
    expect(BreakStateSchema.safeParse({ ...state, v: 2 }).success).toBe(false);
    expect(BreakStateSchema.safeParse({ ...state, onBreak: { kind: 'nap', startedAtMs: 0, endsAtMs: 1 } }).success).toBe(false);
    const { rest: _rest, ...truncated } = state;
    expect(BreakStateSchema.safeParse(truncated).success).toBe(false);
  });
});

describe('resumeBreakState', () => {
  it('leaves a state alone when the clock has not gone back', () => {
    const state = initialBreakState(T0);
    expect(resumeBreakState(state, T0)).toBe(state);
    expect(resumeBreakState(state, T0 + HOUR)).toBe(state);
  });

  it('after the clock was set back while closed, keeps the timer and the break left instead of refusing everything', () => {
    const t = new BreakTimeline(config({ graceSec: 0 }));
    t.exposeUntil((s) => s.view.phase === 'on-break', HOUR);
    t.pause(10 * SECOND);
    const saved: BreakState = t.state;
    const back = saved.lastEventAtMs - 2 * HOUR;
    expect(stepBreaks(saved, exposure(0), back, t.cfg).rejected).toBe('out-of-order');
    const resumed = resumeBreakState(saved, back);
    const step = stepBreaks(resumed, exposure(0), back, t.cfg);
    expect(step.rejected).toBeNull();
    expect(step.view).toMatchObject({ phase: 'on-break', breakSecondsLeft: 20 });
    expect(step.state.rest.exposureMs).toBe(15 * MINUTE);
    const end = stepBreaks(step.state, exposure(0), back + 20 * SECOND, t.cfg);
    expect(end.records).toEqual([{ v: 1, type: 'break', atMs: back + 20 * SECOND, kind: 'micro', event: 'taken' }]);
  });

  it('refuses an invalid time', () => {
    expect(() => resumeBreakState(initialBreakState(T0), Number.NaN)).toThrow(RangeError);
  });
});
