import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLUR_LEVELS } from '../../../../shared/media/filter-profile.js';
import { initialTrackerState, stepTracker, type TrackerEvent, type TrackerStep } from '../../../../shared/exposure/tracker.js';
import { recordStartMs, type LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import type { ShownFilter, VisibilityReport, VisibleSurface } from '../../../../shared/exposure/visibility-report.js';
import { sumTotals } from '../../../../shared/exposure/totals.js';
import { MINUTE, T0 } from './timeline.js';

const IDLE_AFTER_MS = 2 * MINUTE;
const config = { idleAfterMs: IDLE_AFTER_MS };

const filterArb: fc.Arbitrary<ShownFilter> = fc.record({
  greyscale: fc.boolean(),
  blur: fc.constantFrom(...BLUR_LEVELS),
  reveal: fc.constantFrom('none', 'none', 'spotlight', 'whole'),
});

const surfacesArb: fc.Arbitrary<VisibleSurface[]> = fc
  .subarray(['viewer', 'storyboard', 'grid'] as const)
  .chain((names) =>
    fc
      .tuple(...names.map(() => filterArb))
      .map((filters) => names.map((surface, i) => ({ surface, itemIds: ['item-0001'], filter: filters[i] as ShownFilter }))),
  );

/** A report without its seq; the run gives it one (usually the next, sometimes stale). */
const reportArb = fc.record({
  pageVisible: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  surfaces: surfacesArb,
  video: fc.option(fc.record({ playing: fc.boolean(), audible: fc.boolean() })),
  seqStep: fc.integer({ min: -2, max: 3 }),
});

type ReportDraft = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;
type ScriptedEvent = { kind: 'report'; report: ReportDraft } | { kind: 'other'; event: TrackerEvent };

const eventArb: fc.Arbitrary<ScriptedEvent> = fc.oneof(
  { arbitrary: reportArb.map((report) => ({ kind: 'report' as const, report })), weight: 6 },
  { arbitrary: fc.constant<ScriptedEvent>({ kind: 'other', event: { type: 'activity' } }), weight: 4 },
  { arbitrary: fc.boolean().map<ScriptedEvent>((shown) => ({ kind: 'other', event: { type: 'window', shown } })), weight: 2 },
  {
    arbitrary: fc
      .constantFrom('locked', 'unlocked', 'suspended', 'resumed')
      .map<ScriptedEvent>((state) => ({ kind: 'other', event: { type: 'power', state } })),
    weight: 2,
  },
  { arbitrary: fc.constant<ScriptedEvent>({ kind: 'other', event: { type: 'tick' } }), weight: 3 },
  { arbitrary: fc.constant<ScriptedEvent>({ kind: 'other', event: { type: 'flush' } }), weight: 2 },
  { arbitrary: fc.constant<ScriptedEvent>({ kind: 'other', event: { type: 'shutdown' } }), weight: 1 },
);

/** Gaps between events: mostly seconds, sometimes long enough to go idle, sometimes none. */
const gapArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5_000 }), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 10 * MINUTE }), weight: 2 },
  { arbitrary: fc.constant(0), weight: 1 },
);

interface Scripted {
  event: TrackerEvent;
  atMs: number;
}

function materialise(events: ScriptedEvent[], times: number[]): Scripted[] {
  let seq = 0;
  return events.map((e, i) => {
    const atMs = times[i] ?? T0;
    if (e.kind === 'other') return { event: e.event, atMs };
    seq = Math.max(0, seq + e.report.seqStep);
    const report: VisibilityReport = { caseId: 'case-0001', seq, pageVisible: e.report.pageVisible, surfaces: e.report.surfaces, video: e.report.video };
    return { event: { type: 'visibility', report }, atMs };
  });
}

const nonDecreasingScript = fc.array(fc.tuple(eventArb, gapArb), { maxLength: 80 }).map((pairs) => {
  let t = T0;
  const times = pairs.map(([, gap]) => (t += gap));
  return materialise(
    pairs.map(([e]) => e),
    times,
  );
});

const anyOrderScript = fc.array(fc.tuple(eventArb, fc.integer({ min: -30 * MINUTE, max: 60 * MINUTE })), { maxLength: 80 }).map((pairs) =>
  materialise(
    pairs.map(([e]) => e),
    pairs.map(([, offset]) => T0 + offset),
  ),
);

interface Run {
  steps: TrackerStep[];
  records: LedgerRecord[];
  lastAcceptedMs: number;
}

function run(script: Scripted[]): Run {
  let state = initialTrackerState(T0);
  const steps: TrackerStep[] = [];
  const records: LedgerRecord[] = [];
  for (const { event, atMs } of script) {
    const step = stepTracker(state, event, atMs, config);
    steps.push(step);
    records.push(...step.records);
    state = step.state;
  }
  return { steps, records, lastAcceptedMs: state.lastEventAtMs };
}

/**
 * An independent statement of the rules: between two accepted events nothing changes,
 * so the time from one to the next counts if, after the first, every condition held;
 * idleness (no video playing) cuts it at last presence + idle time.
 */
