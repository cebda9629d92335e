import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import { capsRecord } from '../../../../shared/limits/limit-records.js';
import { DEFAULT_LIMITS_CONFIG, type LimitsConfig } from '../../../../shared/limits/limits-config.js';
import { capSetDuring } from '../../../../shared/team-stats/caps-in-force.js';

const HOUR = 3_600_000;
const WEEK = { startMs: 1_000 * HOUR, endMs: 1_168 * HOUR };
const NONE = DEFAULT_LIMITS_CONFIG;
const SOME: LimitsConfig = { ...NONE, caps: { ...NONE.caps, audio: { dayMin: null, weekMin: 120 } } };

describe('capSetDuring', () => {
  it('reads the caps in force during the span from the ledger: the one at its start and any change inside', () => {
    expect(capSetDuring([], WEEK)).toBe(false);
    expect(capSetDuring([capsRecord(WEEK.startMs - HOUR, SOME)], WEEK)).toBe(true);
    expect(capSetDuring([capsRecord(WEEK.startMs - 2 * HOUR, SOME), capsRecord(WEEK.startMs - HOUR, NONE)], WEEK)).toBe(false);
    expect(capSetDuring([capsRecord(WEEK.startMs - HOUR, NONE), capsRecord(WEEK.startMs + HOUR, SOME)], WEEK)).toBe(true);
    // Set after the week ended (today, say): not in force that week.
    expect(capSetDuring([capsRecord(WEEK.startMs - HOUR, NONE), capsRecord(WEEK.endMs, SOME)], WEEK)).toBe(false);
    // Removed during the week: it was in force until then.
    expect(capSetDuring([capsRecord(WEEK.startMs, SOME), capsRecord(WEEK.startMs + HOUR, NONE)], WEEK)).toBe(true);
  });

  it('counts a warning, a cap reached or an override in the span as a cap set (weeks before caps records)', () => {
    const reached: LedgerRecord = { v: 1, type: 'limit', atMs: WEEK.startMs + HOUR, quantity: 'exposure', period: 'day', capMs: HOUR, event: 'reached' };
    expect(capSetDuring([reached], WEEK)).toBe(true);
    expect(capSetDuring([{ ...reached, atMs: WEEK.startMs - HOUR }], WEEK)).toBe(false);
  });

  it('does not depend on the order of the records', () => {
    const recordArb = fc
      .tuple(fc.integer({ min: WEEK.startMs - 48 * HOUR, max: WEEK.endMs + 48 * HOUR }), fc.boolean())
      .map(([atMs, set]) => capsRecord(atMs, set ? SOME : NONE));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), (records) => {
        const sorted = [...records].sort((a, b) => a.atMs - b.atMs);
        const lastAtStartMs = sorted.filter((r) => r.atMs <= WEEK.startMs).at(-1)?.atMs;
        // Records of the same ms as the last one before the span: any "set" among them wins.
        const atStart = sorted.filter((r) => r.atMs === lastAtStartMs);
        const inside = sorted.filter((r) => r.atMs > WEEK.startMs && r.atMs < WEEK.endMs);
        const expected = atStart.some((r) => r.caps.length > 0) || inside.some((r) => r.caps.length > 0);
        expect(capSetDuring(records, WEEK)).toBe(expected);
        expect(capSetDuring([...records].reverse(), WEEK)).toBe(expected);
      }),
      // Once found under load: two records of one ms before the span, "set" first.
      { numRuns: 200, examples: [[[capsRecord(WEEK.startMs - 24, SOME), capsRecord(WEEK.startMs - 24, NONE)]]] },
    );
  });
});
