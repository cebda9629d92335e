import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { isWithinWorkingHours, type WorkingHours } from '../../../../shared/breaks/working-hours.js';

const HOURS = DEFAULT_BREAK_CONFIG.workingHours as WorkingHours;
const TORONTO = 'America/Toronto';
/** An instant given by its wall-clock time in a zone. */
const local = (y: number, m: number, d: number, h: number, min: number, zone = TORONTO): number => new TZDate(y, m - 1, d, h, min, zone).getTime();

describe('isWithinWorkingHours', () => {
  it('reads Monday to Friday 08:00 to 16:00 on the local clock, end excluded', () => {
    expect(isWithinWorkingHours(local(2024, 5, 14, 7, 59), HOURS, TORONTO)).toBe(false);
    expect(isWithinWorkingHours(local(2024, 5, 14, 8, 0), HOURS, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 5, 14, 15, 59), HOURS, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 5, 14, 16, 0), HOURS, TORONTO)).toBe(false);
    expect(isWithinWorkingHours(local(2024, 5, 18, 10, 0), HOURS, TORONTO)).toBe(false); // Saturday
    expect(isWithinWorkingHours(local(2024, 5, 17, 10, 0), HOURS, TORONTO)).toBe(true); // Friday
  });

  it('judges the same instant by the zone it is given', () => {
    const instant = local(2024, 5, 14, 15, 30);
    expect(isWithinWorkingHours(instant, HOURS, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(instant, HOURS, 'Europe/Paris')).toBe(false);
    expect(isWithinWorkingHours(instant, HOURS, 'America/Vancouver')).toBe(true);
  });

  it('keeps the local hours across a DST change', () => {
    // 2024-03-10: Toronto springs forward; 2024-11-03: falls back (both Sundays, so use Monday after).
    expect(isWithinWorkingHours(local(2024, 3, 11, 8, 0), HOURS, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 3, 11, 7, 59), HOURS, TORONTO)).toBe(false);
    expect(isWithinWorkingHours(local(2024, 11, 4, 15, 59), HOURS, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 11, 4, 16, 0), HOURS, TORONTO)).toBe(false);
  });

  it('covers a shift past midnight on the next morning, and ends it at its end', () => {
    const night = { start: '22:00', end: '06:00' };
    const hours: WorkingHours = { ...HOURS, mon: night, fri: null };
    expect(isWithinWorkingHours(local(2024, 5, 13, 21, 59), hours, TORONTO)).toBe(false);
    expect(isWithinWorkingHours(local(2024, 5, 13, 23, 0), hours, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 5, 14, 5, 59), hours, TORONTO)).toBe(true); // Tuesday, from Monday's shift
    expect(isWithinWorkingHours(local(2024, 5, 14, 6, 0), hours, TORONTO)).toBe(false);
    const untilMidnight: WorkingHours = { ...HOURS, tue: { start: '16:00', end: '00:00' } };
    expect(isWithinWorkingHours(local(2024, 5, 14, 23, 59), untilMidnight, TORONTO)).toBe(true);
    expect(isWithinWorkingHours(local(2024, 5, 15, 0, 0), untilMidnight, TORONTO)).toBe(false);
  });

  it('cannot judge in a zone the runtime does not know', () => {
    expect(isWithinWorkingHours(local(2024, 5, 14, 10, 0), HOURS, 'Mars/Olympus_Mons')).toBeNull();
  });

  it('agrees with a plain reading of the local weekday and time for any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(TORONTO, 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        (ms, zone) => {
          const d = new TZDate(ms, zone);
          const minute = d.getHours() * 60 + d.getMinutes();
          const expected = d.getDay() >= 1 && d.getDay() <= 5 && minute >= 8 * 60 && minute < 16 * 60;
          expect(isWithinWorkingHours(ms, HOURS, zone)).toBe(expected);
        },
      ),
    );
  });
});
