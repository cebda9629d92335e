import { describe, expect, it } from 'vitest';
import { CaseIdSchema } from '../../../../../shared/case/case-summary.js';
import { ItemIdSchema } from '../../../../../shared/media/derivative.js';
import { randomUrlSafeId } from '../../../../../electron/services/case/random-id.js';

describe('randomUrlSafeId', () => {
  it('makes ids the contract accepts for items and cases, and never the same twice', () => {
    const ids = Array.from({ length: 10_000 }, randomUrlSafeId);
    for (const id of ids.slice(0, 100)) {
      expect(ItemIdSchema.safeParse(id).success).toBe(true);
      expect(CaseIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
