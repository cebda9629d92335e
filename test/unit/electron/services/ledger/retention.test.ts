import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToKey } from '../../../../../shared/exposure/day-boundaries.js';
import { planRetention, TRUSTED_GAP_DAYS } from '../../../../../electron/services/ledger/retention.js';

describe('planRetention', () => {
  it('keeps the retention window up to today when today follows the newest day written', () => {
    expect(planRetention('2025-03-10', '2025-03-09', 3)).toEqual({ cutoffDayKey: '2025-03-08', heldBackFromDayKey: null });
    expect(planRetention('2025-03-10', null, 400)).toEqual({ cutoffDayKey: addDaysToKey('2025-03-10', -399), heldBackFromDayKey: null });
  });

  it('trusts a holiday-sized gap', () => {
    const newest = '2025-02-01';
    expect(planRetention(addDaysToKey(newest, TRUSTED_GAP_DAYS), newest, 400).heldBackFromDayKey).toBeNull();
    expect(planRetention(addDaysToKey(newest, TRUSTED_GAP_DAYS + 1), newest, 400).heldBackFromDayKey).not.toBeNull();
  });

  it('measures from the newest day written when the clock is years ahead', () => {
    expect(planRetention('2029-01-01', '2025-03-10', 400)).toEqual({
      cutoffDayKey: addDaysToKey('2025-03-10', -399),
      heldBackFromDayKey: addDaysToKey('2029-01-01', -399),
    });
  });

  it('never removes a day within the window before the newest day written, whatever today says', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((offset) => addDaysToKey('2000-01-01', offset));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 3650 }), (todayKey, newest, retentionDays) => {
        const { cutoffDayKey } = planRetention(todayKey, newest, retentionDays);
        expect(cutoffDayKey <= addDaysToKey(newest, -(retentionDays - 1)) || cutoffDayKey <= addDaysToKey(todayKey, -(retentionDays - 1))).toBe(true);
        // The newest day written itself is never removed, nor anything in today's window.
        expect(cutoffDayKey <= newest).toBe(true);
        expect(cutoffDayKey <= addDaysToKey(todayKey, -(retentionDays - 1))).toBe(true);
      }),
    );
  });
});
