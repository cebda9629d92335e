import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CAPS, type LimitPeriod, type LimitQuantity } from '../../../../shared/limits/cap-keys.js';
import { baseCapMs, type LimitsConfig, type QuantityCaps } from '../../../../shared/limits/limits-config.js';
import { LimitRecordSchema, type LimitRecord } from '../../../../shared/limits/limit-records.js';
import { initialLimitsState, stepLimits } from '../../../../shared/limits/limits-machine.js';
import { LimitsStateSchema, type LimitsState } from '../../../../shared/limits/limits-state.js';
import type { LimitsEvent, LimitsStep, LimitsStepConfig } from '../../../../shared/limits/limits-types.js';
import { LimitsViewSchema } from '../../../../shared/limits/limits-view-schema.js';
import { HOUR, MINUTE, T0, TORONTO } from './limits-timeline.js';

/** Zones 26 hours apart at the extremes (Kiritimati UTC+14, Etc/GMT+12 = UTC-12), so a local date can even go back after a day ends. */
const ZONES = [TORONTO, 'America/Vancouver', 'Europe/Paris', 'Pacific/Kiritimati', 'Etc/GMT+12'];

/** Small caps (so scripts reach them), the daily one never above the weekly one. */
const capPairArb: fc.Arbitrary<QuantityCaps> = fc
  .record({ day: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), week: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }) })
  .map(({ day, week }) => ({ dayMin: day, weekMin: week !== null && day !== null && week < day ? day : week }));

const limitsArb: fc.Arbitrary<LimitsConfig> = fc.record({
  caps: fc.record({ exposure: capPairArb, unfiltered: capPairArb, audio: capPairArb }),
  warnAtPct: fc.subarray([25, 50, 75, 90]),
  overrideExtensionMin: fc.integer({ min: 1, max: 20 }),
});

const amountsArb = fc
  .tuple(fc.integer({ min: 0, max: 3 * MINUTE }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([countedMs, u, a]) => ({
    type: 'exposure' as const,
    countedMs,
    unfilteredMs: Math.floor((countedMs * u) / 100),
    audioMs: Math.floor((countedMs * a) / 100),
  }));

const badAmountsArb = fc.constantFrom<LimitsEvent>(
  { type: 'exposure', countedMs: -1, unfilteredMs: 0, audioMs: 0 },
  { type: 'exposure', countedMs: 10, unfilteredMs: 11, audioMs: 0 },
  { type: 'exposure', countedMs: Number.NaN, unfilteredMs: 0, audioMs: 0 },
);

const overrideArb: fc.Arbitrary<LimitsEvent> = fc.record({
  type: fc.constant('override' as const),
  quantity: fc.constantFrom<LimitQuantity>('exposure', 'unfiltered', 'audio', 'video' as LimitQuantity),
  period: fc.constantFrom<LimitPeriod>('day', 'week'),
  reason: fc.constantFrom('', '   ', ' ok ', 'abc', '  finishing the report  ', 'x'.repeat(600)),
});

const configChangeArb: fc.Arbitrary<LimitsEvent> = fc.oneof(
  { arbitrary: limitsArb.map((config) => ({ type: 'config-changed' as const, config })), weight: 4 },
  // A daily cap above the weekly one: refused.
  {
    arbitrary: limitsArb.map((config) => ({
      type: 'config-changed' as const,
      config: { ...config, caps: { ...config.caps, audio: { dayMin: 50, weekMin: 10 } } },
    })),
    weight: 1,
  },
);

/** An override of whichever cap is reached when it comes (resolved by the run), as a user in text-only mode would send. */
interface OverrideReached {
  type: 'override-reached';
  reason: string;
}

const eventArb: fc.Arbitrary<LimitsEvent | OverrideReached> = fc.oneof(
  { arbitrary: amountsArb, weight: 12 },
  { arbitrary: badAmountsArb, weight: 1 },
  { arbitrary: overrideArb, weight: 2 },
  { arbitrary: fc.constantFrom('', 'need to finish', '  court tomorrow ').map((reason) => ({ type: 'override-reached' as const, reason })), weight: 3 },
  { arbitrary: configChangeArb, weight: 1 },
);

/**
 * Mostly a few seconds; sometimes hours (a night, a weekend); now and then an event
 * stamped earlier than the last one (a probe: the script's time does not go back with it).
 */
const gapArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 90_000 }), weight: 12 },
  { arbitrary: fc.integer({ min: 0, max: 30 * HOUR }), weight: 2 },
  { arbitrary: fc.integer({ min: -HOUR, max: -1 }), weight: 1 },
);

