import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isoWeekBounds,
  isoWeekFromIndex,
  isoWeekIndex,
  isoWeekOf,
  isoWeeksInYear,
  isRealIsoWeek,
  mondayKeyOfIsoWeek,
  nextIsoWeek,
  previousIsoWeek,
} from '../../../../shared/team-stats/iso-week.js';

const HOUR = 3_600_000;
const TORONTO = 'America/Toronto';

describe('ISO weeks', () => {
  it('knows which years have a week 53', () => {
    // 2015, 2020 and 2026 start on a Thursday (or a Wednesday in a leap year: 2020).
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2019, 2021, 2024, 2025].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
    expect(isRealIsoWeek('2020-W53')).toBe(true);
    expect(isRealIsoWeek('2021-W53')).toBe(false);
    expect(isRealIsoWeek('2026-W53')).toBe(true);
  });

  it('refuses strings that are not ISO weeks', () => {
    for (const bad of ['2026-W00', '2026-W54', '2026-w07', '2026-W7', '26-W07', '2026W07', ' 2026-W07', '1969-W52', '2026-W07\n', '']) {
      expect(isRealIsoWeek(bad), bad).toBe(false);
    }
  });

  it('steps across year ends, week 53 included', () => {
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
    expect(previousIsoWeek('2021-W01')).toBe('2020-W53');
    expect(nextIsoWeek('2020-W53')).toBe('2021-W01');
    expect(nextIsoWeek('2026-W52')).toBe('2026-W53');
    expect(() => previousIsoWeek('2021-W53')).toThrow(RangeError);
  });

  it('places the Monday of a week, even when it lies in the year before', () => {
    expect(mondayKeyOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayKeyOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayKeyOfIsoWeek('1970-W01')).toBe('1969-12-29');
  });

  it('agrees with date-fns on every day over four centuries of week numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 366 }), (day) => {
        const date = new Date(Date.UTC(1970, 0, 1) + day * 86_400_000);
        const local = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12);
        const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
        expect(isoWeekOf(date.getTime() + 12 * HOUR, 'UTC')).toBe(expected);
        expect(isoWeekFromIndex(isoWeekIndex(expected))).toBe(expected);
      }),
    );
  });

  it('reads the week on the local calendar of the time zone', () => {
    // Sunday 4 January 2026, 22:00 in Toronto is Monday 03:00 UTC (week 2 in UTC).
    const sundayNight = Date.UTC(2026, 0, 5, 3, 0);
    expect(isoWeekOf(sundayNight, TORONTO)).toBe('2026-W01');
    expect(isoWeekOf(sundayNight, 'UTC')).toBe('2026-W02');
  });

  it('bounds a week by local Mondays, 167 or 169 hours long across a DST change', () => {
    const ordinary = isoWeekBounds('2026-W07', TORONTO);
    expect(ordinary.startMs).toBe(Date.UTC(2026, 1, 9, 5)); // Monday 9 Feb 00:00 EST
    expect(ordinary.endMs - ordinary.startMs).toBe(168 * HOUR);
    // Clocks go forward on Sunday 8 March 2026 (week 10) and back on Sunday 1 November (week 44).
    const spring = isoWeekBounds('2026-W10', TORONTO);
    expect(spring.endMs - spring.startMs).toBe(167 * HOUR);
    const autumn = isoWeekBounds('2026-W44', TORONTO);
    expect(autumn.endMs - autumn.startMs).toBe(169 * HOUR);
    expect(isoWeekBounds('2026-W08', TORONTO).startMs).toBe(ordinary.endMs);
  });

  it('refuses an unknown time zone', () => {
    expect(() => isoWeekBounds('2026-W07', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => isoWeekOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
