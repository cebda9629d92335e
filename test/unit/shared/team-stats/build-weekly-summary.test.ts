import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakRecord } from '../../../../shared/breaks/break-records.js';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { buildMyExposure } from '../../../../shared/exposure/my-exposure.js';
import { buildWeeklySummary, isoWeekBounds } from '../../../../shared/team-stats/build-weekly-summary.js';
import { roundToQuarterHourMin, WeeklySummarySchema } from '../../../../shared/team-stats/weekly-summary.js';
import { ledgerArb } from '../exposure/records-arb.js';
import { exposureRecord, HOUR, MINUTE } from '../exposure/timeline.js';
import { keyOf } from './summary-fixtures.js';

const TORONTO = 'America/Toronto';
const WEEK = '2024-W20'; // Monday 13 May 2024 to Sunday 19 May, Toronto
const { startMs: MONDAY, endMs: NEXT_MONDAY } = isoWeekBounds(WEEK, TORONTO);
const KEY = keyOf(20);
const options = { isoWeek: WEEK, timeZone: TORONTO, keyHex: KEY, capSet: false } as const;

const at = (dayOffset: number, hour: number, minute = 0): number => MONDAY + dayOffset * 24 * HOUR + hour * HOUR + minute * MINUTE;

describe('buildWeeklySummary', () => {
  it('counts a week exactly as My exposure counts it, rounded to quarter hours', () => {
    fc.assert(
      fc.property(ledgerArb(MONDAY - 40 * HOUR, 40), (records) => {
        const built = buildWeeklySummary(records, options);
        const mine = buildMyExposure(records, { nowMs: NEXT_MONDAY - 1, timeZone: TORONTO, weekStartsOn: 1 }).thisWeek.totals;
        const minutes = (ms: number): number => Math.min(roundToQuarterHourMin(ms), 10_080);
        expect(built).toMatchObject({
          week: WEEK,
          key: KEY,
          exposureMin: minutes(mine.exposureMs),
          unfilteredMin: minutes(mine.unfilteredMs),
          audioMin: minutes(mine.audioMs),
          reveals: mine.reveals,
          breaksDue: mine.wellbeing.breaksDue,
          breaksTaken: mine.wellbeing.breaksTaken,
          naturalBreaks: mine.wellbeing.naturalBreaks,
          breaksPostponed: mine.wellbeing.postponed,
          breaksSkipped: mine.wellbeing.skipped,
          capsReached: mine.wellbeing.capsReached,
          capOverrides: mine.wellbeing.capOverrides,
        });
        expect(WeeklySummarySchema.parse(built)).toEqual(built);
        // Records in any order give the same file.
        expect(buildWeeklySummary([...records].reverse(), options)).toEqual(built);
      }),
    );
  });

  it('splits a session across Sunday midnight between the two weeks', () => {
    const records = [exposureRecord(NEXT_MONDAY - 40 * MINUTE, NEXT_MONDAY + 50 * MINUTE)];
    expect(buildWeeklySummary(records, options).exposureMin).toBe(45); // 40 min rounds to 45
    expect(buildWeeklySummary(records, { ...options, isoWeek: '2024-W21' }).exposureMin).toBe(45); // 50 min rounds to 45
  });

  it('counts unfiltered and audio time as parts of exposure, never above it', () => {
    const records: LedgerRecord[] = [
      exposureRecord(at(0, 9), at(0, 10)),
      { v: 1, type: 'reveal', atMs: at(0, 10), mode: 'whole' },
      exposureRecord(at(0, 10), at(0, 10, 8), { reveal: 'whole', audio: true }),
      exposureRecord(at(0, 10, 8), at(0, 10, 30), { audio: true }),
    ];
    expect(buildWeeklySummary(records, options)).toMatchObject({ exposureMin: 90, unfilteredMin: 15, audioMin: 30, reveals: 1 });
  });

  it('passes capSet through and counts caps reached and overridden', () => {
    const records: LedgerRecord[] = [
      { v: 1, type: 'limit', atMs: at(1, 11), quantity: 'exposure', period: 'day', capMs: 2 * HOUR, event: 'reached' },
      {
        v: 1,
        type: 'limit',
        atMs: at(1, 11, 1),
        quantity: 'exposure',
        period: 'day',
        capMs: 2 * HOUR,
        event: 'override',
        reason: 'court deadline',
        extensionMs: 15 * MINUTE,
      },
      { v: 1, type: 'limit', atMs: at(1, 11, 16), quantity: 'exposure', period: 'day', capMs: 2 * HOUR + 15 * MINUTE, event: 'reached' },
      { v: 1, type: 'limit', atMs: at(1, 10), quantity: 'exposure', period: 'day', capMs: 2 * HOUR, event: 'warning', thresholdPct: 75 },
    ];
    expect(buildWeeklySummary(records, { ...options, capSet: true })).toMatchObject({ capSet: true, capsReached: 2, capOverrides: 1 });
  });

  it('refuses a key, week or time zone it cannot use', () => {
    expect(() => buildWeeklySummary([], { ...options, keyHex: 'A'.repeat(64) })).toThrow(RangeError);
    expect(() => buildWeeklySummary([], { ...options, keyHex: 'ab' })).toThrow(RangeError);
    expect(() => buildWeeklySummary([], { ...options, isoWeek: '2024-W53' })).toThrow(RangeError);
    expect(() => buildWeeklySummary([], { ...options, timeZone: 'Nowhere/Atlantis' })).toThrow(RangeError);
  });
});

