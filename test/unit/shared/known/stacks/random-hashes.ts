import fc from 'fast-check';
import { PDQ_WORDS } from '../../../../../shared/known/stacks/hamming.js';

/** A copy of a hash with the given bit positions (0–255) flipped. */
export function flipBits(hash: readonly number[], bits: readonly number[]): number[] {
  const copy = [...hash];
  for (const bit of bits) copy[bit >>> 5] = (copy[bit >>> 5]! ^ (1 << (bit & 31))) >>> 0;
  return copy;
}

const hashArb = fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: PDQ_WORDS, maxLength: PDQ_WORDS });

/**
 * Random hashes plus planted near duplicates: copies of earlier hashes with 0–70 distinct
 * bits flipped, so pairs fall on both sides of every threshold, and a few copies of copies.
 */
export const plantedHashesArb = fc
  .tuple(
    fc.array(hashArb, { minLength: 1, maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 70 })), { maxLength: 40 }),
  )
  .map(([bases, copies]) => {
    const hashes = [...bases];
    for (const [source, bits] of copies) hashes.push(flipBits(hashes[source % hashes.length]!, bits));
    return hashes;
  });

export function pack(hashes: readonly (readonly number[])[]): Uint32Array {
  return Uint32Array.from(hashes.flat());
}
