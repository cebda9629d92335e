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

  it('spreads file paths of one format over its shards, so none grows to hold most of a case (paths end alike: ".jpg")', () => {
    const paths = new ShardedMap<number>();
    const ids = new ShardedMap<number>();
    for (let index = 0; index < 10_000; index += 1) {
      paths.set(`Folder ${Math.floor(index / 500)}/IMG_${String(index).padStart(5, '0')}.jpg`, index);
      ids.set(`item-${index.toString(36)}`, index);
    }
    // 10,000 keys over 64 shards is about 156 each: no shard may hold three times that.
    expect(paths.largestShardSize).toBeLessThan(470);
    expect(ids.largestShardSize).toBeLessThan(470);
  });
});
