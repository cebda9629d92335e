import fc from 'fast-check';
import { BREAK_EVENTS } from '../../../../shared/breaks/break-records.js';
import { LIMIT_PERIODS, LIMIT_QUANTITIES } from '../../../../shared/limits/cap-keys.js';
import { BLUR_LEVELS } from '../../../../shared/media/filter-profile.js';
import type { ExposureRecord, LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { HOUR, MINUTE } from './timeline.js';

const classArb = fc.record({
  surface: fc.constantFrom('viewer', 'grid'),
  greyscale: fc.boolean(),
  blur: fc.constantFrom(...BLUR_LEVELS),
  reveal: fc.constantFrom('none', 'spotlight', 'whole'),
  audio: fc.boolean(),
});

type WellbeingAt = (atMs: number) => LedgerRecord;

const reasonArb = fc.constantFrom('finishing this interview', 'court deadline today', 'the last few items');

/** A break, after-hours or limit record at a given instant, reasons included where they belong. */
const wellbeingArb: fc.Arbitrary<WellbeingAt> = fc.oneof(
  fc.record({ kind: fc.constantFrom('micro', 'rest'), event: fc.constantFrom(...BREAK_EVENTS), reason: reasonArb }).map(
    ({ kind, event, reason }): WellbeingAt =>
      (atMs) =>
        event === 'strict-override' ? { v: 1, type: 'break', atMs, kind, event, reason } : { v: 1, type: 'break', atMs, kind, event },
  ),
  fc.constant<WellbeingAt>((atMs) => ({ v: 1, type: 'after-hours', atMs })),
  fc
    .record({
      quantity: fc.constantFrom(...LIMIT_QUANTITIES),
      period: fc.constantFrom(...LIMIT_PERIODS),
      event: fc.constantFrom('warning', 'reached', 'override'),
      capMs: fc.integer({ min: MINUTE, max: 10 * HOUR }),
      reason: reasonArb,
    })
    .map(({ quantity, period, event, capMs, reason }): WellbeingAt => {
      const base = { v: 1, type: 'limit', quantity, period, capMs } as const;
      if (event === 'warning') return (atMs) => ({ ...base, atMs, event, thresholdPct: 75 });
      if (event === 'reached') return (atMs) => ({ ...base, atMs, event });
      return (atMs) => ({ ...base, atMs, event, reason, extensionMs: 15 * MINUTE });
    }),
);

/**
 * An exposure-avoided record at a given instant: a viewed item's counted time, or an import's
 * spared counts (small counts, so the same pair comes back as a case opened again would).
 */
const avoidedArb: fc.Arbitrary<WellbeingAt> = fc.oneof(
  fc.integer({ min: 1, max: 10 * MINUTE }).map((durationMs): WellbeingAt => (atMs) => ({ v: 1, type: 'item-view', atMs, durationMs })),
  fc
    .record({ knownCount: fc.integer({ min: 0, max: 4 }), duplicateCount: fc.integer({ min: 0, max: 4 }), nearCopyCount: fc.integer({ min: 0, max: 3 }) })
    .map(({ knownCount, duplicateCount, nearCopyCount }): WellbeingAt => (atMs) => ({
      v: 1,
      type: 'avoided',
      atMs,
      knownCount,
      duplicateCount,
      nearCopyCount,
    })),
);

/** What comes next in a ledger: a gap (often none: flushes), then exposure, perhaps after a reveal or a break or limit event. */
const stepArb = fc.record({
  gapMs: fc.oneof(
    { arbitrary: fc.constant(0), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 2 * MINUTE }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 30 * HOUR }), weight: 1 },
  ),
  durationMs: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 10 * MINUTE }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 30 * HOUR }), weight: 1 }),
  exposure: classArb,
  reveal: fc.option(fc.constantFrom('spotlight', 'whole'), { freq: 4 }),
  /** A break or limit event at the same instant (sometimes none); these mark instants, not time. */
  wellbeing: fc.option(wellbeingArb, { freq: 2 }),
  /** An item view or an import's spared counts at the same instant (sometimes none). */
  avoided: fc.option(avoidedArb, { freq: 2 }),
  /** Sometimes repeat the previous class, as a flush does. */
  repeat: fc.boolean(),
});

/**
 * A ledger as the services write it: records in time order, exposure records disjoint,
 * with reveals, break and limit records, item views and imports' spared counts between them.
 */
export function ledgerArb(startMs: number, maxLength = 60): fc.Arbitrary<LedgerRecord[]> {
  return fc.array(stepArb, { maxLength }).map((steps) => {
    const records: LedgerRecord[] = [];
    let t = startMs;
    let previous: ExposureRecord | null = null;
    for (const step of steps) {
      t += step.gapMs;
      if (step.wellbeing !== null) records.push(step.wellbeing(t));
      if (step.avoided !== null) records.push(step.avoided(t));
      if (step.reveal !== null) records.push({ v: 1, type: 'reveal', atMs: t, mode: step.reveal });
      const exposure = step.repeat && previous !== null ? previous : step.exposure;
      const record: ExposureRecord = { v: 1, type: 'exposure', startMs: t, endMs: t + step.durationMs, ...pickClass(exposure) };
      records.push(record);
      previous = record;
      t = record.endMs;
    }
    return records;
  });
}

function pickClass(
  c: Pick<ExposureRecord, 'surface' | 'greyscale' | 'blur' | 'reveal' | 'audio'>,
): Pick<ExposureRecord, 'surface' | 'greyscale' | 'blur' | 'reveal' | 'audio'> {
  return { surface: c.surface, greyscale: c.greyscale, blur: c.blur, reveal: c.reveal, audio: c.audio };
}
