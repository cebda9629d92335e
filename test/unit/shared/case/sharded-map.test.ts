import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../../../shared/case/sharded-map.js';

describe('ShardedMap', () => {
  it('holds exactly what a Map holds, for any keys, short ones and overwrites included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.integer())), (entries) => {
        const sharded = new ShardedMap<number>();
        const plain = new Map<string, number>();
        for (const [key, value] of entries) {
          expect(sharded.set(key, value)).toBe(sharded);
          plain.set(key, value);
        }
        expect(sharded.size).toBe(plain.size);
        for (const [key] of entries) {
          expect(sharded.get(key)).toBe(plain.get(key));
          expect(sharded.has(key)).toBe(true);
        }
        expect(sharded.has('not among them, longer than any key generated here')).toBe(false);
      }),
    );
  });
});
