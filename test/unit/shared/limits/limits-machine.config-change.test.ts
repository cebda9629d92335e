import { describe, expect, it } from 'vitest';
import { LimitsTimeline, MINUTE, T0, limitsWith, oneCap } from './limits-timeline.js';

describe('limits changed mid-day', () => {
  it('lowering a cap below today’s usage reaches it at once: one reached record, no stale warnings', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 120));
    t.view('exposure', 50 * MINUTE);
    expect(t.records).toEqual([]);
    const lowered = t.configure(T0 + 51 * MINUTE, oneCap('exposure', 'day', 45));
    expect(lowered.records).toEqual([
      { v: 1, type: 'limit', atMs: T0 + 51 * MINUTE, quantity: 'exposure', period: 'day', capMs: 45 * MINUTE, event: 'reached' },
    ]);
    expect(lowered.view.textOnly).toBe(true);
  });

  it('setting a first cap mid-day counts the time already viewed today', () => {
    const t = new LimitsTimeline(limitsWith({}));
    t.view('unfiltered', 40 * MINUTE);
    const set = t.configure(t.lastMs, oneCap('unfiltered', 'day', 50));
    expect(set.records.map((r) => r.event === 'warning' && r.thresholdPct)).toEqual([75]);
    expect(set.view.caps.unfiltered.day).toMatchObject({ usedMs: 40 * MINUTE, remainingMs: 10 * MINUTE });
  });

  it('raising a reached cap turns text-only off; reaching the new cap turns it on again', () => {
    const t = new LimitsTimeline(oneCap('audio', 'day', 20));
    t.view('audio', 20 * MINUTE);
    expect(t.latestView.textOnly).toBe(true);
    const raised = t.configure(t.lastMs, oneCap('audio', 'day', 40));
    expect(raised.view.textOnly).toBe(false);
    expect(raised.records).toEqual([]);
    t.view('audio', 20 * MINUTE);
    expect(t.latestView.textOnly).toBe(true);
    // Once per cap per period: the ledger already says this cap was reached today.
    expect(t.records.filter((r) => r.event === 'reached')).toHaveLength(1);
  });

  it('removing a reached cap turns text-only off', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'week', 10));
    t.view('exposure', 10 * MINUTE);
    expect(t.configure(t.lastMs, limitsWith({})).view.textOnly).toBe(false);
  });

  it('keeps an override’s extension when the cap is raised later the same day', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 30));
    t.view('exposure', 30 * MINUTE);
    t.override(t.lastMs, 'exposure', 'day', 'finishing');
    const raised = t.configure(t.lastMs, oneCap('exposure', 'day', 60));
    expect(raised.view.caps.exposure.day).toMatchObject({ baseCapMs: 60 * MINUTE, extensionMs: 15 * MINUTE, capMs: 75 * MINUTE });
  });

  it('refuses an invalid config and keeps the limits in force', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 30));
    t.view('exposure', 30 * MINUTE);
    const before = t.state;
    const bad = t.configure(t.lastMs, limitsWith({ exposure: { dayMin: 300, weekMin: 120 } }));
    expect(bad).toMatchObject({ rejected: 'invalid-config', records: [] });
    expect(bad.state).toBe(before);
    expect(bad.view.textOnly).toBe(true);
    expect(t.configure(t.lastMs, limitsWith({ exposure: { dayMin: 0 } })).rejected).toBe('invalid-config');
  });

  it('applies new thresholds at once', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 100, { warnAtPct: [90] }));
    t.view('exposure', 60 * MINUTE);
    expect(t.records).toEqual([]);
    const step = t.configure(t.lastMs, oneCap('exposure', 'day', 100, { warnAtPct: [50, 90] }));
    expect(step.records.map((r) => r.event === 'warning' && r.thresholdPct)).toEqual([50]);
    expect(step.view.caps.exposure.day.nextThresholdPct).toBe(90);
  });
});
