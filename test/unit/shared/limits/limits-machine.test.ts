import { describe, expect, it } from 'vitest';
import { ALL_CAPS } from '../../../../shared/limits/cap-keys.js';
import { LimitRecordSchema } from '../../../../shared/limits/limit-records.js';
import { initialLimitsState } from '../../../../shared/limits/limits-machine.js';
import { HOUR, LimitsTimeline, MINUTE, SECOND, T0, limitsWith, oneCap } from './limits-timeline.js';

describe('a cap on each quantity and period', () => {
  it.each(ALL_CAPS.map((cap) => [`${cap.quantity} per ${cap.period}`, cap] as const))(
    '%s: warns at 75% and 90%, then text-only at the cap',
    (_label, { quantity, period }) => {
      const t = new LimitsTimeline(oneCap(quantity, period, 20));
      const base = { v: 1, type: 'limit', quantity, period, capMs: 20 * MINUTE } as const;

      t.view(quantity, 14 * MINUTE);
      expect(t.records).toEqual([]);
      expect(t.latestView.caps[quantity][period]).toMatchObject({
        usedMs: 14 * MINUTE,
        capMs: 20 * MINUTE,
        warningPct: null,
        nextThresholdPct: 75,
        reached: false,
      });

      t.view(quantity, MINUTE); // 15 of 20 minutes: exactly 75%
      expect(t.records).toEqual([{ ...base, atMs: T0 + 15 * MINUTE, event: 'warning', thresholdPct: 75 }]);
      expect(t.latestView.caps[quantity][period]).toMatchObject({ warningPct: 75, nextThresholdPct: 90, fraction: 0.75, remainingMs: 5 * MINUTE });
      expect(t.latestView.textOnly).toBe(false);

      t.view(quantity, 3 * MINUTE); // 18 of 20: 90%
      expect(t.records.slice(1)).toEqual([{ ...base, atMs: T0 + 18 * MINUTE, event: 'warning', thresholdPct: 90 }]);
      expect(t.latestView.caps[quantity][period]).toMatchObject({ warningPct: 90, nextThresholdPct: null });

      t.view(quantity, 2 * MINUTE - SECOND);
      expect(t.latestView.textOnly).toBe(false);
      const atCap = t.view(quantity, SECOND);
      expect(atCap.records).toEqual([{ ...base, atMs: T0 + 20 * MINUTE, event: 'reached' }]);
      expect(atCap.view.textOnly).toBe(true);
      expect(atCap.view.reachedCaps).toEqual([{ quantity, period }]);
      expect(atCap.view.caps[quantity][period]).toMatchObject({ reached: true, overridden: false, remainingMs: 0, warningPct: null, fraction: 1 });

      // Time counted while text-only (a step's overshoot) keeps it on, with no more records.
      t.view(quantity, 5 * SECOND, SECOND);
      expect(t.latestView.textOnly).toBe(true);
      expect(t.records).toHaveLength(3);
      for (const record of t.records) expect(LimitRecordSchema.parse(record)).toEqual(record);
    },
  );

  it.each(ALL_CAPS.map((cap) => [`${cap.quantity} per ${cap.period}`, cap] as const))(
    '%s: other kinds of time do not count against it',
    (_label, { quantity, period }) => {
      const t = new LimitsTimeline(oneCap(quantity, period, 10));
      const other = quantity === 'exposure' ? null : quantity === 'unfiltered' ? 'audio' : 'unfiltered';
      // Plain (filtered, silent) exposure counts against the exposure cap only.
      t.view('exposure', 30 * MINUTE);
      if (other !== null) t.view(other, 30 * MINUTE);
      if (quantity === 'exposure') {
        expect(t.latestView.textOnly).toBe(true);
      } else {
        expect(t.latestView.caps[quantity][period].usedMs).toBe(0);
        expect(t.latestView.textOnly).toBe(false);
        expect(t.records).toEqual([]);
      }
    },
  );

  it('counts unfiltered and audio time as exposure time too', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }));
    t.at(T0 + MINUTE, { type: 'exposure', countedMs: MINUTE, unfilteredMs: 40 * SECOND, audioMs: 25 * SECOND });
    expect(t.latestView.caps.exposure.day.usedMs).toBe(MINUTE);
    expect(t.latestView.caps.unfiltered.day.usedMs).toBe(40 * SECOND);
    expect(t.latestView.caps.audio.week.usedMs).toBe(25 * SECOND);
  });

  it('reaches a 1-minute cap after 60 s of viewing stepped every second (the end-to-end setting)', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 1));
    t.view('exposure', 59 * SECOND, SECOND);
    expect(t.latestView.textOnly).toBe(false);
    expect(t.view('exposure', SECOND, SECOND).view.textOnly).toBe(true);
    expect(t.records.map((r) => [r.event, r.atMs - T0])).toEqual([
      ['warning', 45 * SECOND],
      ['warning', 54 * SECOND],
      ['reached', 60 * SECOND],
    ]);
  });

  it('tells nothing and stays off with no caps set (the default), while still counting usage', () => {
    const t = new LimitsTimeline(limitsWith({}));
    t.view('unfiltered', 10 * HOUR, 10 * MINUTE);
    expect(t.records).toEqual([]);
    expect(t.latestView.textOnly).toBe(false);
    expect(t.latestView.caps.unfiltered.day).toMatchObject({
      usedMs: 10 * HOUR,
      capMs: null,
      fraction: null,
      remainingMs: null,
      nextThresholdPct: null,
      reached: false,
    });
  });
});

