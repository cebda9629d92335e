import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BreakConfigSchema,
  breakTimings,
  DEFAULT_BREAK_CONFIG,
  type BreakConfig,
  type BreakKind,
  type BreakStepConfig,
} from '../../../../shared/breaks/break-config.js';
import type { BreakAction, BreakEvent } from '../../../../shared/breaks/break-events.js';
import { BreakLedgerRecordSchema, type BreakLedgerRecord } from '../../../../shared/breaks/break-records.js';
import { breakView, initialBreakState, stepBreaks, type BreakStep } from '../../../../shared/breaks/break-scheduler.js';
import { BreakStateSchema, type BreakState } from '../../../../shared/breaks/break-state.js';
import { HOUR, MINUTE, SECOND, T0, TORONTO } from './break-timeline.js';

/** Small intervals and lengths, so a few hundred events see many breaks, postpones and overrides. */
const configArb: fc.Arbitrary<BreakStepConfig> = fc
  .record({
    microEnabled: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    microIntervalMin: fc.integer({ min: 1, max: 3 }),
    microDurationSec: fc.integer({ min: 10, max: 60 }),
    restEnabled: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    restIntervalMin: fc.integer({ min: 5, max: 8 }),
    restDurationMin: fc.integer({ min: 1, max: 3 }),
    warningSec: fc.integer({ min: 0, max: 59 }),
    graceSec: fc.integer({ min: 0, max: 180 }),
    maxPostpones: fc.integer({ min: 0, max: 3 }),
    postponeMin: fc.integer({ min: 1, max: 2 }),
    skipAllowed: fc.boolean(),
    strictMode: fc.boolean(),
    workingHours: fc.constantFrom(DEFAULT_BREAK_CONFIG.workingHours, null),
  })
  .filter((c: BreakConfig) => BreakConfigSchema.safeParse(c).success)
  .map((c) => ({ ...c, timeZone: TORONTO }));

type Spec =
  /** Exposure over `gapMs`, counting `fraction` of the wall time since the last accepted event (plus a bogus excess, rarely). */
  | { kind: 'exposure'; gapMs: number; fraction: number; counting: boolean; excessMs: number }
  | { kind: 'invalid'; gapMs: number }
  | { kind: 'boundary'; gapMs: number }
  | { kind: 'action'; gapMs: number; action: BreakAction }
  /** A user answering the notice: one of the actions the view offers now (an item boundary if none). */
  | { kind: 'respond'; gapMs: number; choice: number }
  /** An event stamped earlier than the clock (clock set back, late delivery); the clock does not move. */
  | { kind: 'late'; backMs: number };

const gapArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 * SECOND }), weight: 12 },
  { arbitrary: fc.integer({ min: 5 * SECOND, max: 4 * MINUTE }), weight: 2 },
  { arbitrary: fc.integer({ min: HOUR, max: 5 * HOUR }), weight: 1 },
);

const actionArb: fc.Arbitrary<BreakAction> = fc.oneof(
  fc.constant<BreakAction>({ type: 'postpone' }),
  fc.constant<BreakAction>({ type: 'skip' }),
  fc.constant<BreakAction>({ type: 'end-early' }),
  fc.constantFrom('', ' ok ', 'need to finish this exhibit', '  court at 10  ').map<BreakAction>((reason) => ({ type: 'strict-override', reason })),
);

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('exposure' as const),
      gapMs: gapArb,
      fraction: fc.oneof(
        { arbitrary: fc.constant(1), weight: 6 },
        { arbitrary: fc.constant(0), weight: 2 },
        { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
      ),
      counting: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      excessMs: fc.oneof({ arbitrary: fc.constant(0), weight: 30 }, { arbitrary: fc.integer({ min: 1, max: 2 * HOUR }), weight: 1 }),
    }),
    weight: 30,
  },
  { arbitrary: fc.record({ kind: fc.constant('invalid' as const), gapMs: gapArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('boundary' as const), gapMs: fc.integer({ min: 0, max: 3 * SECOND }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('action' as const), gapMs: fc.integer({ min: 0, max: 3 * SECOND }), action: actionArb }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('respond' as const), gapMs: fc.integer({ min: 0, max: 3 * SECOND }), choice: fc.nat(11) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('late' as const), backMs: fc.integer({ min: 1, max: HOUR }) }), weight: 1 },
);

