import { TZDate } from '@date-fns/tz';
import { addDays, eachDayOfInterval, format, startOfWeek, subWeeks } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAtDayBoundaries, type WeekStartsOn } from '../../../../shared/exposure/day-boundaries.js';
import { MyExposureSchema, type ExposureTotals, type MyExposure } from '../../../../shared/exposure/exposure-summary.js';
import { recordStartMs, type LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { buildMyExposure, myExposureFirstDayKey } from '../../../../shared/exposure/my-exposure.js';
import { endsStretch } from '../../../../shared/exposure/stretch.js';
import { sumTotals } from '../../../../shared/exposure/totals.js';
import { breakRecord } from '../../../../shared/breaks/break-records.js';
import { ledgerArb } from './records-arb.js';
import { exposureRecord, HOUR, MINUTE, T0 } from './timeline.js';
import { plainWellbeingCounts } from './wellbeing-reference.js';

const TORONTO = 'America/Toronto';
const DAY = 24 * HOUR;

const session = exposureRecord;

/**
 * The same figures computed the plain way: split every record, group by date-fns's day,
 * sum each span's time with sumTotals and count its break and limit records one filter each.
 */
function reference(records: readonly LedgerRecord[], nowMs: number, timeZone: string, weekStartsOn: WeekStartsOn): MyExposure {
  const key = (date: Date | number): string => format(new TZDate(typeof date === 'number' ? date : date.getTime(), timeZone), 'yyyy-MM-dd');
  const pieces = records.flatMap((r) => splitAtDayBoundaries(r, timeZone)).map((piece) => ({ piece, day: key(recordStartMs(piece)) }));
  const spanOf = (span: LedgerRecord[]): ExposureTotals => ({
    ...sumTotals(span.filter((r) => r.type === 'exposure' || r.type === 'reveal' || endsStretch(r))),
    wellbeing: plainWellbeingCounts(span),
  });
  const between = (fromKey: string, toKey: string): LedgerRecord[] => pieces.filter((p) => p.day >= fromKey && p.day <= toKey).map((p) => p.piece);
  const now = new TZDate(nowMs, timeZone);
  const todayKey = key(now);
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const start = startOfWeek(subWeeks(now, 11 - i), { weekStartsOn });
    const endKey = [key(addDays(start, 6)), todayKey].sort()[0] ?? todayKey;
    return { weekStart: key(start), ...spanOf(between(key(start), endKey)) };
  });
  const thisWeekDays = eachDayOfInterval({ start: startOfWeek(now, { weekStartsOn }), end: now }).map((d) => ({
    day: key(d),
    ...spanOf(between(key(d), key(d))),
  }));
  return {
    timeZone,
    weekStartsOn,
    today: { day: todayKey, ...spanOf(between(todayKey, todayKey)) },
    thisWeek: { totals: weeks[11] ?? weeks[0] ?? { weekStart: '', ...spanOf([]) }, days: thisWeekDays },
    last12Weeks: weeks,
    avoided: plainAvoided(records, key(startOfWeek(now, { weekStartsOn })), todayKey, key),
  };
}

/** Exposure avoided the plain way: this week's avoided records, one per distinct pair of counts with its most near copies; the median of every view. */
function plainAvoided(records: readonly LedgerRecord[], fromKey: string, toKey: string, key: (ms: number) => string): MyExposure['avoided'] {
  const pairs = new Map<string, { knownCount: number; duplicateCount: number; nearCopyCount: number }>();
  for (const r of records) {
    if (r.type !== 'avoided' || key(r.atMs) < fromKey || key(r.atMs) > toKey) continue;
    const pair = `${r.knownCount}/${r.duplicateCount}`;
    pairs.set(pair, { ...r, nearCopyCount: Math.max(r.nearCopyCount, pairs.get(pair)?.nearCopyCount ?? 0) });
  }
  const knownCount = [...pairs.values()].reduce((sum, p) => sum + p.knownCount, 0);
  const duplicateCount = [...pairs.values()].reduce((sum, p) => sum + p.duplicateCount, 0);
  const nearCopyCount = [...pairs.values()].reduce((sum, p) => sum + p.nearCopyCount, 0);
  const views = records.flatMap((r) => (r.type === 'item-view' ? [r.durationMs] : [])).sort((a, b) => a - b);
  const mid = views.length / 2;
  const medianViewMs = views.length === 0 ? null : views.length % 2 === 1 ? (views[Math.floor(mid)] ?? 0) : ((views[mid - 1] ?? 0) + (views[mid] ?? 0)) / 2;
  const files = knownCount + duplicateCount + nearCopyCount;
  return {
    knownCount,
    duplicateCount,
    nearCopyCount,
    files,
    medianViewMs,
    viewedItems: views.length,
    estimateMs: medianViewMs === null ? null : Math.round(files * medianViewMs),
  };
}

