import { describe, expect, it } from 'vitest';
import { describeZodError } from '../../../../shared/contract-errors.js';
import { BreakConfigPatchSchema, BreakConfigSchema, DEFAULT_BREAK_CONFIG, breakTimings, type BreakConfig } from '../../../../shared/breaks/break-config.js';

function refusal(patch: Record<string, unknown>): string | null {
  const parsed = BreakConfigSchema.safeParse({ ...DEFAULT_BREAK_CONFIG, ...patch });
  return parsed.success ? null : describeZodError(parsed.error);
}

describe('BreakConfigSchema', () => {
  it('accepts the defaults of the issue: 30 s every 15 min, 10 min every 60 min, 2 × 5 min postpones, 2 min grace', () => {
    expect(BreakConfigSchema.parse(DEFAULT_BREAK_CONFIG)).toEqual(DEFAULT_BREAK_CONFIG);
    expect(DEFAULT_BREAK_CONFIG).toMatchObject({
      microIntervalMin: 15,
      microDurationSec: 30,
      restIntervalMin: 60,
      restDurationMin: 10,
      warningSec: 30,
      graceSec: 120,
      maxPostpones: 2,
      postponeMin: 5,
      skipAllowed: true,
      strictMode: false,
    });
    expect(DEFAULT_BREAK_CONFIG.workingHours?.mon).toEqual({ start: '08:00', end: '16:00' });
    expect(DEFAULT_BREAK_CONFIG.workingHours?.sat).toBeNull();
  });

  it('allows a micro-break every minute, and nothing shorter', () => {
    expect(refusal({ microIntervalMin: 1 })).toBeNull();
    expect(refusal({ microIntervalMin: 0 })).toMatch(/^microIntervalMin:/);
    expect(refusal({ microIntervalMin: 0.5 })).toMatch(/^microIntervalMin:/);
  });

  it.each<[string, unknown]>([
    ['microIntervalMin', 121],
    ['microDurationSec', 9],
    ['microDurationSec', 301],
    ['restIntervalMin', 4],
    ['restIntervalMin', 481],
    ['restDurationMin', 0],
    ['restDurationMin', 61],
    ['warningSec', -1],
    ['warningSec', 301],
    ['graceSec', -1],
    ['graceSec', 601],
    ['maxPostpones', -1],
    ['maxPostpones', 11],
    ['postponeMin', 0],
    ['postponeMin', 61],
    ['skipAllowed', 'yes'],
    ['strictMode', 1],
    ['graceSec', Number.NaN],
  ])('refuses %s = %s with a message naming the field', (field, value) => {
    expect(refusal({ [field]: value })).toMatch(new RegExp(`^${field}:`));
  });

  it('refuses settings that contradict each other', () => {
    expect(refusal({ microDurationSec: 60, restDurationMin: 1 })).toMatch(/^microDurationSec: a micro-break must be shorter/);
    expect(refusal({ microIntervalMin: 60, restIntervalMin: 60 })).toMatch(/^microIntervalMin: micro-breaks must come more often/);
    expect(refusal({ microIntervalMin: 1, warningSec: 60 })).toMatch(/^warningSec:/);
    expect(refusal({ microIntervalMin: 1, warningSec: 59 })).toBeNull();
  });

  it('refuses unknown fields and malformed working hours', () => {
    expect(refusal({ soundOn: true })).not.toBeNull();
    expect(refusal({ workingHours: null })).toBeNull();
    const hours = (mon: unknown): Record<string, unknown> => ({ workingHours: { ...DEFAULT_BREAK_CONFIG.workingHours, mon } });
    expect(refusal(hours({ start: '8:00', end: '16:00' }))).toMatch(/^workingHours\.mon\.start:/);
    expect(refusal(hours({ start: '08:00', end: '24:00' }))).toMatch(/^workingHours\.mon\.end:/);
    expect(refusal(hours({ start: '08:00', end: '08:00' }))).toMatch(/^workingHours\.mon\.end: working hours must start and end at different times/);
    expect(refusal(hours({ start: '22:00', end: '06:00' }))).toBeNull();
    expect(refusal({ workingHours: { mon: null } })).toMatch(/^workingHours\.tue:/);
  });
});

describe('BreakConfigPatchSchema', () => {
  it('takes any subset of fields with their ranges, and nothing else', () => {
    expect(BreakConfigPatchSchema.safeParse({ strictMode: true }).success).toBe(true);
    expect(BreakConfigPatchSchema.safeParse({}).success).toBe(true);
    expect(BreakConfigPatchSchema.safeParse({ microIntervalMin: 0 }).success).toBe(false);
    expect(BreakConfigPatchSchema.safeParse({ volume: 3 }).success).toBe(false);
    // Rules between fields are checked on the merged result.
    expect(BreakConfigSchema.safeParse({ ...DEFAULT_BREAK_CONFIG, ...BreakConfigPatchSchema.parse({ microIntervalMin: 90 }) }).success).toBe(false);
  });
});

describe('breakTimings', () => {
  it('turns the settings into ms, with half a micro interval as the window in which a rest break absorbs a micro-break', () => {
    const config: BreakConfig = { ...DEFAULT_BREAK_CONFIG, microEnabled: false };
    expect(breakTimings({ ...config, timeZone: 'UTC' })).toEqual({
      enabled: { micro: false, rest: true },
      intervalMs: { micro: 900_000, rest: 3_600_000 },
      durationMs: { micro: 30_000, rest: 600_000 },
      warningMs: 30_000,
      graceMs: 120_000,
      postponeMs: 300_000,
      maxPostpones: 2,
      absorbWindowMs: 450_000,
      skipAllowed: true,
      strictMode: false,
      workingHours: DEFAULT_BREAK_CONFIG.workingHours,
      timeZone: 'UTC',
    });
  });
});

describe('breakTimings on a config that slipped past the schema', () => {
  it('clamps intervals and lengths, so breaks cannot come back to back', () => {
    const bad = { ...DEFAULT_BREAK_CONFIG, microIntervalMin: 0, restIntervalMin: Number.NaN, microDurationSec: -5, graceSec: -1, timeZone: 'UTC' };
    const t = breakTimings(bad);
    expect(t.intervalMs).toEqual({ micro: 60_000, rest: 60_000 });
    expect(t.durationMs.micro).toBe(1_000);
    expect(t.graceMs).toBe(0);
  });
});
