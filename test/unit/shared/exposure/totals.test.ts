import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAtDayBoundaries } from '../../../../shared/exposure/day-boundaries.js';
import { breakRecord } from '../../../../shared/breaks/break-records.js';
import { ExposureTotalsSchema } from '../../../../shared/exposure/exposure-summary.js';
import { LedgerRecordSchema, type ExposureRecord, type LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { endsStretch } from '../../../../shared/exposure/stretch.js';
import { compactRecords, longestStretchMs, STRETCH_GAP_MS, sumTotals, totalsByDay, totalsByWeek } from '../../../../shared/exposure/totals.js';
import { ledgerArb } from './records-arb.js';
import { exposureRecord, HOUR, MINUTE, SECOND, T0 } from './timeline.js';
import { plainWellbeingCounts } from './wellbeing-reference.js';

const TORONTO = 'America/Toronto';

/** Offsets from T0. */
const rec = (startMs: number, endMs: number, changes: Partial<ExposureRecord> = {}): ExposureRecord => exposureRecord(T0 + startMs, T0 + endMs, changes);
const reveal = (atMs: number, mode: 'spotlight' | 'whole' = 'whole'): LedgerRecord => ({ v: 1, type: 'reveal', atMs: T0 + atMs, mode });
const NO_WELLBEING = plainWellbeingCounts([]);

describe('sumTotals', () => {
  it('adds each quantity separately and splits the time by filter, most first', () => {
    const totals = sumTotals([
      rec(0, 60 * SECOND),
      reveal(60 * SECOND, 'spotlight'),
      rec(60 * SECOND, 70 * SECOND, { reveal: 'spotlight', audio: true }),
      rec(70 * SECOND, 100 * SECOND, { audio: true }),
      rec(100 * SECOND, 120 * SECOND, { surface: 'grid', greyscale: false, blur: 'light' }),
      rec(120 * SECOND, 125 * SECOND, { surface: 'grid', blur: 'off' }),
    ]);
    expect(totals).toEqual({
      exposureMs: 125 * SECOND,
      unfilteredMs: 35 * SECOND,
      audioMs: 40 * SECOND,
      gridOnlyMs: 25 * SECOND,
      reveals: 1,
      longestStretchMs: 125 * SECOND,
      byFilter: [
        { greyscale: true, blur: 'strong', reveal: 'none', exposureMs: 90 * SECOND },
        { greyscale: false, blur: 'light', reveal: 'none', exposureMs: 20 * SECOND },
        { greyscale: true, blur: 'strong', reveal: 'spotlight', exposureMs: 10 * SECOND },
        { greyscale: true, blur: 'off', reveal: 'none', exposureMs: 5 * SECOND },
      ],
      wellbeing: NO_WELLBEING,
    });
    expect(ExposureTotalsSchema.safeParse(totals).success).toBe(true);
  });

  it('is all zeros for no records, and ignores empty ones', () => {
    const zero = { exposureMs: 0, unfilteredMs: 0, audioMs: 0, gridOnlyMs: 0, reveals: 0, longestStretchMs: 0, byFilter: [], wellbeing: NO_WELLBEING };
    expect(Object.values(NO_WELLBEING)).toEqual(Array.from({ length: 11 }, () => 0));
    expect(sumTotals([])).toEqual(zero);
    expect(sumTotals([rec(5, 5)])).toEqual(zero);
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(ledgerArb(T0), fc.integer(), (records, seed) => {
        const shuffled = [...records].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
        expect(sumTotals(shuffled)).toEqual(sumTotals(records));
      }),
      { numRuns: 100 },
    );
  });
});

