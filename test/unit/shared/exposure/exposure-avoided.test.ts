import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avoidedRecord, itemViewRecord } from '../../../../shared/exposure/avoided-records.js';
import {
  caseAvoidedRecord,
  filesSpared,
  pdqPassEndedRecord,
  medianOf,
  sparedEstimateMs,
  sumAvoided,
  viewingPace,
} from '../../../../shared/exposure/exposure-avoided.js';
import { parseLedgerRecord, type LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { buildMyExposure } from '../../../../shared/exposure/my-exposure.js';
import { exposureRecord, MINUTE, SECOND, T0 } from './timeline.js';

const DAY = 24 * 60 * MINUTE;
const TORONTO = 'America/Toronto';

function avoided(atMs: number, knownCount: number, duplicateCount: number, nearCopyCount = 0): LedgerRecord {
  const record = avoidedRecord(atMs, { knownCount, duplicateCount, nearCopyCount });
  if (record === null) throw new Error('a test record must spare something');
  return record;
}

function view(atMs: number, durationMs: number): LedgerRecord {
  const record = itemViewRecord(atMs, durationMs);
  if (record === null) throw new Error('a test view must last');
  return record;
}

describe('medianOf', () => {
  it('takes the middle value, or the mean of the two middle values, and null for none', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([9])).toBe(9);
    expect(medianOf([30, 10, 20])).toBe(20);
    expect(medianOf([40, 10, 30, 20])).toBe(25);
    // One item left open over lunch does not move it.
    expect(medianOf([10, 12, 11, 3_600_000])).toBe(11.5);
  });

  it('has at least half the values on each side, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10 * MINUTE }), { minLength: 1, maxLength: 60 }), (values) => {
        const median = medianOf(values) ?? Number.NaN;
        expect(values.filter((v) => v <= median).length * 2).toBeGreaterThanOrEqual(values.length);
        expect(values.filter((v) => v >= median).length * 2).toBeGreaterThanOrEqual(values.length);
        expect(medianOf([...values].reverse())).toBe(median);
      }),
    );
  });
});

describe('the estimate of viewing time spared', () => {
  it('is files spared × the median time per viewed item, and no estimate without a median', () => {
    expect(filesSpared({ knownCount: 400, duplicateCount: 12, nearCopyCount: 0 })).toBe(412);
    expect(filesSpared({ knownCount: 400, duplicateCount: 12, nearCopyCount: 8 })).toBe(420);
    expect(sparedEstimateMs(412, 11_650)).toBe(4_799_800);
    expect(sparedEstimateMs(412, null)).toBeNull();
    expect(sparedEstimateMs(0, 11_650)).toBe(0);
  });

  it('takes the pace from item-view records only', () => {
    const records = [exposureRecord(T0, T0 + MINUTE), view(T0 + MINUTE, 8 * SECOND), view(T0 + 2 * MINUTE, 20 * SECOND), view(T0 + 3 * MINUTE, 12 * SECOND)];
    expect(viewingPace(records)).toEqual({ medianViewMs: 12 * SECOND, viewedItems: 3 });
    expect(viewingPace([exposureRecord(T0, T0 + MINUTE)])).toEqual({ medianViewMs: null, viewedItems: 0 });
  });
});

