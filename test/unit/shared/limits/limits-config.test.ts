import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS_CONFIG, LimitsConfigSchema, baseCapMs, type LimitsConfig } from '../../../../shared/limits/limits-config.js';
import { HOUR, MINUTE, limitsWith } from './limits-timeline.js';

function issuesOf(config: unknown): { path: string; message: string }[] {
  const result = LimitsConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('LimitsConfigSchema', () => {
  it('accepts the defaults: no caps, warnings at 75% and 90%, 15-minute overrides', () => {
    expect(LimitsConfigSchema.parse(DEFAULT_LIMITS_CONFIG)).toEqual(DEFAULT_LIMITS_CONFIG);
    expect(DEFAULT_LIMITS_CONFIG.warnAtPct).toEqual([75, 90]);
    expect(DEFAULT_LIMITS_CONFIG.overrideExtensionMin).toBe(15);
    for (const q of ['exposure', 'unfiltered', 'audio'] as const) expect(DEFAULT_LIMITS_CONFIG.caps[q]).toEqual({ dayMin: null, weekMin: null });
  });

  it('accepts the smallest cap (1 minute, for an end-to-end test) and the largest (24 h a day, 7 days a week)', () => {
    expect(issuesOf(limitsWith({ exposure: { dayMin: 1, weekMin: 1 } }))).toEqual([]);
    expect(issuesOf(limitsWith({ audio: { dayMin: 24 * 60, weekMin: 7 * 24 * 60 } }))).toEqual([]);
  });

  it.each([
    ['a zero daily cap', { exposure: { dayMin: 0 } }, 'caps.exposure.dayMin'],
    ['a daily cap over 24 h', { unfiltered: { dayMin: 24 * 60 + 1 } }, 'caps.unfiltered.dayMin'],
    ['a weekly cap over 7 days', { audio: { weekMin: 7 * 24 * 60 + 1 } }, 'caps.audio.weekMin'],
    ['a fractional cap', { exposure: { weekMin: 90.5 } }, 'caps.exposure.weekMin'],
    ['a negative cap', { exposure: { dayMin: -5 } }, 'caps.exposure.dayMin'],
  ])('refuses %s, naming the field', (_label, caps, path) => {
    expect(issuesOf(limitsWith(caps)).map((i) => i.path)).toEqual([path]);
  });

  it('refuses a daily cap larger than the weekly one with a message saying which and how to fix it', () => {
    const issues = issuesOf(limitsWith({ unfiltered: { dayMin: 120, weekMin: 90 } }));
    expect(issues).toEqual([
      {
        path: 'caps.unfiltered.dayMin',
        message: 'The daily cap on unfiltered time (120 min) is larger than the weekly cap (90 min): lower the daily cap or raise the weekly one',
      },
    ]);
    expect(issuesOf(limitsWith({ unfiltered: { dayMin: 90, weekMin: 90 } }))).toEqual([]);
    // Only one of the two set: nothing to compare.
    expect(issuesOf(limitsWith({ unfiltered: { dayMin: 600, weekMin: null } }))).toEqual([]);
  });

  it('accepts no warnings at all, or up to five distinct increasing thresholds', () => {
    expect(issuesOf(limitsWith({}, { warnAtPct: [] }))).toEqual([]);
    expect(issuesOf(limitsWith({}, { warnAtPct: [10, 25, 50, 75, 99] }))).toEqual([]);
  });

  it.each([
    ['out of order', [90, 75]],
    ['repeated', [75, 75]],
  ])('refuses thresholds %s', (_label, warnAtPct) => {
    expect(issuesOf(limitsWith({}, { warnAtPct }))).toEqual([
      { path: 'warnAtPct', message: 'Warning thresholds must be different from each other and in increasing order' },
    ]);
  });

  it.each([
    ['0%', [0]],
    ['100% (that is the cap itself)', [100]],
    ['six of them', [10, 20, 30, 40, 50, 60]],
  ])('refuses a threshold list with %s', (_label, warnAtPct) => {
    expect(issuesOf(limitsWith({}, { warnAtPct }))).not.toEqual([]);
  });

  it('keeps the override extension between 1 minute and 2 hours', () => {
    expect(issuesOf(limitsWith({}, { overrideExtensionMin: 1 }))).toEqual([]);
    expect(issuesOf(limitsWith({}, { overrideExtensionMin: 120 }))).toEqual([]);
    expect(issuesOf(limitsWith({}, { overrideExtensionMin: 0 })).map((i) => i.path)).toEqual(['overrideExtensionMin']);
    expect(issuesOf(limitsWith({}, { overrideExtensionMin: 121 })).map((i) => i.path)).toEqual(['overrideExtensionMin']);
  });

  it('refuses a hand-edited file missing a quantity or using strings', () => {
    const { audio: _audio, ...twoQuantities } = DEFAULT_LIMITS_CONFIG.caps;
    expect(issuesOf({ ...DEFAULT_LIMITS_CONFIG, caps: twoQuantities }).map((i) => i.path)).toEqual(['caps.audio']);
    expect(issuesOf({ ...DEFAULT_LIMITS_CONFIG, overrideExtensionMin: '15' }).map((i) => i.path)).toEqual(['overrideExtensionMin']);
  });
});

describe('baseCapMs', () => {
  it('gives a set cap in ms and null for none', () => {
    const config: LimitsConfig = limitsWith({ exposure: { dayMin: 90, weekMin: 600 } });
    expect(baseCapMs(config, 'exposure', 'day')).toBe(90 * MINUTE);
    expect(baseCapMs(config, 'exposure', 'week')).toBe(10 * HOUR);
    expect(baseCapMs(config, 'audio', 'day')).toBeNull();
  });
});