describe('longestStretchMs', () => {
  it('joins pauses shorter than the gap and breaks at pauses of the gap or more', () => {
    expect(STRETCH_GAP_MS).toBe(MINUTE);
    const short = [rec(0, 10 * MINUTE), rec(10 * MINUTE + 59 * SECOND, 20 * MINUTE)];
    expect(longestStretchMs(short)).toBe(20 * MINUTE - 59 * SECOND);
    const long = [rec(0, 10 * MINUTE), rec(11 * MINUTE, 15 * MINUTE)];
    expect(longestStretchMs(long)).toBe(10 * MINUTE);
    expect(longestStretchMs(long, 2 * MINUTE)).toBe(14 * MINUTE);
  });

  it('measures the exposure inside a stretch, not the pauses, and counts overlaps once', () => {
    // 30 s on, 30 s off for an hour: one stretch of 30 minutes of exposure.
    const onOff = Array.from({ length: 60 }, (_, i) => rec(i * MINUTE, i * MINUTE + 30 * SECOND));
    expect(longestStretchMs(onOff)).toBe(30 * MINUTE);
    expect(longestStretchMs([rec(0, 10 * MINUTE), rec(5 * MINUTE, 12 * MINUTE), rec(1 * MINUTE, 2 * MINUTE)])).toBe(12 * MINUTE);
  });

  it('ignores reveals and accepts records in any order', () => {
    expect(longestStretchMs([rec(20 * MINUTE, 30 * MINUTE), reveal(15 * MINUTE), rec(0, 5 * MINUTE)])).toBe(10 * MINUTE);
  });

  it('never exceeds the exposure total, and equals it for one unbroken session', () => {
    fc.assert(
      fc.property(ledgerArb(T0), (records) => {
        const totals = sumTotals(records);
        expect(totals.longestStretchMs).toBeLessThanOrEqual(totals.exposureMs);
        // Without a break taken or natural, nothing ends it.
        const unbroken = records.filter((r) => !endsStretch(r));
        expect(longestStretchMs(unbroken, Number.POSITIVE_INFINITY)).toBe(totals.exposureMs);
      }),
      { numRuns: 100 },
    );
  });
});