describe('sumAvoided', () => {
  it('counts a case opened again (the same counts) once, and only records inside the period', () => {
    const records = [avoided(T0 - 1, 5, 5), avoided(T0, 400, 12), avoided(T0 + DAY, 400, 12), avoided(T0 + 2 * DAY, 3, 0), avoided(T0 + 7 * DAY, 8, 8)];
    expect(sumAvoided(records, T0, T0 + 7 * DAY)).toEqual({ knownCount: 403, duplicateCount: 12, nearCopyCount: 0, files: 415 });
  });

  it('counts a case once with all its near copies: the record of its PDQ pass completes the one of its import', () => {
    // Import ended (2 near copies from hashes kept in the workspace), then the PDQ pass found 7; opened again the next day.
    const records = [avoided(T0, 400, 12, 2), avoided(T0 + MINUTE, 400, 12, 7), avoided(T0 + DAY, 400, 12, 7), avoided(T0 + DAY, 0, 0, 3)];
    expect(sumAvoided(records, T0, T0 + 7 * DAY)).toEqual({ knownCount: 400, duplicateCount: 12, nearCopyCount: 10, files: 422 });
    expect(sumAvoided([...records].reverse(), T0, T0 + 7 * DAY).files).toBe(422);
  });

  it('reads a record written before near copies were counted as sparing none', () => {
    const parsed = parseLedgerRecord({ v: 1, type: 'avoided', atMs: T0, knownCount: 4, duplicateCount: 2 });
    expect(parsed.success && parsed.data).toMatchObject({ type: 'avoided', knownCount: 4, duplicateCount: 2, nearCopyCount: 0 });
  });

  it('is the plain sum of the distinct pairs of counts, in any order, never more than every record summed', () => {
    const recordArb = fc
      .record({ atMs: fc.integer({ min: T0, max: T0 + 14 * DAY }), known: fc.nat(50), copies: fc.nat(50) })
      .filter((r) => r.known + r.copies > 0);
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), fc.integer({ min: T0, max: T0 + 7 * DAY }), (given, fromMs) => {
        const records = given.map((r) => avoided(r.atMs, r.known, r.copies));
        const toMs = fromMs + 7 * DAY;
        const inside = given.filter((r) => r.atMs >= fromMs && r.atMs < toMs);
        const pairs = new Map(inside.map((r) => [`${r.known}/${r.copies}`, r]));
        const expected = [...pairs.values()].reduce((sum, r) => sum + r.known + r.copies, 0);
        const sum = sumAvoided(records, fromMs, toMs);
        expect(sum.files).toBe(expected);
        expect(sum.files).toBe(sum.knownCount + sum.duplicateCount + sum.nearCopyCount);
        expect(sumAvoided([...records].reverse(), fromMs, toMs)).toEqual(sum);
        expect(sum.files).toBeLessThanOrEqual(inside.reduce((total, r) => total + r.known + r.copies, 0));
      }),
    );
  });
});

describe('the ledger records of exposure avoided', () => {
  it('hold counts and durations only: a record naming a case or an item is refused', () => {
    expect(parseLedgerRecord(avoided(T0, 4, 2)).success).toBe(true);
    expect(parseLedgerRecord(view(T0, 5 * SECOND)).success).toBe(true);
    expect(parseLedgerRecord({ ...avoided(T0, 4, 2), caseId: 'c-1' }).success).toBe(false);
    expect(parseLedgerRecord({ ...avoided(T0, 4, 2), name: 'Operation X' }).success).toBe(false);
    expect(parseLedgerRecord({ ...view(T0, 5 * SECOND), itemId: 'i-1' }).success).toBe(false);
    expect(parseLedgerRecord({ v: 1, type: 'avoided', atMs: T0, knownCount: -1, duplicateCount: 0 }).success).toBe(false);
  });

  it('are not written for nothing', () => {
    expect(avoidedRecord(T0, { knownCount: 0, duplicateCount: 0, nearCopyCount: 0 })).toBeNull();
    expect(avoidedRecord(T0, { knownCount: 0, duplicateCount: 0, nearCopyCount: 1 })).toMatchObject({ nearCopyCount: 1 });
    expect(itemViewRecord(T0, 0.4)).toBeNull();
  });
});