function reference(script: Scripted[]): { exposureMs: number; unfilteredMs: number; audioMs: number; gridOnlyMs: number; reveals: number } {
  const sums = { exposureMs: 0, unfilteredMs: 0, audioMs: 0, gridOnlyMs: 0, reveals: 0 };
  let last = T0;
  let lastSeq = -1;
  let shown = true;
  let locked = false;
  let suspended = false;
  let report: VisibilityReport | null = null;
  let presence = T0;
  let revealShown = 'none';
  let over = false;
  const accepted = script.filter(({ event, atMs }) => {
    if (over || atMs < last) return false;
    if (event.type === 'visibility' && event.report.seq <= lastSeq) return false;
    last = atMs;
    if (event.type === 'visibility') lastSeq = event.report.seq;
    if (event.type === 'shutdown') over = true;
    return true;
  });
  for (let i = 0; i < accepted.length; i += 1) {
    const { event, atMs } = accepted[i] as Scripted;
    const playingBefore = report?.video?.playing ?? false;
    if (playingBefore || event.type === 'activity') presence = atMs;
    if (event.type === 'window') shown = event.shown;
    if (event.type === 'power') {
      if (event.state === 'locked' || event.state === 'unlocked') locked = event.state === 'locked';
      else suspended = event.state === 'suspended';
    }
    if (event.type === 'visibility') {
      report = event.report;
      const modes = report.surfaces.map((s) => s.filter.reveal);
      const mode = modes.includes('whole') ? 'whole' : modes.includes('spotlight') ? 'spotlight' : 'none';
      if (mode !== 'none' && mode !== revealShown) sums.reveals += 1;
      revealShown = mode;
    }
    if (event.type === 'shutdown') break;
    const next = accepted[i + 1]?.atMs ?? atMs;
    if (report === null || !report.pageVisible || report.surfaces.length === 0 || !shown || locked || suspended) continue;
    const playing = report.video?.playing ?? false;
    const until = playing ? next : Math.min(next, presence + IDLE_AFTER_MS);
    const counted = Math.max(0, until - atMs);
    const filters = report.surfaces.map((s) => s.filter);
    const viewer = report.surfaces.some((s) => s.surface !== 'grid');
    const unfiltered = filters.some((f) => f.reveal !== 'none' || f.blur === 'off' || !f.greyscale);
    sums.exposureMs += counted;
    if (unfiltered) sums.unfilteredMs += counted;
    if (!viewer) sums.gridOnlyMs += counted;
    if (viewer && playing && report.video?.audible === true) sums.audioMs += counted;
  }
  return sums;
}

function checkInvariants(r: Run, script: Scripted[]): void {
  // Records come in time order; exposure records are disjoint and lie within [first event, last accepted event].
  let previousStart = T0;
  let previousEnd = T0;
  for (const record of r.records) {
    expect(recordStartMs(record)).toBeGreaterThanOrEqual(previousStart);
    previousStart = recordStartMs(record);
    if (record.type === 'exposure') {
      expect(record.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(record.endMs).toBeGreaterThan(record.startMs);
      expect(record.endMs).toBeLessThanOrEqual(r.lastAcceptedMs);
      expect(Number.isInteger(record.startMs) && Number.isInteger(record.endMs)).toBe(true);
      previousEnd = record.endMs;
    } else {
      expect(record.atMs).toBeLessThanOrEqual(r.lastAcceptedMs);
    }
  }
  const totals = sumTotals(r.records);
  expect(totals.exposureMs).toBeGreaterThanOrEqual(0);
  expect(totals.exposureMs).toBeLessThanOrEqual(r.lastAcceptedMs - T0);
  expect(totals.unfilteredMs).toBeLessThanOrEqual(totals.exposureMs);
  expect(totals.audioMs).toBeLessThanOrEqual(totals.exposureMs);
  expect(totals.gridOnlyMs).toBeLessThanOrEqual(totals.exposureMs);
  expect(totals.longestStretchMs).toBeLessThanOrEqual(totals.exposureMs);
  // A refused event returns the very same state, writes nothing and reports the same counting.
  r.steps.forEach((step, i) => {
    expect(step.counting).toBe(step.state.open !== null);
    if (step.rejected === null) return;
    const before = i === 0 ? null : r.steps[i - 1]?.state;
    if (before) expect(step.state).toBe(before);
    expect(step.records).toEqual([]);
  });
  // Refused events change nothing: leaving them out gives the same records.
  const acceptedOnly = script.filter((_, i) => r.steps[i]?.rejected === null);
  expect(run(acceptedOnly).records).toEqual(r.records);
}

/** Every run ends with a shutdown at its last time, so the open record is written. */
function withShutdown(script: Scripted[]): Scripted[] {
  const end = Math.max(T0, ...script.map((s) => s.atMs));
  return [...script, { event: { type: 'shutdown' }, atMs: end }];
}

describe('tracker properties', () => {
  it('with times in order: records disjoint and ordered, totals within wall time and equal to an independent model', () => {
    fc.assert(
      fc.property(nonDecreasingScript, (script) => {
        const full = withShutdown(script);
        const r = run(full);
        checkInvariants(r, full);
        const totals = sumTotals(r.records);
        expect({
          exposureMs: totals.exposureMs,
          unfilteredMs: totals.unfilteredMs,
          audioMs: totals.audioMs,
          gridOnlyMs: totals.gridOnlyMs,
          reveals: totals.reveals,
        }).toEqual(reference(full));
      }),
      { numRuns: 400 },
    );
  });

  it('with times in any order: late events are refused and every invariant still holds', () => {
    fc.assert(
      fc.property(anyOrderScript, (script) => {
        const full = withShutdown(script);
        const r = run(full);
        checkInvariants(r, full);
        let last = T0;
        r.steps.forEach((step, i) => {
          const atMs = full[i]?.atMs ?? T0;
          if (atMs < last) expect(step.rejected === 'out-of-order' || step.rejected === 'after-shutdown').toBe(true);
          if (step.rejected === null) last = atMs;
        });
        const totals = sumTotals(r.records);
        expect(totals.exposureMs).toEqual(reference(full).exposureMs);
      }),
      { numRuns: 400 },
    );
  });
});
