import { describe, expect, it } from 'vitest';
import { createDayCache } from '../../../../../electron/services/ledger/day-cache.js';
import { exposure } from './ledger-test-records.js';

describe('createDayCache', () => {
  it('drops the least recently used day beyond its size', () => {
    const cache = createDayCache(2);
    cache.remember('2025-01-01', [exposure(1, 2)]);
    cache.remember('2025-01-02', [exposure(3, 4)]);
    cache.recall('2025-01-01');
    cache.remember('2025-01-03', [exposure(5, 6)]);
    expect(cache.recall('2025-01-02')).toBeUndefined();
    expect(cache.recall('2025-01-01')).toEqual([exposure(1, 2)]);
    expect(cache.recall('2025-01-03')).toEqual([exposure(5, 6)]);
  });

  it('adds appended records to a remembered day only', () => {
    const cache = createDayCache();
    cache.remember('2025-01-01', []);
    cache.appendTo('2025-01-01', [exposure(1, 2)]);
    cache.appendTo('2025-01-02', [exposure(3, 4)]);
    expect(cache.recall('2025-01-01')).toEqual([exposure(1, 2)]);
    expect(cache.recall('2025-01-02')).toBeUndefined();
  });

  it('hands out records nobody can change', () => {
    const cache = createDayCache();
    cache.remember('2025-01-01', [exposure(1, 2)]);
    const [record] = cache.recall('2025-01-01') ?? [];
    expect(() => {
      if (record?.type === 'exposure') record.endMs = 99;
    }).toThrow(TypeError);
  });
});