/** Usually the zone stays; sometimes it changes (travel, the OS setting). */
const zoneChangeArb = fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.constantFrom(...ZONES), weight: 1 });

interface Scripted {
  event: LimitsEvent | OverrideReached;
  gapMs: number;
  zone: string | null;
}
const scriptArb = fc.record({
  limits: limitsArb,
  startMs: fc.integer({ min: T0 - 200 * 24 * HOUR, max: T0 + 200 * 24 * HOUR }),
  steps: fc.array(fc.record({ event: eventArb, gapMs: gapArb, zone: zoneChangeArb }), { minLength: 10, maxLength: 150 }),
});

interface Taken {
  before: LimitsState;
  step: LimitsStep;
  event: LimitsEvent;
  atMs: number;
  config: LimitsStepConfig;
}

/** Runs a script; `config` after a step is what the service would pass next (new limits once accepted). */
function run(
  startState: LimitsState,
  startConfig: LimitsStepConfig,
  startMs: number,
  steps: readonly Scripted[],
): { taken: Taken[]; state: LimitsState; config: LimitsStepConfig; atMs: number } {
  let state = startState;
  let config = startConfig;
  let atMs = startMs;
  const taken: Taken[] = [];
  for (const { event: scripted, gapMs, zone } of steps) {
    const stepAtMs = atMs + gapMs;
    if (gapMs > 0) atMs = stepAtMs;
    if (zone !== null) config = { ...config, timeZone: zone };
    const event = resolve(scripted, state, config.limits);
    const step = stepLimits(state, event, stepAtMs, config);
    taken.push({ before: state, step, event, atMs: stepAtMs, config });
    if (step.rejected === null && event.type === 'config-changed') config = { ...config, limits: event.config };
    state = step.state;
  }
  return { taken, state, config, atMs };
}

function resolve(event: LimitsEvent | OverrideReached, state: LimitsState, limits: LimitsConfig): LimitsEvent {
  if (event.type !== 'override-reached') return event;
  const cap = ALL_CAPS.find(({ quantity, period }) => {
    const base = baseCapMs(limits, quantity, period);
    const current = periodOf(state, period);
    return base !== null && current.usedMs[quantity] >= base + current.caps[quantity].extensionMs;
  }) ?? { quantity: 'exposure', period: 'day' };
  return { type: 'override', ...cap, reason: event.reason };
}

function runScript(script: { limits: LimitsConfig; startMs: number; steps: Scripted[] }): Taken[] {
  return run(initialLimitsState(script.startMs), { limits: script.limits, timeZone: TORONTO, weekStartsOn: 0 }, script.startMs, script.steps).taken;
}

/** The limits a step was judged by: the event's own for an accepted config change. */
function limitsOf(t: Taken): LimitsConfig {
  return t.event.type === 'config-changed' && t.step.rejected === null ? t.event.config : t.config.limits;
}

const periodOf = (state: LimitsState, period: LimitPeriod) => (period === 'day' ? state.day : state.week);

