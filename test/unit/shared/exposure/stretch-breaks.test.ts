import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakLedgerRecord } from '../../../../shared/breaks/break-records.js';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { longestStretchMs, sumTotals, totalsByDay } from '../../../../shared/exposure/totals.js';
import { BreakTimeline, config, exposure } from '../breaks/break-timeline.js';
import { exposureRecord, MINUTE, SECOND, T0, Timeline } from './timeline.js';

/**
 * A working session as the exposure service runs it: every second the tracker hears what
 * is on screen and the break scheduler hears the counted second. Media is hidden while a
 * break runs, and a due break starts at the next item boundary (here, at once).
 */
class Session {
  readonly tracker = new Timeline(T0);
  readonly breaks = new BreakTimeline(config({ restEnabled: false }), T0);
  private offsetMs = 0;
  private showing = false;

  private show(on: boolean): void {
    if (on === this.showing) return;
    this.showing = on;
    this.tracker.show(this.offsetMs, on ? { viewer: {} } : {});
  }

  private second(viewing: boolean): void {
    this.offsetMs += SECOND;
    const onBreak = this.breaks.state.onBreak !== null;
    this.show(viewing && !onBreak);
    this.tracker.at(this.offsetMs, { type: 'activity' });
    this.breaks.at(T0 + this.offsetMs, exposure(this.showing ? SECOND : 0, this.showing));
    if (this.breaks.view.phase === 'due') this.breaks.boundary();
  }

  view(durationMs: number): void {
    for (let t = 0; t < durationMs; t += SECOND) this.second(true);
  }

  lookAway(durationMs: number): void {
    for (let t = 0; t < durationMs; t += SECOND) this.second(false);
  }

  /** Everything the ledger holds, as the service writes it (tracker and scheduler records together). */
  ledger(): LedgerRecord[] {
    this.tracker.at(this.offsetMs, { type: 'flush' });
    return [...this.tracker.records, ...this.breaks.records].sort((a, b) => start(a) - start(b));
  }
}

function start(record: LedgerRecord): number {
  return record.type === 'exposure' ? record.startMs : record.atMs;
}

describe('longest continuous stretch and breaks', () => {
  it('ends a stretch at a micro-break taken and at natural breaks, though each is shorter than a minute', () => {
    const session = new Session();
    session.view(16 * MINUTE); // the micro-break falls due at 15 min and runs 30 s
    session.view(4 * MINUTE);
    for (let i = 0; i < 3; i += 1) {
      session.lookAway(40 * SECOND); // longer than a 30 s micro-break: a natural one
      session.view(5 * MINUTE);
    }
    const ledger = session.ledger();
    const events = ledger.flatMap((r) => (r.type === 'break' ? [r.event] : []));
    expect(events.filter((e) => e === 'taken')).toHaveLength(1);
    expect(events.filter((e) => e === 'natural')).toHaveLength(3);

    const day = totalsByDay(ledger, 'America/Toronto').get('2024-05-14');
    // 15 min before the break, then about 5 min (the rest of 16 + 4, less the break's 30 s) and three times 5 min,
    // every pause under a minute: before breaks ended a stretch, the longest was the whole day.
    expect(day?.exposureMs).toBeGreaterThan(34 * MINUTE);
    expect(day?.longestStretchMs).toBe(15 * MINUTE);
    expect(sumTotals(ledger).longestStretchMs).toBe(15 * MINUTE);
  });

  it('does not end a stretch at a break skipped, postponed or ended early', () => {
    const notRest = (atMs: number, event: 'skipped' | 'postponed' | 'ended-early' | 'due'): BreakLedgerRecord => ({
      v: 1,
      type: 'break',
      atMs,
      kind: 'micro',
      event,
    });
    const records = [
      exposureRecord(T0, T0 + 10 * MINUTE),
      notRest(T0 + 10 * MINUTE, 'skipped'),
      exposureRecord(T0 + 10 * MINUTE + 20 * SECOND, T0 + 20 * MINUTE),
    ];
    expect(longestStretchMs(records)).toBe(20 * MINUTE - 20 * SECOND);
  });

  it('splits the ledger at every break taken or natural: the longest stretch is the longest part between them', () => {
    const pieceArb = fc.record({
      gapMs: fc.integer({ min: 0, max: 2 * MINUTE }),
      lengthMs: fc.integer({ min: 1, max: 20 * MINUTE }),
      rest: fc.constantFrom('taken', 'natural', null),
    });
    fc.assert(
      fc.property(fc.array(pieceArb, { minLength: 1, maxLength: 30 }), (pieces) => {
        const records: LedgerRecord[] = [];
        const parts: LedgerRecord[][] = [[]];
        let atMs = T0;
        for (const { gapMs, lengthMs, rest } of pieces) {
          if (rest !== null) {
            records.push({ v: 1, type: 'break', atMs: atMs + Math.floor(gapMs / 2), kind: 'micro', event: rest });
            parts.push([]);
          }
          atMs += gapMs;
          const piece = exposureRecord(atMs, atMs + lengthMs);
          records.push(piece);
          parts[parts.length - 1]?.push(piece);
          atMs += lengthMs;
        }
        const expected = Math.max(...parts.map((part) => longestStretchMs(part)));
        expect(longestStretchMs(records)).toBe(expected);
        expect(sumTotals(records).longestStretchMs).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
