import { describe, expect, it } from 'vitest';
import { LimitRecordSchema } from '../../../../shared/limits/limit-records.js';
import { LimitsTimeline, MINUTE, SECOND, T0, oneCap } from './limits-timeline.js';

/** A daily exposure cap of 30 min, reached at T0 + 30 min. */
function atCap(rest: Parameters<typeof oneCap>[3] = {}): LimitsTimeline {
  const t = new LimitsTimeline(oneCap('exposure', 'day', 30, rest));
  t.view('exposure', 30 * MINUTE);
  expect(t.latestView.textOnly).toBe(true);
  return t;
}

describe('override with a reason', () => {
  it('grants the fixed 15-minute extension, records the trimmed reason, and turns text-only off', () => {
    const t = atCap();
    const step = t.override(T0 + 31 * MINUTE, 'exposure', 'day', '   Need to finish tagging exhibit 12 before court  ');
    expect(step.rejected).toBeNull();
    expect(step.records).toEqual([
      {
        v: 1,
        type: 'limit',
        atMs: T0 + 31 * MINUTE,
        quantity: 'exposure',
        period: 'day',
        event: 'override',
        capMs: 30 * MINUTE,
        extensionMs: 15 * MINUTE,
        reason: 'Need to finish tagging exhibit 12 before court',
      },
    ]);
    expect(LimitRecordSchema.parse(step.records[0])).toEqual(step.records[0]);
    expect(step.view.textOnly).toBe(false);
    expect(step.view.caps.exposure.day).toMatchObject({
      reached: false,
      overridden: true,
      overrides: 1,
      baseCapMs: 30 * MINUTE,
      capMs: 45 * MINUTE,
      extensionMs: 15 * MINUTE,
      remainingMs: 15 * MINUTE,
    });
  });

  it('uses the configured extension length', () => {
    const t = atCap({ overrideExtensionMin: 5 });
    t.override(t.lastMs, 'exposure', 'day', 'one more video');
    expect(t.latestView.caps.exposure.day.remainingMs).toBe(5 * MINUTE);
  });

  it('turns text-only back on when the extension runs out, without a second reached record', () => {
    const t = atCap();
    t.override(t.lastMs, 'exposure', 'day', 'finishing');
    t.view('exposure', 15 * MINUTE - SECOND, SECOND);
    expect(t.latestView.textOnly).toBe(false);
    const out = t.view('exposure', SECOND, SECOND);
    expect(out.view.textOnly).toBe(true);
    expect(out.view.caps.exposure.day).toMatchObject({ reached: true, overridden: true, usedMs: 45 * MINUTE, capMs: 45 * MINUTE });
    expect(t.records.map((r) => r.event)).toEqual(['warning', 'warning', 'reached', 'override']);
  });

  it('allows another override once the extension is used, recording each with its reason', () => {
    const t = atCap();
    t.override(t.lastMs, 'exposure', 'day', 'first reason');
    t.view('exposure', 15 * MINUTE);
    const again = t.override(t.lastMs + 10 * SECOND, 'exposure', 'day', 'second reason');
    expect(again.rejected).toBeNull();
    expect(again.view.caps.exposure.day).toMatchObject({ capMs: 60 * MINUTE, overrides: 2, reached: false });
    const overrides = t.records.filter((r) => r.event === 'override');
    expect(overrides.map((r) => [r.reason, r.capMs])).toEqual([
      ['first reason', 30 * MINUTE],
      ['second reason', 45 * MINUTE],
    ]);
  });

  it('refuses a second override while the extension is still running (one at a time)', () => {
    const t = atCap();
    t.override(t.lastMs, 'exposure', 'day', 'first reason');
    const before = t.state;
    const second = t.override(t.lastMs + MINUTE, 'exposure', 'day', 'stacking another one');
    expect(second).toMatchObject({ rejected: 'cap-not-reached', records: [] });
    expect(second.state).toBe(before);
  });

  it('runs the extension from now when usage went past the cap (a cap lowered below usage)', () => {
    const t = new LimitsTimeline(oneCap('exposure', 'day', 120));
    t.view('exposure', 50 * MINUTE);
    t.configure(t.lastMs, oneCap('exposure', 'day', 30));
    expect(t.latestView.textOnly).toBe(true);
    t.override(t.lastMs, 'exposure', 'day', 'finishing this exhibit');
    expect(t.latestView.caps.exposure.day).toMatchObject({ usedMs: 50 * MINUTE, capMs: 65 * MINUTE, remainingMs: 15 * MINUTE, reached: false });
    expect(t.records.filter((r) => r.event === 'override')).toEqual([expect.objectContaining({ capMs: 30 * MINUTE, extensionMs: 15 * MINUTE })]);
  });

  it('keeps an extension for the rest of its period only: the next day starts at the plain cap', () => {
    const t = atCap();
    t.override(t.lastMs, 'exposure', 'day', 'finishing');
    const nextMorning = Date.UTC(2024, 4, 15, 13, 0);
    t.tick(nextMorning);
    expect(t.latestView.caps.exposure.day).toMatchObject({ usedMs: 0, capMs: 30 * MINUTE, extensionMs: 0, overridden: false, overrides: 0 });
  });
});

describe('override refused', () => {
  it.each([
    ['an empty reason', '', 'reason-too-short'],
    ['only spaces', '     ', 'reason-too-short'],
    ['two letters once trimmed', '  ok  ', 'reason-too-short'],
    ['an essay', 'x'.repeat(501), 'reason-too-long'],
  ])('with %s, and nothing changes', (_label, reason, rejected) => {
    const t = atCap();
    const before = t.state;
    const step = t.override(t.lastMs, 'exposure', 'day', reason);
    expect(step).toMatchObject({ rejected, records: [] });
    expect(step.state).toBe(before);
    expect(step.view.textOnly).toBe(true);
  });

  it('accepts a reason of exactly three characters and of 500', () => {
    expect(atCap().override(T0 + 30 * MINUTE, 'exposure', 'day', ' abc ').rejected).toBeNull();
    expect(atCap().override(T0 + 30 * MINUTE, 'exposure', 'day', 'y'.repeat(500)).rejected).toBeNull();
  });

  it('for a cap not reached, a cap not set, or a cap that does not exist', () => {
    const t = atCap();
    expect(t.override(t.lastMs, 'exposure', 'week', 'no weekly cap set').rejected).toBe('no-cap');
    expect(t.override(t.lastMs, 'unfiltered', 'day', 'nothing set here').rejected).toBe('no-cap');
    const early = new LimitsTimeline(oneCap('audio', 'day', 30));
    early.view('audio', 29 * MINUTE);
    expect(early.override(early.lastMs, 'audio', 'day', 'before the cap').rejected).toBe('cap-not-reached');
    expect(t.at(t.lastMs, { type: 'override', quantity: 'video' as 'audio', period: 'day', reason: 'unknown quantity' }).rejected).toBe('unknown-cap');
    expect(t.at(t.lastMs, { type: 'override', quantity: 'exposure', period: 'month' as 'day', reason: 'unknown period' }).rejected).toBe('unknown-cap');
    expect(t.latestView.textOnly).toBe(true);
    expect(t.records.filter((r) => r.event === 'override')).toEqual([]);
  });
});
