import fc from 'fast-check';
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

/** What comes next in a ledger: a gap (often none: flushes), then exposure or a reveal. */
const stepArb = fc.record({
  gapMs: fc.oneof(
    { arbitrary: fc.constant(0), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 2 * MINUTE }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 30 * HOUR }), weight: 1 },
  ),
  durationMs: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 10 * MINUTE }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 30 * HOUR }), weight: 1 }),
  exposure: classArb,
  reveal: fc.option(fc.constantFrom('spotlight', 'whole'), { freq: 4 }),
  /** Sometimes repeat the previous class, as a flush does. */
  repeat: fc.boolean(),
});

/** A ledger as the tracker writes it: records in time order, exposure records disjoint. */
export function ledgerArb(startMs: number, maxLength = 60): fc.Arbitrary<LedgerRecord[]> {
  return fc.array(stepArb, { maxLength }).map((steps) => {
    const records: LedgerRecord[] = [];
    let t = startMs;
    let previous: ExposureRecord | null = null;
    for (const step of steps) {
      t += step.gapMs;
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

function pickClass(c: Pick<ExposureRecord, 'surface' | 'greyscale' | 'blur' | 'reveal' | 'audio'>): Pick<ExposureRecord, 'surface' | 'greyscale' | 'blur' | 'reveal' | 'audio'> {
  return { surface: c.surface, greyscale: c.greyscale, blur: c.blur, reveal: c.reveal, audio: c.audio };
}
