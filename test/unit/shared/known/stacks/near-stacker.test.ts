import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../../../../../shared/known/stacks/build-stacks.js';
import { createNearStacker } from '../../../../../shared/known/stacks/near-stacker.js';
import { flipBits, plantedHashesArb } from './random-hashes.js';

const BASE = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];

/** Groups as sorted lists of indexes, sorted, so two groupings compare equal exactly when they group alike. */
function canonical(groups: Iterable<readonly number[]>): number[][] {
  return [...groups].map((group) => [...group].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

describe('createNearStacker', () => {
  it('groups hashes added one at a time exactly as buildStacks groups them all at once, whatever the order they arrive in', () => {
    fc.assert(
      fc.property(plantedHashesArb, fc.integer({ min: 0, max: 63 }), fc.infiniteStream(fc.nat()), (hashes, thresholdBits, randomness) => {
        const items = hashes.map((pdq, at) => ({ sha256: `sha-${at}`, pixels: 1, relativePath: `${at}.jpg`, pdq, pdqQuality: 90 }));
        const batch = buildStacks(items, thresholdBits).stacks.map((stack) => stack.members);

        // Arrival order as the PDQ pass and the thumbnails give it: any order at all.
        const order = hashes.map((_, at) => at);
        const shuffle = randomness.take(order.length);
        for (const [at, pick] of [...shuffle].entries()) {
          const other = at + (pick % (order.length - at));
          [order[at], order[other]] = [order[other]!, order[at]!];
        }
        const stacker = createNearStacker(thresholdBits);
        for (const at of order) stacker.add(String(at), hashes[at]!);
        const incremental = hashes.map((_, at) => stacker.groupOf(String(at)).map(Number));
        const distinct = new Map(
          incremental.map((group) => [
            group
              .slice()
              .sort((a, b) => a - b)
              .join(','),
            group,
          ]),
        );

        expect(canonical(distinct.values())).toEqual(canonical(batch));
      }),
      { numRuns: 60 },
    );
  });

  it('says whether a hash joined a group, lists only groups of several, and gives the distance between two hashes', () => {
    const stacker = createNearStacker(31);
    expect(stacker.add('a', BASE)).toBe(false);
    expect(
      stacker.add(
        'far',
        BASE.map((word) => ~word >>> 0),
      ),
    ).toBe(false);
    expect(stacker.add('b', flipBits(BASE, [3, 70, 200]))).toBe(true);
    expect(stacker.add('b', BASE)).toBe(false);
    expect(stacker.groupOf('b')).toEqual(['a', 'b']);
    expect(stacker.groupOf('never')).toEqual([]);
    expect([...stacker.groupsOfMany()]).toEqual([['a', 'b']]);
    expect(stacker.distanceBits('a', 'b')).toBe(3);
    expect(stacker.distanceBits('a', 'far')).toBe(256);
    expect(stacker.distanceBits('a', 'never')).toBeNull();
  });

  it('refuses a threshold outside 0–63 and a hash that is not eight words', () => {
    expect(() => createNearStacker(64)).toThrow(RangeError);
    expect(() => createNearStacker(-1)).toThrow(RangeError);
    expect(() => createNearStacker(31).add('short', [1, 2, 3])).toThrow(/8 words/);
  });
});
