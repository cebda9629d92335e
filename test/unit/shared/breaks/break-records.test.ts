import { describe, expect, it } from 'vitest';
import { BreakLedgerRecordSchema, BreakRecordSchema, breakRecord } from '../../../../shared/breaks/break-records.js';

const ok = (value: unknown): boolean => BreakLedgerRecordSchema.safeParse(value).success;

describe('break records', () => {
  it('accepts every kind of break event, with times only', () => {
    for (const event of ['due', 'started', 'taken', 'natural', 'postponed', 'skipped', 'ended-early'] as const) {
      expect(ok(breakRecord(1_715_691_600_000, 'micro', event))).toBe(true);
    }
    expect(ok(breakRecord(0, 'rest', 'strict-override', 'court deadline'))).toBe(true);
    expect(ok({ v: 1, type: 'after-hours', atMs: 1_715_691_600_000 })).toBe(true);
  });

  it('keeps a reason on, and only on, a strict-mode override', () => {
    expect(ok({ v: 1, type: 'break', atMs: 0, kind: 'micro', event: 'strict-override' })).toBe(false);
    expect(ok({ v: 1, type: 'break', atMs: 0, kind: 'micro', event: 'skipped', reason: 'tired of it' })).toBe(false);
    expect(ok({ v: 1, type: 'break', atMs: 0, kind: 'micro', event: 'strict-override', reason: 'no' })).toBe(false);
    expect(ok({ v: 1, type: 'break', atMs: 0, kind: 'micro', event: 'strict-override', reason: 'x'.repeat(501) })).toBe(false);
  });

  it('refuses anything else: other versions, fractional or negative times, extra fields such as case data', () => {
    const base = breakRecord(1000, 'micro', 'due');
    expect(ok({ ...base, v: 2 })).toBe(false);
    expect(ok({ ...base, atMs: 1.5 })).toBe(false);
    expect(ok({ ...base, atMs: -1 })).toBe(false);
    expect(ok({ ...base, kind: 'long' })).toBe(false);
    expect(ok({ ...base, event: 'warning' })).toBe(false);
    expect(ok({ ...base, itemId: 'item-0001' })).toBe(false);
    expect(ok({ v: 1, type: 'after-hours', atMs: 0, caseId: 'x' })).toBe(false);
    expect(BreakRecordSchema.safeParse(base).success).toBe(true);
  });
});
