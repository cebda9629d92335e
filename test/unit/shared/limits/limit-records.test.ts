import { describe, expect, it } from 'vitest';
import { LimitRecordSchema } from '../../../../shared/limits/limit-records.js';
import { T0 } from './limits-timeline.js';

const base = { v: 1, type: 'limit', atMs: T0, quantity: 'exposure', period: 'day', capMs: 3_600_000 } as const;

describe('LimitRecordSchema', () => {
  it('accepts the three kinds of limit record', () => {
    for (const record of [
      { ...base, event: 'warning', thresholdPct: 75 },
      { ...base, event: 'reached' },
      { ...base, event: 'override', reason: 'Court tomorrow', extensionMs: 900_000 },
    ]) {
      expect(LimitRecordSchema.parse(record)).toEqual(record);
    }
  });

  it.each([
    ['a warning without its threshold', { ...base, event: 'warning' }],
    ['an override without a reason', { ...base, event: 'override', extensionMs: 900_000 }],
    ['an override with an untrimmed reason', { ...base, event: 'override', reason: ' Court ', extensionMs: 900_000 }],
    ['an override with a two-letter reason', { ...base, event: 'override', reason: 'ok', extensionMs: 900_000 }],
    ['a reason on a reached record', { ...base, event: 'reached', reason: 'why' }],
    ['case data (a file name)', { ...base, event: 'reached', fileName: 'IMG_0001.jpg' }],
    ['an unknown quantity', { ...base, quantity: 'video', event: 'reached' }],
    ['a newer version', { ...base, v: 2, event: 'reached' }],
    ['a fractional time', { ...base, atMs: T0 + 0.5, event: 'reached' }],
  ])('refuses %s', (_label, record) => {
    expect(LimitRecordSchema.safeParse(record).success).toBe(false);
  });
});
