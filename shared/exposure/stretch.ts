import { recordStartMs, type LedgerRecord } from './ledger-record.js';

/**
 * A pause shorter than this does not end a continuous stretch of exposure. Looking away
 * for a few seconds, moving to the next item, or a record boundary (flushes and filter
 * changes make records that touch exactly) is not rest; a full minute away from the
 * media is the shortest pause treated as a break. It is shorter than any break Veil
 * prompts, so a break taken always ends a stretch.
 */
export const STRETCH_GAP_MS = 60_000;

/**
 * Running state of the longest-stretch computation, fed exposure intervals in order of
 * start. Internal to the totals code (mutable for speed; never stored).
 */
export interface StretchCounter {
  gapMs: number;
  started: boolean;
  /** Latest end seen so far (epoch ms). */
  lastEndMs: number;
  /** Exposure in the stretch now running (ms). */
  currentMs: number;
  longestMs: number;
}

/** A counter that has seen nothing yet; pauses of `gapMs` or more end a stretch. */
export function newStretchCounter(gapMs: number): StretchCounter {
  return { gapMs, started: false, lastEndMs: 0, currentMs: 0, longestMs: 0 };
}

/**
 * Adds the interval [startMs, endMs) to a counter. Intervals must come in order of start;
 * overlaps are counted once (the union), so a stretch never exceeds the time it spans.
 */
export function addToStretch(counter: StretchCounter, startMs: number, endMs: number): void {
  if (endMs <= startMs) return;
  if (!counter.started || startMs - counter.lastEndMs >= counter.gapMs) {
    counter.started = true;
    counter.currentMs = 0;
    counter.lastEndMs = startMs;
  }
  if (endMs > counter.lastEndMs) {
    counter.currentMs += endMs - Math.max(startMs, counter.lastEndMs);
    counter.lastEndMs = endMs;
  }
  if (counter.currentMs > counter.longestMs) counter.longestMs = counter.currentMs;
}

/** True when records are already in order of their start (the ledger's order), checked in one pass. */
function isInStartOrder(records: readonly LedgerRecord[]): boolean {
  for (let i = 1; i < records.length; i += 1) {
    const previous = records[i - 1];
    const current = records[i];
    if (previous !== undefined && current !== undefined && recordStartMs(current) < recordStartMs(previous)) return false;
  }
  return true;
}

/** Records in order of start: the input itself when already so (linear), else a sorted copy. */
export function inStartOrder(records: readonly LedgerRecord[]): readonly LedgerRecord[] {
  return isInStartOrder(records) ? records : [...records].sort((a, b) => recordStartMs(a) - recordStartMs(b));
}

/**
 * The longest continuous stretch of exposure, in ms: exposure intervals joined into
 * stretches wherever the pause between them is shorter than `gapMs`, each stretch
 * measured as the exposure time it contains (the measure of the union of its
 * intervals, pauses excluded), so it never exceeds the exposure total. Reveal records
 * are ignored. Records may come in any order (sorted first when not in order).
 */
export function longestStretchMs(records: readonly LedgerRecord[], gapMs: number = STRETCH_GAP_MS): number {
  const counter = newStretchCounter(gapMs);
  for (const record of inStartOrder(records)) {
    if (record.type === 'exposure') addToStretch(counter, record.startMs, record.endMs);
  }
  return counter.longestMs;
}
