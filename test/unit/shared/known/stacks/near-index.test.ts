import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PDQ_WORDS, popcount32 } from '../../../../../shared/known/stacks/hamming.js';
import { CHUNK_COUNT, forEachNearPair, MAX_THRESHOLD_BITS } from '../../../../../shared/known/stacks/near-index.js';
import { flipBits, pack, plantedHashesArb } from './random-hashes.js';

const bitsSet = (word: number): number => [...word.toString(2)].filter((b) => b === '1').length;

/** The reference: every pair compared on all 256 bits, counted the slow, obvious way. */
function bruteForcePairs(words: Uint32Array, thresholdBits: number): string[] {
  const pairs: string[] = [];
  const count = words.length / PDQ_WORDS;
  for (let i = 0; i < count; i += 1) {
    for (let j = i + 1; j < count; j += 1) {
      let distance = 0;
      for (let w = 0; w < PDQ_WORDS; w += 1) distance += bitsSet((words[i * PDQ_WORDS + w]! ^ words[j * PDQ_WORDS + w]!) >>> 0);
      if (distance <= thresholdBits) pairs.push(`${i}-${j}:${distance}`);
    }
  }
  return pairs.sort();
}

function indexPairs(words: Uint32Array, thresholdBits: number, chunks?: number[]): string[] {
  const pairs: string[] = [];
  forEachNearPair(words, thresholdBits, (i, j, distance) => pairs.push(`${i}-${j}:${distance}`), chunks);
  return pairs.sort();
}

describe('forEachNearPair', () => {
  it('finds exactly the pairs brute force finds, each once with its distance, for any threshold 0–63', () => {
    fc.assert(
      fc.property(plantedHashesArb, fc.integer({ min: 0, max: 63 }), (hashes, thresholdBits) => {
        const words = pack(hashes);
        expect(indexPairs(words, thresholdBits)).toEqual(bruteForcePairs(words, thresholdBits));
      }),
      { numRuns: 100 },
    );
  });

  it.each([0, 15, 16, 31, 32, 47, 48, 63])('at threshold %i keeps a pair exactly that far apart and drops one a bit further, wherever the bits fall', (t) => {
    const base = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];
    // Spread evenly (the worst case for the pigeonhole: every chunk differs by about t / 16) and bunched in one chunk.
    const spread = Array.from({ length: t + 1 }, (_, k) => Math.floor((k * 256) / (t + 1)));
    const bunched = Array.from({ length: t + 1 }, (_, k) => (k * 7) % 256);
    for (const bits of [spread, bunched]) {
      const words = pack([base, flipBits(base, bits.slice(0, t)), flipBits(base, bits)]);
      expect(indexPairs(words, t)).toEqual(bruteForcePairs(words, t));
      expect(indexPairs(words, t)).toContain(`0-1:${t}`);
    }
  });

  it('splits into chunk passes whose union is every pair, each exactly once', () => {
    fc.assert(
      fc.property(plantedHashesArb, fc.integer({ min: 0, max: 63 }), (hashes, thresholdBits) => {
        const words = pack(hashes);
        const all = Array.from({ length: CHUNK_COUNT }, (_, c) => c);
        const halves = [...indexPairs(words, thresholdBits, all.slice(0, 5)), ...indexPairs(words, thresholdBits, all.slice(5))].sort();
        expect(halves).toEqual(bruteForcePairs(words, thresholdBits));
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a threshold outside 0–63 and a length that is not whole hashes, with a reason', () => {
    expect(() => forEachNearPair(new Uint32Array(8), MAX_THRESHOLD_BITS + 1, () => undefined)).toThrow(/0 to 63/);
    expect(() => forEachNearPair(new Uint32Array(8), -1, () => undefined)).toThrow(/0 to 63/);
    expect(() => forEachNearPair(new Uint32Array(8), 1.5, () => undefined)).toThrow(/whole number/);
    expect(() => forEachNearPair(new Uint32Array(9), 31, () => undefined)).toThrow(/8 words/);
  });

  it('counts bits like the obvious way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (word) => {
        expect(popcount32(word)).toBe(bitsSet(word));
      }),
    );
  });
});