describe('compactRecords', () => {
  it('merges touching records of one class and keeps reveals, gaps and class changes', () => {
    const records = [
      rec(0, 10 * SECOND),
      rec(10 * SECOND, 20 * SECOND),
      reveal(20 * SECOND),
      rec(20 * SECOND, 30 * SECOND, { reveal: 'whole' }),
      rec(30 * SECOND, 40 * SECOND, { reveal: 'whole' }),
      rec(40 * SECOND, 50 * SECOND),
      rec(51 * SECOND, 60 * SECOND),
    ];
    const input = structuredClone(records);
    expect(compactRecords(records)).toEqual([
      rec(0, 20 * SECOND),
      reveal(20 * SECOND),
      rec(20 * SECOND, 40 * SECOND, { reveal: 'whole' }),
      rec(40 * SECOND, 50 * SECOND),
      rec(51 * SECOND, 60 * SECOND),
    ]);
    expect(records).toEqual(input);
  });

  it('leaves totals unchanged and is idempotent', () => {
    fc.assert(
      fc.property(ledgerArb(T0), (records) => {
        const compacted = compactRecords(records);
        expect(sumTotals(compacted)).toEqual(sumTotals(records));
        expect(totalsByDay(compacted, TORONTO)).toEqual(totalsByDay(records, TORONTO));
        expect(compactRecords(compacted)).toEqual(compacted);
        expect(compacted.filter((r) => r.type === 'reveal')).toEqual(records.filter((r) => r.type === 'reveal'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('totals by day and by week', () => {
  it('splits a session across midnight between the two days exactly', () => {
    const start = Date.UTC(2024, 4, 15, 3, 45); // 23:45 in Toronto
    const days = totalsByDay(
      [
        { ...rec(0, 0), startMs: start, endMs: start + 40 * MINUTE },
        { v: 1, type: 'reveal', atMs: start + 15 * MINUTE, mode: 'whole' },
      ],
      TORONTO,
    );
    expect([...days.keys()]).toEqual(['2024-05-14', '2024-05-15']);
    expect(days.get('2024-05-14')).toMatchObject({ day: '2024-05-14', exposureMs: 15 * MINUTE, reveals: 0, longestStretchMs: 15 * MINUTE });
    expect(days.get('2024-05-15')).toMatchObject({ day: '2024-05-15', exposureMs: 25 * MINUTE, reveals: 1 });
  });

  it('gives the DST days of America/Toronto 23 and 25 hours of an all-day session', () => {
    const spring = Date.UTC(2024, 2, 10, 0); // 9 March, 19:00 local
    const days = totalsByDay([{ ...rec(0, 0), startMs: spring, endMs: spring + 48 * HOUR }], TORONTO);
    expect([...days.values()].map((d) => [d.day, d.exposureMs / HOUR])).toEqual([
      ['2024-03-09', 5],
      ['2024-03-10', 23],
      ['2024-03-11', 20],
    ]);
    const autumn = Date.UTC(2024, 10, 3, 0); // 2 November, 20:00 local
    const autumnDays = totalsByDay([{ ...rec(0, 0), startMs: autumn, endMs: autumn + 48 * HOUR }], TORONTO);
    expect([...autumnDays.values()].map((d) => [d.day, d.exposureMs / HOUR])).toEqual([
      ['2024-11-02', 4],
      ['2024-11-03', 25],
      ['2024-11-04', 19],
    ]);
  });

  it('keeps a stretch across midnight whole within the week', () => {
    const start = Date.UTC(2024, 4, 15, 3, 30); // Tue 23:30 in Toronto
    const records = [{ ...rec(0, 0), startMs: start, endMs: start + HOUR }];
    const weeks = totalsByWeek(records, TORONTO, 0);
    expect([...weeks.keys()]).toEqual(['2024-05-12']);
    expect(weeks.get('2024-05-12')).toMatchObject({ weekStart: '2024-05-12', exposureMs: HOUR, longestStretchMs: HOUR });
    expect(Math.max(...[...totalsByDay(records, TORONTO).values()].map((d) => d.longestStretchMs))).toBe(30 * MINUTE);
  });

  it('add up, day by day and week by week, to the totals of all records', () => {
    fc.assert(
      fc.property(
        ledgerArb(T0),
        fc.constantFrom('America/Toronto', 'Europe/Paris', 'Asia/Kolkata'),
        fc.constantFrom(0, 1, 6) as fc.Arbitrary<0 | 1 | 6>,
        (records, zone, weekStartsOn) => {
          const all = sumTotals(records);
          for (const groups of [totalsByDay(records, zone), totalsByWeek(records, zone, weekStartsOn)]) {
            const list = [...groups.values()];
            const sum = (pick: (t: (typeof list)[number]) => number): number => list.reduce((s, t) => s + pick(t), 0);
            expect(sum((t) => t.exposureMs)).toBe(all.exposureMs);
            expect(sum((t) => t.unfilteredMs)).toBe(all.unfilteredMs);
            expect(sum((t) => t.audioMs)).toBe(all.audioMs);
            expect(sum((t) => t.gridOnlyMs)).toBe(all.gridOnlyMs);
            expect(sum((t) => t.reveals)).toBe(all.reveals);
            for (const key of Object.keys(all.wellbeing) as (keyof typeof all.wellbeing)[]) expect(sum((t) => t.wellbeing[key])).toBe(all.wellbeing[key]);
            expect(Math.max(0, ...list.map((t) => t.longestStretchMs))).toBeLessThanOrEqual(all.longestStretchMs);
            expect([...groups.keys()]).toEqual([...groups.keys()].sort());
          }
          // Splitting at midnights changes no figure: the pieces touch, so even stretches stay whole.
          expect(sumTotals(records.flatMap((r) => splitAtDayBoundaries(r, zone)))).toEqual(all);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('break and limit counts', () => {
  const TUESDAY_23H = Date.UTC(2024, 4, 15, 3, 0); // Tue 14 May, 23:00 in Toronto
  const WEDNESDAY_09H = Date.UTC(2024, 4, 15, 13, 0);
  const at = (ms: number) => ms - T0; // rec() and reveal() count from T0
  const records: LedgerRecord[] = [
    rec(at(TUESDAY_23H - 30 * MINUTE), at(TUESDAY_23H)),
    { v: 1, type: 'after-hours', atMs: TUESDAY_23H - 30 * MINUTE },
    breakRecord(TUESDAY_23H - 15 * MINUTE, 'micro', 'due'),
    breakRecord(TUESDAY_23H - 15 * MINUTE, 'micro', 'postponed'),
    breakRecord(TUESDAY_23H - 10 * MINUTE, 'micro', 'due'),
    breakRecord(TUESDAY_23H - 10 * MINUTE, 'micro', 'strict-override', 'finishing this interview'),
    { v: 1, type: 'limit', atMs: TUESDAY_23H - 5 * MINUTE, quantity: 'exposure', period: 'day', capMs: 4 * HOUR, event: 'warning', thresholdPct: 90 },
    breakRecord(WEDNESDAY_09H, 'rest', 'natural'),
    rec(at(WEDNESDAY_09H), at(WEDNESDAY_09H + HOUR)),
    breakRecord(WEDNESDAY_09H + 15 * MINUTE, 'micro', 'due'),
    breakRecord(WEDNESDAY_09H + 15 * MINUTE, 'micro', 'started'),
    breakRecord(WEDNESDAY_09H + 16 * MINUTE, 'micro', 'taken'),
    breakRecord(WEDNESDAY_09H + 30 * MINUTE, 'micro', 'due'),
    breakRecord(WEDNESDAY_09H + 30 * MINUTE, 'micro', 'skipped'),
    breakRecord(WEDNESDAY_09H + 45 * MINUTE, 'micro', 'due'),
    breakRecord(WEDNESDAY_09H + 45 * MINUTE, 'micro', 'started'),
    breakRecord(WEDNESDAY_09H + 45 * MINUTE + 10 * SECOND, 'micro', 'ended-early'),
    { v: 1, type: 'limit', atMs: WEDNESDAY_09H + HOUR, quantity: 'unfiltered', period: 'week', capMs: 30 * MINUTE, event: 'reached' },
    {
      v: 1,
      type: 'limit',
      atMs: WEDNESDAY_09H + HOUR + MINUTE,
      quantity: 'unfiltered',
      period: 'week',
      capMs: 30 * MINUTE,
      event: 'override',
      reason: 'court deadline today',
      extensionMs: 15 * MINUTE,
    },
  ];

  it('counts each event in the day of its instant, and only the exposure records as time', () => {
    for (const record of records) expect(LedgerRecordSchema.safeParse(record).success).toBe(true);
    const days = totalsByDay(records, TORONTO);
    expect([...days.keys()]).toEqual(['2024-05-14', '2024-05-15']);
    expect(days.get('2024-05-14')).toMatchObject({
      exposureMs: 30 * MINUTE,
      wellbeing: { ...NO_WELLBEING, breaksDue: 2, postponed: 1, strictOverrides: 1, afterHoursStretches: 1, capWarnings: 1 },
    });
    expect(days.get('2024-05-15')).toMatchObject({
      exposureMs: HOUR,
      wellbeing: { ...NO_WELLBEING, breaksDue: 3, breaksTaken: 1, naturalBreaks: 1, skipped: 1, endedEarly: 1, capsReached: 1, capOverrides: 1 },
    });
    const week = totalsByWeek(records, TORONTO, 0).get('2024-05-12');
    expect(week?.wellbeing).toEqual({
      breaksDue: 5,
      breaksTaken: 1,
      naturalBreaks: 1,
      postponed: 1,
      skipped: 1,
      endedEarly: 1,
      strictOverrides: 1,
      afterHoursStretches: 1,
      capWarnings: 1,
      capsReached: 1,
      capOverrides: 1,
    });
    // Only the breaks taken or natural bear on time: they end a stretch.
    expect(sumTotals(records)).toEqual({ ...sumTotals(records.filter((r) => r.type === 'exposure' || endsStretch(r))), wellbeing: week?.wellbeing });
  });

  it('never carries the reasons typed for overrides into the figures', () => {
    const totals = sumTotals(records);
    expect(JSON.stringify(totals)).not.toMatch(/interview|deadline/);
    const otherWords = records.map((r) => ('reason' in r ? { ...r, reason: 'something else entirely' } : r));
    expect(sumTotals(otherWords)).toEqual(totals);
    expect(ExposureTotalsSchema.safeParse(totals).success).toBe(true);
  });

  it('equal the plain count of every kind of record, in any order', () => {
    fc.assert(
      fc.property(ledgerArb(T0), (ledger) => {
        expect(sumTotals(ledger).wellbeing).toEqual(plainWellbeingCounts(ledger));
        expect(sumTotals([...ledger].reverse())).toEqual(sumTotals(ledger));
      }),
      { numRuns: 100 },
    );
  });
});
