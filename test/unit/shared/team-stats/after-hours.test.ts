import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { isWithinWorkingHours, type WorkingHours } from '../../../../shared/breaks/working-hours.js';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { afterHoursMsByMarks } from '../../../../shared/team-stats/after-hours.js';
import { buildWeeklySummary, isoWeekBounds } from '../../../../shared/team-stats/build-weekly-summary.js';
import { exposureRecord, HOUR, MINUTE } from '../exposure/timeline.js';
import { keyOf } from './summary-fixtures.js';

const TORONTO = 'America/Toronto';
const OFFICE = DEFAULT_BREAK_CONFIG.workingHours ?? { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
const NIGHTS: WorkingHours = {
  mon: { start: '22:00', end: '06:00' },
  tue: null,
  wed: { start: '22:00', end: '06:00' },
  thu: null,
  fri: null,
  sat: null,
  sun: { start: '20:00', end: '00:00' },
};
const SUNDAY_INTO_MONDAY: WorkingHours = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: { start: '23:00', end: '02:00' } };

const afterHoursMin = (records: LedgerRecord[], isoWeek: string, timeZone: string, workingHours?: WorkingHours | null): number =>
  buildWeeklySummary(records, { isoWeek, timeZone, keyHex: keyOf(1), capSet: false, workingHours }).afterHoursMin;

describe('after-hours time from the working hours', () => {
  const { startMs: MONDAY } = isoWeekBounds('2024-W20', TORONTO);
  const at = (day: number, hour: number, minute = 0): number => MONDAY + day * 24 * HOUR + hour * HOUR + minute * MINUTE;

  it('counts the exposure outside working hours, to the minute', () => {
    const records = [
      exposureRecord(at(0, 7, 30), at(0, 8, 30)), // 30 min before the 08:00 start
      exposureRecord(at(2, 15, 0), at(2, 17, 0)), // an hour past the 16:00 end
      exposureRecord(at(5, 10), at(5, 12)), // Saturday: not a working day
    ];
    expect(afterHoursMin(records, '2024-W20', TORONTO, OFFICE)).toBe(30 + 60 + 120);
    expect(afterHoursMin(records, '2024-W20', TORONTO, null)).toBe(0);
  });

  it('follows a night shift past midnight and one that ends at midnight', () => {
    const records = [
      exposureRecord(at(1, 5), at(1, 7)), // Tuesday 05:00–07:00: Monday's shift ends at 06:00
      exposureRecord(at(6, 23), at(7, 0)), // Sunday 23:00–24:00: inside a shift ending at 00:00
    ];
    expect(afterHoursMin(records, '2024-W20', TORONTO, NIGHTS)).toBe(60);
  });

  it('counts Monday morning inside a shift that began on the Sunday before the week', () => {
    expect(afterHoursMin([exposureRecord(at(0, 0), at(0, 3))], '2024-W20', TORONTO, SUNDAY_INTO_MONDAY)).toBe(60);
  });

  it("agrees minute by minute with the break scheduler's own rule, across DST weeks", () => {
    const weekArb = fc.constantFrom('2024-W10', '2024-W20', '2024-W44', '2026-W01');
    const hoursArb = fc.constantFrom(OFFICE, NIGHTS, SUNDAY_INTO_MONDAY);
    const zoneArb = fc.constantFrom(TORONTO, 'UTC', 'Europe/Paris');
    const spansArb = fc.array(fc.record({ startMin: fc.integer({ min: -120, max: 7 * 24 * 60 + 120 }), lengthMin: fc.integer({ min: 1, max: 300 }) }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(weekArb, hoursArb, zoneArb, spansArb, (isoWeek, hours, zone, spans) => {
        const week = isoWeekBounds(isoWeek, zone);
        // Disjoint, minute-aligned sessions, as the ledger holds them.
        const sorted = [...spans].sort((a, b) => a.startMin - b.startMin);
        const records: LedgerRecord[] = [];
        let freeFromMin = -Infinity;
        for (const { startMin, lengthMin } of sorted) {
          const from = Math.max(startMin, freeFromMin);
          records.push(exposureRecord(week.startMs + from * MINUTE, week.startMs + (from + lengthMin) * MINUTE));
          freeFromMin = from + lengthMin;
        }
        let expectedMs = 0;
        for (const record of records) {
          if (record.type !== 'exposure') continue;
          for (let t = Math.max(record.startMs, week.startMs); t < Math.min(record.endMs, week.endMs); t += MINUTE) {
            if (isWithinWorkingHours(t, hours, zone) === false) expectedMs += MINUTE;
          }
        }
        expect(afterHoursMin(records, isoWeek, zone, hours)).toBe(Math.min(Math.round(expectedMs / (15 * MINUTE)) * 15, 10_080));
      }),
      { numRuns: 60 },
    );
  });
});

describe("after-hours time from the ledger's marks (no working hours given)", () => {
  const { startMs: MONDAY, endMs: NEXT_MONDAY } = isoWeekBounds('2024-W20', TORONTO);
  const at = (day: number, hour: number, minute = 0, second = 0): number => MONDAY + day * 24 * HOUR + hour * HOUR + minute * MINUTE + second * 1000;
  const mark = (atMs: number): LedgerRecord => ({ v: 1, type: 'after-hours', atMs });

  it('runs from each mark until a pause as long as a rest break', () => {
    const records = [
      exposureRecord(at(0, 16, 50), at(0, 17, 30)),
      mark(at(0, 17, 0, 30)), // inside the session that crossed into the evening
      exposureRecord(at(0, 17, 31), at(0, 18, 0)), // a one-minute pause does not end the stretch
      exposureRecord(at(0, 18, 15), at(0, 18, 45)), // fifteen minutes away did
    ];
    // 29.5 + 29 = 58.5 minutes, rounded to 60.
    expect(afterHoursMsByMarks(records, { startMs: MONDAY, endMs: NEXT_MONDAY })).toBe(58.5 * MINUTE);
    expect(afterHoursMin(records, '2024-W20', TORONTO)).toBe(60);
  });

  it('counts only the part of a stretch inside the week', () => {
    const records = [mark(MONDAY - 10 * MINUTE), exposureRecord(MONDAY - 10 * MINUTE, MONDAY + 20 * MINUTE)];
    expect(afterHoursMsByMarks(records, { startMs: MONDAY, endMs: NEXT_MONDAY })).toBe(20 * MINUTE);
  });

  it('gives the same answer whichever of a mark and its session comes first at the same instant', () => {
    const session = exposureRecord(at(3, 19), at(3, 20));
    expect(afterHoursMin([mark(at(3, 19)), session], '2024-W20', TORONTO)).toBe(60);
    expect(afterHoursMin([session, mark(at(3, 19))], '2024-W20', TORONTO)).toBe(60);
  });

  it('counts nothing without marks', () => {
    expect(afterHoursMin([exposureRecord(at(5, 1), at(5, 4))], '2024-W20', TORONTO)).toBe(0);
  });
});
