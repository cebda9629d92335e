import { BLUR_LEVELS } from '../media/filter-profile.js';
import type { ExposureClass } from './classify.js';
import type { ExposureTotals, FilterShare, WellbeingCounts } from './exposure-summary.js';
import { isUnfilteredRecord } from './ledger-record.js';
import { addToStretch, cutStretch, endsStretch, newStretchCounter, STRETCH_GAP_MS, type StretchCounter } from './stretch.js';
import { RevealModeSchema } from './visibility-report.js';
import { addWellbeingRecord, zeroWellbeingCounts, type InstantRecord } from './wellbeing-counts.js';

const REVEAL_MODES = RevealModeSchema.options;

/** Every filter state, indexed as bucketIndex() computes, so shares add up in a flat array. */
const FILTER_STATES: readonly Omit<FilterShare, 'exposureMs'>[] = [false, true].flatMap((greyscale) =>
  BLUR_LEVELS.flatMap((blur) => REVEAL_MODES.map((reveal) => ({ greyscale, blur, reveal }))),
);

function bucketIndex(state: Pick<ExposureClass, 'greyscale' | 'blur' | 'reveal'>): number {
  return ((state.greyscale ? 1 : 0) * BLUR_LEVELS.length + BLUR_LEVELS.indexOf(state.blur)) * REVEAL_MODES.length + REVEAL_MODES.indexOf(state.reveal);
}

/**
 * Running sums for one span (a day, a week…). Mutable and internal: sumTotals and
 * buildMyExposure share it so both compute every figure the same way.
 */
export interface TotalsAccumulator {
  exposureMs: number;
  unfilteredMs: number;
  audioMs: number;
  gridOnlyMs: number;
  reveals: number;
  filterMs: number[];
  stretch: StretchCounter;
  wellbeing: WellbeingCounts;
}

/** Empty sums for a span; stretches break at pauses of `gapMs` or more. */
export function newAccumulator(gapMs: number = STRETCH_GAP_MS): TotalsAccumulator {
  return {
    exposureMs: 0,
    unfilteredMs: 0,
    audioMs: 0,
    gridOnlyMs: 0,
    reveals: 0,
    filterMs: FILTER_STATES.map(() => 0),
    stretch: newStretchCounter(gapMs),
    wellbeing: zeroWellbeingCounts(),
  };
}

const UNFILTERED_BY_BUCKET: readonly boolean[] = FILTER_STATES.map((state) => isUnfilteredRecord(state));

/**
 * A class as one small integer (filter bucket × 4 + audio × 2 + grid), so a loop over
 * thousands of records derives it once per record and allocates nothing.
 */
export function classCode(exposure: ExposureClass): number {
  return bucketIndex(exposure) * 4 + (exposure.audio ? 2 : 0) + (exposure.surface === 'grid' ? 1 : 0);
}

/**
 * Adds exposure [startMs, endMs) of the class `code` (see classCode). Pieces must come
 * in order of start (for the stretch). Empty or inverted intervals add nothing, not
 * even to a stretch.
 */
export function addCodedExposure(acc: TotalsAccumulator, startMs: number, endMs: number, code: number): void {
  const durationMs = endMs - startMs;
  if (durationMs <= 0) return;
  const bucket = code >> 2;
  acc.exposureMs += durationMs;
  if (UNFILTERED_BY_BUCKET[bucket] === true) acc.unfilteredMs += durationMs;
  if ((code & 2) !== 0) acc.audioMs += durationMs;
  if ((code & 1) !== 0) acc.gridOnlyMs += durationMs;
  acc.filterMs[bucket] = (acc.filterMs[bucket] ?? 0) + durationMs;
  addToStretch(acc.stretch, startMs, endMs);
}

/** addCodedExposure for a class given as fields. */
export function addExposure(acc: TotalsAccumulator, startMs: number, endMs: number, exposure: ExposureClass): void {
  addCodedExposure(acc, startMs, endMs, classCode(exposure));
}

/** Counts one reveal start in the span. */
function addReveal(acc: TotalsAccumulator): void {
  acc.reveals += 1;
}

/**
 * Counts a record that marks an instant (a reveal, a break or limit event) in the span
 * the caller placed its `atMs` in. A break taken or natural ends the running stretch.
 */
export function addInstant(acc: TotalsAccumulator, record: InstantRecord): void {
  if (record.type === 'reveal') addReveal(acc);
  else addWellbeingRecord(acc.wellbeing, record);
  if (endsStretch(record)) cutStretch(acc.stretch, record.atMs);
}

/** The figures of a span: filter shares with time only, most time first (ties in a fixed order). */
export function finishTotals(acc: TotalsAccumulator): ExposureTotals {
  const byFilter: FilterShare[] = [];
  FILTER_STATES.forEach((state, index) => {
    const exposureMs = acc.filterMs[index] ?? 0;
    if (exposureMs > 0) byFilter.push({ ...state, exposureMs });
  });
  // Stable sort: equal times keep the fixed order of FILTER_STATES.
  byFilter.sort((a, b) => b.exposureMs - a.exposureMs);
  return {
    exposureMs: acc.exposureMs,
    unfilteredMs: acc.unfilteredMs,
    audioMs: acc.audioMs,
    gridOnlyMs: acc.gridOnlyMs,
    reveals: acc.reveals,
    longestStretchMs: acc.stretch.longestMs,
    byFilter,
    wellbeing: { ...acc.wellbeing },
  };
}
