import { describe, expect, it } from 'vitest';
import { restoreLimitsState, seedLimitsState } from '../../../../shared/limits/limits-restore.js';
import { stepLimits } from '../../../../shared/limits/limits-machine.js';
import { HOUR, LimitsTimeline, MINUTE, T0, TORONTO, limitsWith, oneCap } from './limits-timeline.js';

describe('restoreLimitsState', () => {
  it('resumes a saved state exactly, so a restart keeps the cap reached and the override granted', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 30));
    t.view('exposure', 30 * MINUTE);
    t.override(t.lastMs, 'exposure', 'day', 'finishing');
    t.view('exposure', 15 * MINUTE);
    const saved: unknown = JSON.parse(JSON.stringify(t.state));
    const { state, outcome } = restoreLimitsState(saved, T0 + HOUR);
    expect(outcome).toBe('restored');
    expect(state).toEqual(t.state);
    const after = stepLimits(state, { type: 'exposure', countedMs: 0, unfilteredMs: 0, audioMs: 0 }, T0 + HOUR, t.config);
    expect(after.view.textOnly).toBe(true);
    expect(after.view.caps.exposure.day.overrides).toBe(1);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'limits'],
    ['a newer version', { v: 2 }],
    [
      'a negative usage',
      { v: 1, lastEventAtMs: T0, day: { key: '2024-05-14', endMs: T0, usedMs: { exposure: -1, unfiltered: 0, audio: 0 }, caps: {} }, week: {} },
    ],
  ])('starts fresh from %s, saying so', (_label, saved) => {
    const { state, outcome } = restoreLimitsState(saved, T0);
    expect(outcome).toBe('invalid');
    expect(state).toMatchObject({ lastEventAtMs: T0, day: { key: '', usedMs: { exposure: 0 } } });
  });

  it('brings the last event time back to now when the clock was set back, keeping the day', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }));
    t.view('exposure', 20 * MINUTE);
    const { state, outcome } = restoreLimitsState(t.state, T0 - 5 * HOUR);
    expect(outcome).toBe('clock-set-back');
    expect(state).toEqual({ ...t.state, lastEventAtMs: T0 - 5 * HOUR });
    const step = stepLimits(state, { type: 'exposure', countedMs: MINUTE, unfilteredMs: 0, audioMs: 0 }, T0 - 5 * HOUR + MINUTE, t.config);
    expect(step.rejected).toBeNull();
    expect(step.view.caps.exposure.day.usedMs).toBe(21 * MINUTE);
  });

  it('refuses a time that is not one', () => {
    expect(() => restoreLimitsState({}, Number.NaN)).toThrow(RangeError);
  });
});

describe('seedLimitsState', () => {
  const calendar = { timeZone: TORONTO, weekStartsOn: 0 as const };

  it('places the day and week of now with the usage the ledger holds, so a cap does not start again from zero', () => {
    const state = seedLimitsState(
      T0,
      { day: { exposure: 50 * MINUTE, unfiltered: 5 * MINUTE, audio: 0 }, week: { exposure: 3 * HOUR, unfiltered: 5 * MINUTE, audio: 0 } },
      calendar,
    );
    expect(state.day).toMatchObject({
      key: '2024-05-14',
      endMs: Date.UTC(2024, 4, 15, 4),
      usedMs: { exposure: 50 * MINUTE, unfiltered: 5 * MINUTE, audio: 0 },
    });
    expect(state.week).toMatchObject({ key: '2024-05-12', endMs: Date.UTC(2024, 4, 19, 4), usedMs: { exposure: 3 * HOUR } });
    const first = stepLimits(state, { type: 'exposure', countedMs: 0, unfilteredMs: 0, audioMs: 0 }, T0, {
      limits: limitsWith({ exposure: { dayMin: 45 } }),
      ...calendar,
    });
    expect(first.records.map((r) => r.event)).toEqual(['reached']);
    expect(first.view.textOnly).toBe(true);
  });

  it('counts today in the week whatever the caller summed, and ignores amounts that cannot be', () => {
    const state = seedLimitsState(
      T0,
      { day: { exposure: HOUR, unfiltered: Number.NaN, audio: -5 }, week: { exposure: 10 * MINUTE, unfiltered: 0, audio: 0 } },
      calendar,
    );
    expect(state.day.usedMs).toEqual({ exposure: HOUR, unfiltered: 0, audio: 0 });
    expect(state.week.usedMs.exposure).toBe(HOUR);
  });

  it('refuses an unknown time zone', () => {
    const zero = { exposure: 0, unfiltered: 0, audio: 0 };
    expect(() => seedLimitsState(T0, { day: zero, week: zero }, { timeZone: 'Nowhere/Land', weekStartsOn: 0 })).toThrow(RangeError);
  });
});