describe('limits machine properties', () => {
  it('text-only mode is on exactly when some cap is reached and not overridden beyond its use', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        for (const t of runScript(script)) {
          const limits = limitsOf(t);
          const expected = ALL_CAPS.some(({ quantity, period }) => {
            const base = baseCapMs(limits, quantity, period);
            const current = periodOf(t.step.state, period);
            return base !== null && current.usedMs[quantity] >= base + current.caps[quantity].extensionMs;
          });
          expect(t.step.view.textOnly).toBe(expected);
          expect(t.step.view.reachedCaps.length > 0).toBe(expected);
          // The view is a valid contract result.
          expect(LimitsViewSchema.parse(t.step.view)).toEqual(t.step.view);
          // A reached cap never overridden always means text-only.
          for (const { quantity, period } of ALL_CAPS) {
            const base = baseCapMs(limits, quantity, period);
            const current = periodOf(t.step.state, period);
            if (base !== null && current.usedMs[quantity] >= base && current.caps[quantity].overrides === 0) expect(t.step.view.textOnly).toBe(true);
          }
        }
      }),
    );
  });

  it('usage never decreases within a period and is exactly the counted time fed in since it began', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const fed = { day: { exposure: 0, unfiltered: 0, audio: 0 }, week: { exposure: 0, unfiltered: 0, audio: 0 } };
        const totalFed = { exposure: 0, unfiltered: 0, audio: 0 };
        for (const t of runScript(script)) {
          if (t.step.rejected !== null) continue;
          const added =
            t.event.type === 'exposure'
              ? { exposure: t.event.countedMs, unfiltered: t.event.unfilteredMs, audio: t.event.audioMs }
              : { exposure: 0, unfiltered: 0, audio: 0 };
          for (const period of ['day', 'week'] as const) {
            const before = periodOf(t.before, period);
            const after = periodOf(t.step.state, period);
            if (after.key !== before.key) fed[period] = { exposure: 0, unfiltered: 0, audio: 0 };
            for (const q of ['exposure', 'unfiltered', 'audio'] as const) {
              if (after.key === before.key) expect(after.usedMs[q]).toBeGreaterThanOrEqual(before.usedMs[q]);
              fed[period][q] += added[q];
              expect(after.usedMs[q]).toBe(fed[period][q]);
            }
          }
          for (const q of ['exposure', 'unfiltered', 'audio'] as const) {
            totalFed[q] += added[q];
            expect(t.step.state.day.usedMs[q]).toBeLessThanOrEqual(totalFed[q]);
            expect(t.step.state.week.usedMs[q]).toBeLessThanOrEqual(totalFed[q]);
          }
        }
      }),
    );
  });

  it('refused events change nothing and write nothing', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        for (const t of runScript(script)) {
          if (t.step.rejected === null) continue;
          expect(t.step.state).toBe(t.before);
          expect(t.step.records).toEqual([]);
        }
      }),
    );
  });

  it('periods only move forward, and a day or week never ends before its own end', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        for (const t of runScript(script)) {
          for (const period of ['day', 'week'] as const) {
            const before = periodOf(t.before, period);
            const after = periodOf(t.step.state, period);
            if (after.key === before.key) continue;
            expect(after.key > before.key).toBe(true);
            expect(t.atMs).toBeGreaterThanOrEqual(before.endMs);
            expect(after.endMs).toBeGreaterThan(t.atMs);
          }
        }
      }),
    );
  });

  it('records are valid ledger records: one reached per cap per period, each threshold warned once', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const reached = new Set<string>();
        const warned = new Map<string, number>();
        for (const t of runScript(script)) {
          for (const record of t.step.records) {
            expect(LimitRecordSchema.parse(record)).toEqual(record);
            expect(record.atMs).toBe(Math.floor(t.atMs));
            const key = `${record.quantity}/${record.period}/${periodOf(t.step.state, record.period).key}`;
            if (record.event === 'reached') {
              expect(reached.has(key)).toBe(false);
              reached.add(key);
            }
            if (record.event === 'warning') {
              expect(record.thresholdPct).toBeGreaterThan(warned.get(key) ?? 0);
              warned.set(key, record.thresholdPct);
            }
            if (record.event === 'override') expect(record.reason).toBe(record.reason.trim());
          }
        }
      }),
    );
  });

  it('state survives a JSON round trip: saving and resuming mid-script changes nothing that follows', () => {
    fc.assert(
      fc.property(scriptArb, fc.nat(), (script, cutSeed) => {
        const config: LimitsStepConfig = { limits: script.limits, timeZone: TORONTO, weekStartsOn: 0 };
        const cut = script.steps.length === 0 ? 0 : cutSeed % script.steps.length;
        const whole = run(initialLimitsState(script.startMs), config, script.startMs, script.steps);
        const first = run(initialLimitsState(script.startMs), config, script.startMs, script.steps.slice(0, cut));
        const saved: unknown = JSON.parse(JSON.stringify(first.state));
        const resumed = LimitsStateSchema.parse(saved);
        expect(resumed).toEqual(first.state);
        const rest = run(resumed, first.config, first.atMs, script.steps.slice(cut));
        const records = (taken: Taken[]): LimitRecord[] => taken.flatMap((t) => t.step.records);
        expect(rest.state).toEqual(whole.state);
        expect(records(rest.taken)).toEqual(records(whole.taken.slice(cut)));
        expect(rest.taken.map((t) => t.step.view)).toEqual(whole.taken.slice(cut).map((t) => t.step.view));
      }),
    );
  });
});