describe('buildMyExposure', () => {
  it('shows today, the days of this week so far and 12 weeks, zero-filled', () => {
    const view = buildMyExposure([], { nowMs: T0, timeZone: TORONTO, weekStartsOn: 0 }); // Tuesday 14 May 2024
    expect(MyExposureSchema.parse(view)).toEqual(view);
    expect(view.today).toMatchObject({ day: '2024-05-14', exposureMs: 0, longestStretchMs: 0, byFilter: [] });
    expect(view.thisWeek.days.map((d) => d.day)).toEqual(['2024-05-12', '2024-05-13', '2024-05-14']);
    expect(view.thisWeek.totals.weekStart).toBe('2024-05-12');
    expect(view.last12Weeks.map((w) => w.weekStart)).toEqual([
      '2024-02-25',
      '2024-03-03',
      '2024-03-10',
      '2024-03-17',
      '2024-03-24',
      '2024-03-31',
      '2024-04-07',
      '2024-04-14',
      '2024-04-21',
      '2024-04-28',
      '2024-05-05',
      '2024-05-12',
    ]);
    expect(myExposureFirstDayKey(T0, TORONTO, 0)).toBe('2024-02-25');
    expect(buildMyExposure([], { nowMs: T0, timeZone: TORONTO, weekStartsOn: 1 }).thisWeek.days.map((d) => d.day)).toEqual(['2024-05-13', '2024-05-14']);
  });

  it('gives today only its part of a session that began yesterday evening', () => {
    const start = Date.UTC(2024, 4, 14, 3, 30); // Mon 13 May, 23:30 in Toronto
    const view = buildMyExposure([session(start, start + HOUR, { reveal: 'whole' }), { v: 1, type: 'reveal', atMs: start, mode: 'whole' }], {
      nowMs: T0,
      timeZone: TORONTO,
      weekStartsOn: 0,
    });
    expect(view.today).toMatchObject({ exposureMs: 30 * MINUTE, unfilteredMs: 30 * MINUTE, reveals: 0, longestStretchMs: 30 * MINUTE });
    expect(view.thisWeek.days[1]).toMatchObject({ day: '2024-05-13', exposureMs: 30 * MINUTE, reveals: 1 });
    expect(view.thisWeek.totals).toMatchObject({ exposureMs: HOUR, reveals: 1, longestStretchMs: HOUR });
  });

  it('neither gains nor loses an hour over the DST changes', () => {
    // A session from 00:30 to 05:30 wall time on 10 March 2024 lasts 4 real hours (02:00 never happened).
    const spring = Date.UTC(2024, 2, 10, 5, 30);
    const springView = buildMyExposure([session(spring, spring + 4 * HOUR)], { nowMs: Date.UTC(2024, 2, 12, 15), timeZone: TORONTO, weekStartsOn: 0 });
    expect(springView.thisWeek.days.map((d) => d.exposureMs / HOUR)).toEqual([4, 0, 0]);
    // From 00:30 to 05:30 on 3 November 2024 lasts 6 real hours (01:00–02:00 happened twice).
    const autumn = Date.UTC(2024, 10, 3, 4, 30);
    const autumnView = buildMyExposure([session(autumn, autumn + 6 * HOUR), session(autumn - 2 * DAY, autumn - 2 * DAY + HOUR)], {
      nowMs: Date.UTC(2024, 10, 3, 18),
      timeZone: TORONTO,
      weekStartsOn: 0,
    });
    expect(autumnView.today.exposureMs).toBe(6 * HOUR);
    expect(autumnView.last12Weeks[10]?.exposureMs).toBe(HOUR);
    expect(autumnView.last12Weeks[11]?.exposureMs).toBe(6 * HOUR);
  });

  it('ignores records before the 12 weeks and after today', () => {
    const firstDayStart = Date.UTC(2024, 1, 25, 5); // 25 Feb 2024, 00:00 in Toronto
    const view = buildMyExposure(
      [
        session(firstDayStart - HOUR, firstDayStart + HOUR),
        session(T0 + DAY, T0 + DAY + HOUR),
        { v: 1, type: 'reveal', atMs: firstDayStart - 1, mode: 'spotlight' },
      ],
      { nowMs: T0, timeZone: TORONTO, weekStartsOn: 0 },
    );
    expect(view.last12Weeks[0]).toMatchObject({ exposureMs: HOUR, reveals: 0 });
    expect(view.last12Weeks.slice(1).every((w) => w.exposureMs === 0)).toBe(true);
  });

  it('counts breaks and limits in the day of their instant, and ignores those outside the 12 weeks', () => {
    const mondayEvening = Date.UTC(2024, 4, 13, 23); // Mon 13 May, 19:00 in Toronto
    const firstDayStart = Date.UTC(2024, 1, 25, 5); // 25 Feb 2024, 00:00 in Toronto
    const limit = { v: 1, type: 'limit', quantity: 'exposure', capMs: 2 * HOUR } as const;
    const records: LedgerRecord[] = [
      breakRecord(firstDayStart - 1, 'rest', 'taken'),
      breakRecord(firstDayStart, 'rest', 'skipped'),
      session(mondayEvening, mondayEvening + HOUR),
      { v: 1, type: 'after-hours', atMs: mondayEvening },
      breakRecord(mondayEvening + 15 * MINUTE, 'micro', 'due'),
      breakRecord(mondayEvening + 15 * MINUTE, 'micro', 'taken'),
      { ...limit, period: 'day', atMs: mondayEvening + HOUR, event: 'reached' },
      breakRecord(T0, 'rest', 'natural'),
      breakRecord(T0 + 15 * MINUTE, 'micro', 'due'),
      breakRecord(T0 + 15 * MINUTE, 'micro', 'strict-override', 'finishing this interview'),
      { ...limit, period: 'week', atMs: T0 + 20 * MINUTE, event: 'warning', thresholdPct: 75 },
      { ...limit, period: 'day', atMs: T0 + 30 * MINUTE, event: 'reached' },
      { ...limit, period: 'day', atMs: T0 + 31 * MINUTE, event: 'override', reason: 'court deadline today', extensionMs: 15 * MINUTE },
      breakRecord(T0 + DAY, 'micro', 'taken'),
    ];
    const view = buildMyExposure(records, { nowMs: T0 + HOUR, timeZone: TORONTO, weekStartsOn: 0 });
    const none = plainWellbeingCounts([]);
    expect(view.today.wellbeing).toEqual({ ...none, naturalBreaks: 1, breaksDue: 1, strictOverrides: 1, capWarnings: 1, capsReached: 1, capOverrides: 1 });
    expect(view.thisWeek.days[1]).toMatchObject({
      day: '2024-05-13',
      wellbeing: { ...none, afterHoursStretches: 1, breaksDue: 1, breaksTaken: 1, capsReached: 1 },
    });
    expect(view.thisWeek.totals.wellbeing).toEqual({
      ...none,
      afterHoursStretches: 1,
      breaksDue: 2,
      breaksTaken: 1,
      naturalBreaks: 1,
      strictOverrides: 1,
      capWarnings: 1,
      capsReached: 2,
      capOverrides: 1,
    });
    expect(view.last12Weeks.map((w) => w.wellbeing.skipped + w.wellbeing.breaksTaken)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(JSON.stringify(view)).not.toMatch(/interview|deadline/);
    expect(MyExposureSchema.parse(view)).toEqual(view);
  });

  it('equals the plain computation over the same records, in any zone and week start', () => {
    const zones = fc.constantFrom('America/Toronto', 'America/Vancouver', 'Europe/Paris', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC');
    const caseArb = fc
      .tuple(
        fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 0, 1) }),
        zones,
        fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6),
        // Often within the week, so this week's avoided records (once per pair of counts) are checked too.
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 6 })),
      )
      .chain(([nowMs, timeZone, weekStartsOn, daysBack]) =>
        ledgerArb(nowMs - daysBack * DAY, 80).map((records) => ({ nowMs, timeZone, weekStartsOn, records })),
      );
    fc.assert(
      fc.property(caseArb, ({ records, ...options }) => {
        const view = buildMyExposure(records, options);
        expect(view).toEqual(reference(records, options.nowMs, options.timeZone, options.weekStartsOn));
        // Item views and spared counts are not exposure: without them every other figure is the same.
        const withoutAvoided = records.filter((r) => r.type !== 'item-view' && r.type !== 'avoided');
        expect({ ...buildMyExposure(withoutAvoided, options), avoided: view.avoided }).toEqual(view);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same figures for records out of order', () => {
    fc.assert(
      fc.property(ledgerArb(T0 - 20 * DAY, 60), (records) => {
        const options = { nowMs: T0, timeZone: TORONTO, weekStartsOn: 0 } as const;
        expect(buildMyExposure([...records].reverse(), options)).toEqual(buildMyExposure(records, options));
      }),
      { numRuns: 50 },
    );
  });
});