const FORBIDDEN_WORD = /name|user|host|machine|computer|path|dir|case|file|item|reason|session|stamp|time|date|zone|locale|created|modified|exported|app/i;
/** Epoch-time fields by the project's naming (atMs, startMs, exportedAt). */
const TIME_SUFFIX = /(At|Ms)$/;
const PLANTED = [
  'Cst. Jane Roe',
  'jroe',
  'WS-4471',
  '/home/jroe/cases/2024-0042/item-0007.jpg',
  'C:\\Evidence\\Case 77\\clip.mp4',
  'case-0042',
  'stayed late to finish the interview',
];

/** Every key and every string value at any depth. */
function walk(value: unknown, keys: string[], strings: string[], numbers: number[]): void {
  if (typeof value === 'string') strings.push(value);
  else if (typeof value === 'number') numbers.push(value);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      keys.push(key);
      walk(child, keys, strings, numbers);
    }
  }
}

describe('what a weekly summary never contains', () => {
  it('has no identifying field, no planted string and no time stamp, at any depth', () => {
    const planted = {
      file: PLANTED[3],
      path: PLANTED[4],
      user: PLANTED[1],
      host: PLANTED[2],
      caseId: PLANTED[5],
      note: { name: PLANTED[0], nested: [PLANTED[6]] },
    };
    // Records as a careless caller might pass them: extra fields the ledger schema would refuse.
    const records = [
      { ...exposureRecord(at(2, 9), at(2, 12), { reveal: 'spotlight' }), ...planted },
      { ...breakRecord(at(2, 10), 'rest', 'strict-override', `${PLANTED[6]} for ${PLANTED[0]}`), ...planted },
      {
        v: 1,
        type: 'limit',
        atMs: at(2, 11),
        quantity: 'unfiltered',
        period: 'week',
        capMs: HOUR,
        event: 'override',
        reason: `${PLANTED[0]} ${PLANTED[3]}`,
        extensionMs: 15 * MINUTE,
      },
      { v: 1, type: 'after-hours', atMs: at(5, 9), ...planted },
      { v: 1, type: 'reveal', atMs: at(2, 9), mode: 'spotlight', ...planted },
    ] as LedgerRecord[];
    const built = buildWeeklySummary(records, { ...options, capSet: true });
    const keys: string[] = [];
    const strings: string[] = [];
    const numbers: number[] = [];
    walk(built, keys, strings, numbers);

    expect(keys.filter((key) => FORBIDDEN_WORD.test(key) || TIME_SUFFIX.test(key))).toEqual([]);
    expect(keys).toEqual(Object.keys(WeeklySummarySchema.shape));
    for (const text of strings) {
      for (const secret of PLANTED) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|[/\\@ ]/);
    }
    expect(strings.sort()).toEqual([KEY, WEEK, 'veil.weekly-summary'].sort());
    // No number could be an epoch time in ms or s: the largest allowed figure is a count of 100,000.
    for (const n of numbers) expect(n).toBeLessThanOrEqual(100_000);
    const text = JSON.stringify(built);
    for (const secret of PLANTED) expect(text).not.toContain(secret);
    expect(text).not.toContain('reason');
  });
});