/** What a user could do, going by what the UI shows at `atMs`. */
function response(state: BreakState, atMs: number, config: BreakStepConfig, choice: number): BreakEvent {
  const view = breakView(state, atMs, config);
  const offered: BreakAction[] = [];
  if (view.canPostpone) offered.push({ type: 'postpone' });
  if (view.canSkip) offered.push({ type: 'skip' });
  if (view.canEndEarly) offered.push({ type: 'end-early' });
  if (view.strictOverrideOffered) offered.push({ type: 'strict-override', reason: 'I need to finish this now' });
  return offered[choice % Math.max(1, offered.length)] ?? { type: 'item-boundary' };
}

const scenarioArb = fc.record({
  config: configArb,
  /** Anywhere in a week: crosses working hours, nights and weekends. */
  startMs: fc.integer({ min: T0, max: T0 + 7 * 24 * HOUR }),
  specs: fc.array(specArb, { minLength: 50, maxLength: 400 }),
});

interface Entry {
  event: BreakEvent;
  atMs: number;
  before: BreakState;
  step: BreakStep;
}

/** Runs a scenario, stepping like the exposure service: counted time is measured from state.lastEventAtMs. */
function run(config: BreakStepConfig, startMs: number, specs: readonly Spec[]): Entry[] {
  let state = initialBreakState(startMs);
  let clockMs = startMs;
  const entries: Entry[] = [];
  for (const spec of specs) {
    let atMs: number;
    let event: BreakEvent;
    if (spec.kind === 'late') {
      atMs = clockMs - spec.backMs;
      event = { type: 'exposure', countingSinceLastStep: true, countedMs: 0, unfilteredMs: 0, audioMs: 0 };
    } else {
      clockMs += spec.gapMs;
      atMs = clockMs;
      if (spec.kind === 'exposure') {
        const countedMs = Math.floor(Math.max(0, atMs - state.lastEventAtMs) * spec.fraction) + spec.excessMs;
        event = { type: 'exposure', countingSinceLastStep: spec.counting, countedMs, unfilteredMs: 0, audioMs: 0 };
      } else if (spec.kind === 'invalid') event = { type: 'exposure', countingSinceLastStep: true, countedMs: -1, unfilteredMs: 0, audioMs: 0 };
      else if (spec.kind === 'boundary') event = { type: 'item-boundary' };
      else if (spec.kind === 'respond') event = response(state, atMs, config, spec.choice);
      else event = spec.action;
    }
    const step = stepBreaks(state, event, atMs, config);
    entries.push({ event, atMs, before: state, step });
    state = step.state;
  }
  return entries;
}

const RESETS = new Set(['taken', 'natural', 'skipped', 'ended-early', 'strict-override']);
const covers = (recordKind: BreakKind, kind: BreakKind): boolean => recordKind === kind || recordKind === 'rest';

/** Counted exposure in this step that a break counter may take: none inside a running break, nor beyond the wall time. */
function countablePortionMs(entry: Entry): number {
  if (entry.event.type !== 'exposure' || entry.step.rejected !== null) return 0;
  const countedMs = Math.min(Math.floor(entry.event.countedMs), entry.atMs - entry.before.lastEventAtMs);
  const running = entry.before.onBreak;
  if (running === null) return countedMs;
  return entry.atMs < running.endsAtMs ? 0 : Math.min(countedMs, entry.atMs - running.endsAtMs);
}

const KINDS: readonly BreakKind[] = ['micro', 'rest'];

