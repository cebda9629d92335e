import { recordStartMs, type LedgerRecord } from './ledger-record.js';

/**
 * A pause shorter than this does not end a continuous stretch of exposure. Looking away
 * for a few seconds, moving to the next item, or a record boundary (flushes and filter
 * changes make records that touch exactly) is not rest; a full minute away from the
 * media is the shortest unannounced pause treated as a break. Micro-breaks can be
 * shorter (30 s by default), so a break record ends a stretch by itself (endsStretch).
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
  /** Longest stretch so far, the running one included (ms). */
  longestMs: number;
  /** Longest of the stretches already ended (ms). */
  endedLongestMs: number;
}

/** A counter that has seen nothing yet; pauses of `gapMs` or more end a stretch. */
export function newStretchCounter(gapMs: number): StretchCounter {
  return { gapMs, started: false, lastEndMs: 0, currentMs: 0, longestMs: 0, endedLongestMs: 0 };
}

/**
 * Adds the interval [startMs, endMs) to a counter. Intervals must come in order of start;
 * overlaps are counted once (the union), so a stretch never exceeds the time it spans.
 */
export function addToStretch(counter: StretchCounter, startMs: number, endMs: number): void {
  if (endMs <= startMs) return;
  if (!counter.started || startMs - counter.lastEndMs >= counter.gapMs) {
    counter.started = true;
    counter.endedLongestMs = Math.max(counter.endedLongestMs, counter.currentMs);
    counter.currentMs = 0;
    counter.lastEndMs = startMs;
  }
  if (endMs > counter.lastEndMs) {
    counter.currentMs += endMs - Math.max(startMs, counter.lastEndMs);
    counter.lastEndMs = endMs;
  }
  counter.longestMs = Math.max(counter.endedLongestMs, counter.currentMs);
}

/**
 * True for a record that says the user rested: a break that ran its length, or a pause as
 * long as a break (natural). Either ends a stretch, however short the break (a 30 s
 * micro-break is shorter than STRETCH_GAP_MS). A break ended early, skipped or overridden
 * was not rest, so it does not.
 */
export function endsStretch(record: LedgerRecord): boolean {
  return record.type === 'break' && (record.event === 'taken' || record.event === 'natural');
}

/**
 * Ends the running stretch at `atMs` (a break's instant), fed after every interval that
 * starts before it. Exposure after `atMs` already added (an interval running across it,
 * or starting at that very ms) is moved into the next stretch, so the result depends
 * neither on the order of records at one instant nor on how intervals were split.
 */
export function cutStretch(counter: StretchCounter, atMs: number): void {
  if (!counter.started) return;
  // Every interval added starts at or before atMs, so [atMs, lastEndMs) is all exposure.
  const tailMs = Math.max(0, counter.lastEndMs - atMs);
  counter.endedLongestMs = Math.max(counter.endedLongestMs, counter.currentMs - tailMs);
  counter.currentMs = tailMs;
  counter.longestMs = Math.max(counter.endedLongestMs, counter.currentMs);
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
 * intervals, pauses excluded), so it never exceeds the exposure total. A break taken or
 * natural (endsStretch) ends a stretch at its instant, whatever the pause. Other records
 * are ignored. Records may come in any order (sorted first when not in order).
 */
export function longestStretchMs(records: readonly LedgerRecord[], gapMs: number = STRETCH_GAP_MS): number {
  const counter = newStretchCounter(gapMs);
  for (const record of inStartOrder(records)) {
    if (record.type === 'exposure') addToStretch(counter, record.startMs, record.endMs);
    else if (endsStretch(record)) cutStretch(counter, record.atMs);
  }
  return counter.longestMs;
}