describe('the avoided record written when a case import ends, and again when its PDQ pass ends', () => {
  const ended = (phase: 'done' | 'cancelled' | 'failed', knownShown = false) => ({
    knownCount: 4,
    duplicateCount: 2,
    nearCopyCount: 0,
    knownShown,
    import: { phase },
  });

  it('is written only for a complete import: a cancelled or failed one has partial counts', () => {
    expect(caseAvoidedRecord(T0, ended('done'))).toEqual({ v: 1, type: 'avoided', atMs: T0, knownCount: 4, duplicateCount: 2, nearCopyCount: 0 });
    expect(caseAvoidedRecord(T0, { ...ended('done'), nearCopyCount: 3 })).toMatchObject({ nearCopyCount: 3 });
    expect(caseAvoidedRecord(T0, ended('cancelled'))).toBeNull();
    expect(caseAvoidedRecord(T0, ended('failed'))).toBeNull();
  });

  it('keeps a cancelled import from adding to the week when the case is then imported in full', () => {
    const partial = caseAvoidedRecord(T0, { ...ended('cancelled'), knownCount: 1, duplicateCount: 1 });
    const full = caseAvoidedRecord(T0 + MINUTE, ended('done'));
    const records = [partial, full].filter((record) => record !== null);
    expect(sumAvoided(records, T0, T0 + DAY).files).toBe(6);
  });

  it('written again when the PDQ pass ends, keeps the pair of the import, so turning on "Show known items" in between does not count the case twice', () => {
    const atImport = caseAvoidedRecord(T0, { ...ended('done'), nearCopyCount: 1 });
    const atPassEnd = caseAvoidedRecord(T0 + MINUTE, { ...ended('done', true), nearCopyCount: 3 });
    const again = pdqPassEndedRecord(atPassEnd, atImport);
    expect(again).toMatchObject({ knownCount: 4, duplicateCount: 2, nearCopyCount: 3 });
    const records = [atImport, again].filter((record) => record !== null);
    expect(sumAvoided(records, T0, T0 + DAY)).toMatchObject({ duplicateCount: 2, nearCopyCount: 3, files: 9 });
  });

  it('is not written again when the PDQ pass found no near copy the import had not', () => {
    const atImport = caseAvoidedRecord(T0, { ...ended('done'), nearCopyCount: 2 });
    expect(pdqPassEndedRecord(caseAvoidedRecord(T0 + MINUTE, { ...ended('done'), nearCopyCount: 2 }), atImport)).toBeNull();
    // Nothing was spared when the import ended: the pass's record is the case's first.
    const first = caseAvoidedRecord(T0 + MINUTE, { ...ended('done'), knownCount: 0, duplicateCount: 0, nearCopyCount: 2 });
    expect(pdqPassEndedRecord(first, null)).toBe(first);
  });

  it('counts no known item as spared while "Show known items" is on: they are on screen', () => {
    expect(caseAvoidedRecord(T0, { ...ended('done', true), nearCopyCount: 1 })).toMatchObject({ knownCount: 0, duplicateCount: 2, nearCopyCount: 1 });
    expect(caseAvoidedRecord(T0, { ...ended('done', true), duplicateCount: 0 })).toBeNull();
  });
});

describe('My exposure: exposure avoided this week', () => {
  // T0 is Tuesday 14 May 2024 in Toronto; weeks from Sunday, so this week began on the 12th.
  const records: LedgerRecord[] = [
    view(T0 - 20 * DAY, 30 * SECOND),
    avoided(T0 - 3 * DAY, 900, 100), // Saturday of last week: not this week
    avoided(T0 - DAY, 400, 12),
    view(T0 - DAY + MINUTE, 10 * SECOND),
    exposureRecord(T0, T0 + MINUTE),
    avoided(T0 + 2 * MINUTE, 400, 12), // the same case opened again
    view(T0 + 3 * MINUTE, 12 * SECOND),
  ];

  it('sums this week once per case, with the estimate from the median over the 12 weeks', () => {
    const { avoided: week, today } = buildMyExposure(records, { nowMs: T0 + 4 * MINUTE, timeZone: TORONTO, weekStartsOn: 0 });
    expect(week).toEqual({
      knownCount: 400,
      duplicateCount: 12,
      nearCopyCount: 0,
      files: 412,
      medianViewMs: 12 * SECOND,
      viewedItems: 3,
      estimateMs: 412 * 12 * SECOND,
    });
    // Counts and views are not exposure time and not wellbeing events.
    expect(today.exposureMs).toBe(MINUTE);
    expect(Object.values(today.wellbeing).every((count) => count === 0)).toBe(true);
  });

  it('gives no estimate before any item was viewed', () => {
    const { avoided: week } = buildMyExposure([avoided(T0, 4, 2)], { nowMs: T0 + MINUTE, timeZone: TORONTO, weekStartsOn: 0 });
    expect(week).toMatchObject({ files: 6, medianViewMs: null, estimateMs: null });
  });
});