describe('break scheduler properties', () => {
  it('exposure never runs past a due break by more than its grace, unless postponed; skips, overrides and breaks reset it', () => {
    fc.assert(
      fc.property(scenarioArb, ({ config, startMs, specs }) => {
        const t = breakTimings(config);
        const entries = run(config, startMs, specs);
        const tally: Record<BreakKind, number> = { micro: 0, rest: 0 };
        const postpones: Record<BreakKind, number> = { micro: 0, rest: 0 };
        for (const entry of entries) {
          if (entry.step.rejected !== null) continue;
          const portionMs = countablePortionMs(entry);
          for (const kind of KINDS) {
            if (!t.enabled[kind]) continue;
            const records = entry.step.records.filter((r) => r.type === 'break' && covers(r.kind, kind));
            const reset = records.some((r) => r.type === 'break' && RESETS.has(r.event));
            tally[kind] = reset ? portionMs : tally[kind] + portionMs;
            if (reset) postpones[kind] = 0;
            postpones[kind] += records.filter((r) => r.type === 'break' && r.event === 'postponed').length;
            // The scheduler's counter is exactly the exposure an independent tally finds.
            expect(entry.step.state[kind].exposureMs).toBe(tally[kind]);
            if (entry.step.state.onBreak === null) {
              const allowedMs = t.intervalMs[kind] + t.graceMs + postpones[kind] * (t.postponeMs + t.graceMs);
              expect(tally[kind]).toBeLessThanOrEqual(allowedMs);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every started break ends exactly once (taken, ended early or overridden) before the next starts, and none loops', () => {
    fc.assert(
      fc.property(scenarioArb, ({ config, startMs, specs }) => {
        const t = breakTimings(config);
        const minExposureBetweenStartsMs = t.enabled.micro ? t.absorbWindowMs : t.intervalMs.rest;
        const entries = run(config, startMs, specs);
        let open = false;
        let sinceStartMs: number | null = null;
        for (const entry of entries) {
          if (entry.step.rejected !== null) continue;
          if (sinceStartMs !== null) sinceStartMs += countablePortionMs(entry);
          for (const record of entry.step.records) {
            if (record.type !== 'break') continue;
            if (record.event === 'started') {
              expect(open).toBe(false);
              if (sinceStartMs !== null) expect(sinceStartMs).toBeGreaterThanOrEqual(minExposureBetweenStartsMs);
              open = true;
              sinceStartMs = 0;
            } else if (record.event === 'taken' || record.event === 'ended-early') {
              expect(open).toBe(true);
              open = false;
            } else if (record.event === 'strict-override' && open) {
              open = false;
            }
          }
          expect(entry.step.state.onBreak !== null).toBe(open);
          expect(entry.step.view.phase === 'on-break').toBe(open);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refused events change nothing: same state, no records, and leaving them out changes no outcome', () => {
    fc.assert(
      fc.property(scenarioArb, ({ config, startMs, specs }) => {
        const entries = run(config, startMs, specs);
        for (const entry of entries) {
          if (entry.step.rejected === null) continue;
          expect(entry.step.state).toBe(entry.before);
          expect(entry.step.records).toEqual([]);
        }
        let state = initialBreakState(startMs);
        const replayed: BreakLedgerRecord[] = [];
        for (const entry of entries.filter((e) => e.step.rejected === null)) {
          const step = stepBreaks(state, entry.event, entry.atMs, config);
          expect(step.rejected).toBeNull();
          replayed.push(...step.records);
          state = step.state;
        }
        expect(replayed).toEqual(entries.flatMap((e) => e.step.records));
        expect(state).toEqual(entries.at(-1)?.step.state ?? initialBreakState(startMs));
      }),
      { numRuns: 200 },
    );
  });

  it('state survives a JSON round trip and the schema; records are valid and in time order within their step', () => {
    fc.assert(
      fc.property(scenarioArb, ({ config, startMs, specs }) => {
        const entries = run(config, startMs, specs);
        let lastAtMs = startMs;
        for (const entry of entries) {
          const copy: unknown = JSON.parse(JSON.stringify(entry.before));
          expect(copy).toEqual(entry.before);
          const parsed = BreakStateSchema.parse(copy);
          expect(stepBreaks(parsed, entry.event, entry.atMs, config)).toEqual(entry.step);
          for (const record of entry.step.records) {
            expect(BreakLedgerRecordSchema.safeParse(record).success).toBe(true);
            expect(record.atMs).toBeGreaterThanOrEqual(Math.max(lastAtMs, entry.before.lastEventAtMs));
            expect(record.atMs).toBeLessThanOrEqual(entry.atMs);
            lastAtMs = record.atMs;
          }
        }
        const final = entries.at(-1)?.step.state;
        if (final !== undefined) expect(BreakStateSchema.parse(JSON.parse(JSON.stringify(final)))).toEqual(final);
      }),
      { numRuns: 200 },
    );
  });
});
