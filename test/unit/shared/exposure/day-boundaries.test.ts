import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysToKey,
  createDayLocator,
  dayKey,
  dayLengthMs,
  endOfDayMs,
  splitAtDayBoundaries,
  startOfDayMs,
  weekStartKey,
  weekStartKeyOfDay,
} from '../../../../shared/exposure/day-boundaries.js';
import type { ExposureRecord, LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { exposureRecord, HOUR, MINUTE } from './timeline.js';

const TORONTO = 'America/Toronto';
/** Zones with DST, odd offsets, a skipped midnight (Santiago) and a skipped day (Apia). */
const ZONES = [
  'America/Toronto',
  'UTC',
  'Europe/Paris',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
  'Pacific/Apia',
  'America/St_Johns',
];
const zoneArb = fc.constantFrom(...ZONES);
/** 2010 to 2030: covers Apia's skipped day and many DST changes. */
const msArb = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) });

const exposure = (startMs: number, endMs: number): ExposureRecord => exposureRecord(startMs, endMs);

describe('dayKey', () => {
  it('names the local day, changing exactly at local midnight', () => {
    expect(dayKey(Date.UTC(2024, 4, 15, 3, 59, 59, 999), TORONTO)).toBe('2024-05-14');
    expect(dayKey(Date.UTC(2024, 4, 15, 4, 0, 0, 0), TORONTO)).toBe('2024-05-15');
    expect(dayKey(Date.UTC(2024, 4, 15, 4, 0, 0, 0), 'Asia/Tokyo')).toBe('2024-05-15');
    expect(dayKey(Date.UTC(2024, 4, 14, 15, 0, 0, 0), 'Asia/Tokyo')).toBe('2024-05-15');
  });

  it('agrees with date-fns formatting in the zone', () => {
    fc.assert(
      fc.property(msArb, zoneArb, (ms, zone) => {
        expect(dayKey(ms, zone)).toBe(format(new TZDate(ms, zone), 'yyyy-MM-dd'));
      }),
    );
  });

  it('refuses a time zone it does not know', () => {
    expect(() => dayKey(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => startOfDayMs('2024-01-01', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('startOfDayMs and day lengths', () => {
  it('gives America/Toronto 23 hours on the spring change and 25 on the autumn one', () => {
    expect(startOfDayMs('2024-03-10', TORONTO)).toBe(Date.UTC(2024, 2, 10, 5));
    expect(startOfDayMs('2024-03-11', TORONTO)).toBe(Date.UTC(2024, 2, 11, 4));
    expect(dayLengthMs('2024-03-10', TORONTO)).toBe(23 * HOUR);
    expect(dayLengthMs('2024-11-03', TORONTO)).toBe(25 * HOUR);
    expect(dayLengthMs('2024-11-04', TORONTO)).toBe(24 * HOUR);
  });

  it('starts a day whose midnight was skipped at its first existing moment', () => {
    // Chile moved clocks from 00:00 to 01:00 on 11 September 2022.
    expect(startOfDayMs('2022-09-11', 'America/Santiago')).toBe(Date.UTC(2022, 8, 11, 4));
    expect(dayLengthMs('2022-09-10', 'America/Santiago')).toBe(24 * HOUR);
    expect(dayLengthMs('2022-09-11', 'America/Santiago')).toBe(23 * HOUR);
  });

  it('gives a day the zone skipped entirely zero length', () => {
    // Samoa went from 29 to 31 December 2011.
    expect(dayLengthMs('2011-12-30', 'Pacific/Apia')).toBe(0);
    expect(dayLengthMs('2011-12-29', 'Pacific/Apia')).toBe(24 * HOUR);
    expect(endOfDayMs('2011-12-29', 'Pacific/Apia')).toBe(startOfDayMs('2011-12-31', 'Pacific/Apia'));
  });

  it('places every instant in [start, end) of its own day, in every zone', () => {
    fc.assert(
      fc.property(msArb, zoneArb, (ms, zone) => {
        const key = dayKey(ms, zone);
        const startMs = startOfDayMs(key, zone);
        expect(startMs).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(endOfDayMs(key, zone));
        expect(dayKey(startMs, zone)).toBe(key);
        expect(dayKey(startMs - 1, zone)).not.toBe(key);
        expect(dayLengthMs(key, zone) % (15 * MINUTE)).toBe(0);
      }),
    );
  });

  it('refuses what is not a day', () => {
    for (const bad of ['2024-02-30', '2024-13-01', '2024-1-01', 'today', '']) expect(() => startOfDayMs(bad, TORONTO)).toThrow(RangeError);
  });
});

describe('calendar arithmetic on day keys', () => {
  it('crosses months, years and leap days', () => {
    expect(addDaysToKey('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToKey('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDaysToKey('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToKey('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDaysToKey('2024-03-09', 84)).toBe('2024-06-01');
  });

  it('finds the first day of the week for Sunday and Monday weeks', () => {
    expect(weekStartKeyOfDay('2024-05-14', 0)).toBe('2024-05-12');
    expect(weekStartKeyOfDay('2024-05-12', 0)).toBe('2024-05-12');
    expect(weekStartKeyOfDay('2024-05-11', 0)).toBe('2024-05-05');
    expect(weekStartKeyOfDay('2024-05-12', 1)).toBe('2024-05-06');
    expect(weekStartKeyOfDay('2024-01-02', 1)).toBe('2024-01-01');
    expect(weekStartKeyOfDay('2024-01-01', 0)).toBe('2023-12-31');
  });

  it('places the week by local time: Saturday evening in Toronto is Sunday in UTC', () => {
    const saturdayEvening = Date.UTC(2024, 4, 19, 2, 30); // Sat 18 May, 22:30 in Toronto
    expect(weekStartKey(saturdayEvening, TORONTO, 0)).toBe('2024-05-12');
    expect(weekStartKey(saturdayEvening, 'UTC', 0)).toBe('2024-05-19');
  });
});

describe('splitAtDayBoundaries', () => {
  it('splits a session across local midnight into its two days exactly', () => {
    const start = Date.UTC(2024, 4, 15, 3, 50); // 23:50 in Toronto
    const pieces = splitAtDayBoundaries(exposure(start, start + 20 * MINUTE), TORONTO);
    expect(pieces).toEqual([exposure(start, start + 10 * MINUTE), exposure(start + 10 * MINUTE, start + 20 * MINUTE)]);
    expect(pieces.map((p) => dayKey(p.type === 'exposure' ? p.startMs : 0, TORONTO))).toEqual(['2024-05-14', '2024-05-15']);
  });

  it('gives a DST day exactly its 23 or 25 hours of a session spanning it, losing nothing', () => {
    for (const [day, hours] of [
      ['2024-03-10', 23],
      ['2024-11-03', 25],
    ] as const) {
      const start = startOfDayMs(day, TORONTO) - 2 * HOUR;
      const end = endOfDayMs(day, TORONTO) + 3 * HOUR;
      const pieces = splitAtDayBoundaries(exposure(start, end), TORONTO).filter((p): p is ExposureRecord => p.type === 'exposure');
      expect(pieces.map((p) => (p.endMs - p.startMs) / HOUR)).toEqual([2, hours, 3]);
      expect(pieces.reduce((sum, p) => sum + p.endMs - p.startMs, 0)).toBe(end - start);
    }
  });

  it('leaves reveals, records within one day and empty records as they are', () => {
    const reveal: LedgerRecord = { v: 1, type: 'reveal', atMs: Date.UTC(2024, 4, 15, 4), mode: 'whole' };
    expect(splitAtDayBoundaries(reveal, TORONTO)).toEqual([reveal]);
    const inside = exposure(Date.UTC(2024, 4, 15, 12), Date.UTC(2024, 4, 15, 13));
    expect(splitAtDayBoundaries(inside, TORONTO)).toEqual([inside]);
    const empty = exposure(Date.UTC(2024, 4, 15, 4), Date.UTC(2024, 4, 15, 4));
    expect(splitAtDayBoundaries(empty, TORONTO)).toEqual([empty]);
  });

  it('cuts any record into touching pieces, one per local day, adding up to the whole', () => {
    fc.assert(
      fc.property(msArb, fc.integer({ min: 1, max: 5 * 24 * HOUR }), zoneArb, (startMs, durationMs, zone) => {
        const record = exposure(startMs, startMs + durationMs);
        const pieces = splitAtDayBoundaries(record, zone).filter((p): p is ExposureRecord => p.type === 'exposure');
        expect(pieces[0]?.startMs).toBe(record.startMs);
        expect(pieces.at(-1)?.endMs).toBe(record.endMs);
        const keys = pieces.map((p) => dayKey(p.startMs, zone));
        expect(new Set(keys).size).toBe(keys.length);
        pieces.forEach((p, i) => {
          expect(p.endMs).toBeGreaterThan(p.startMs);
          expect(dayKey(p.endMs - 1, zone)).toBe(keys[i]);
          if (i > 0) expect(p.startMs).toBe(pieces[i - 1]?.endMs);
          expect({ ...p, startMs: 0, endMs: 0 }).toEqual({ ...record, startMs: 0, endMs: 0 });
        });
      }),
    );
  });
});

describe('createDayLocator', () => {
  it('answers like dayKey/startOfDayMs for instants in any order', () => {
    fc.assert(
      fc.property(fc.array(msArb, { maxLength: 30 }), zoneArb, (instants, zone) => {
        const locate = createDayLocator(zone);
        for (const ms of instants) {
          const key = dayKey(ms, zone);
          expect(locate(ms)).toEqual({ key, startMs: startOfDayMs(key, zone), endMs: endOfDayMs(key, zone) });
        }
      }),
      { numRuns: 50 },
    );
  });
});