describe('warnings', () => {
  it('warns once per threshold per cap per period, even when usage falls back under it', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 20));
    t.view('exposure', 16 * MINUTE); // 80%: warned at 75
    t.configure(T0 + 16 * MINUTE, oneCap('exposure', 'day', 40)); // now 40%
    expect(t.latestView.caps.exposure.day).toMatchObject({ warningPct: null, nextThresholdPct: 75 });
    t.view('exposure', 14 * MINUTE); // 30 of 40 = 75% again: no second warning
    expect(t.records.map((r) => r.event === 'warning' && r.thresholdPct)).toEqual([75]);
    t.view('exposure', 6 * MINUTE); // 36 of 40 = 90%: that one is new
    expect(t.records.map((r) => r.event === 'warning' && r.thresholdPct)).toEqual([75, 90]);
  });

  it('warns once, at the highest, when one step passes several thresholds', () => {
    const t = new LimitsTimeline(oneCap('audio', 'week', 100, { warnAtPct: [50, 75, 90] }));
    t.count(T0 + 95 * MINUTE, 'audio', 95 * MINUTE);
    expect(t.records).toEqual([
      { v: 1, type: 'limit', atMs: T0 + 95 * MINUTE, quantity: 'audio', period: 'week', capMs: 100 * MINUTE, event: 'warning', thresholdPct: 90 },
    ]);
  });

  it('follows the configured thresholds, and writes only the cap when there are none', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 10, { warnAtPct: [50] }));
    t.view('exposure', 10 * MINUTE);
    expect(t.records.map((r) => [r.event, r.atMs - T0])).toEqual([
      ['warning', 5 * MINUTE],
      ['reached', 10 * MINUTE],
    ]);
    const silent = new LimitsTimeline(oneCap('exposure', 'day', 10, { warnAtPct: [] }));
    silent.view('exposure', 10 * MINUTE);
    expect(silent.records.map((r) => r.event)).toEqual(['reached']);
  });

  it('warns for each cap separately: the daily and weekly caps on the same time', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 40, weekMin: 60 } }));
    t.view('exposure', 45 * MINUTE);
    expect(t.records.map((r) => `${r.period} ${r.event === 'warning' ? r.thresholdPct : r.event} @${(r.atMs - T0) / MINUTE}`)).toEqual([
      'day 75 @30',
      'day 90 @36',
      'day reached @40',
      'week 75 @45',
    ]);
  });
});

describe('text-only mode', () => {
  it('is on while any cap is reached and lists every reached cap', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 30, weekMin: 30 }, unfiltered: { dayMin: 10 } }));
    t.view('unfiltered', 10 * MINUTE);
    expect(t.latestView.reachedCaps).toEqual([{ quantity: 'unfiltered', period: 'day' }]);
    t.view('exposure', 20 * MINUTE);
    expect(t.latestView.reachedCaps).toEqual([
      { quantity: 'exposure', period: 'day' },
      { quantity: 'exposure', period: 'week' },
      { quantity: 'unfiltered', period: 'day' },
    ]);
    // Overriding one cap is not enough while others are reached.
    t.override(t.lastMs, 'unfiltered', 'day', 'Finishing the report');
    expect(t.latestView.textOnly).toBe(true);
    t.override(t.lastMs, 'exposure', 'day', 'Finishing the report');
    expect(t.latestView.reachedCaps).toEqual([{ quantity: 'exposure', period: 'week' }]);
    t.override(t.lastMs, 'exposure', 'week', 'Finishing the report');
    expect(t.latestView.textOnly).toBe(false);
    expect(t.latestView.reachedCaps).toEqual([]);
  });
});

describe('initial state', () => {
  it('has nothing used and no day placed until the first event', () => {
    const state = initialLimitsState(T0 + 0.7);
    expect(state.lastEventAtMs).toBe(T0);
    expect(state.day.key).toBe('');
    const t = new LimitsTimeline(limitsWith({}));
    expect(t.tick(T0).view).toMatchObject({ dayKey: '2024-05-14', weekKey: '2024-05-12', textOnly: false });
  });

  it('refuses to start at a time that is not one', () => {
    expect(() => initialLimitsState(Number.NaN)).toThrow(RangeError);
    expect(() => initialLimitsState(-1)).toThrow(RangeError);
  });
});
