import { PDQ_WORDS } from '../pdq/hash-bits.js';
import { popcount32 } from '../pdq/hamming.js';

export { PDQ_WORDS, popcount32 };

/**
 * Hamming distance between hash `a` and hash `b`, both rows of a packed array of
 * eight words per hash, stopping as soon as it exceeds `limit`: a random pair is
 * about 16 bits apart per word, so most candidates are rejected after two or
 * three words. Returns the exact distance when it is ≤ `limit`, otherwise some value > `limit`.
 */
export function distanceWithin(words: Uint32Array, a: number, b: number, limit: number): number {
  const pa = a * PDQ_WORDS;
  const pb = b * PDQ_WORDS;
  let distance = 0;
  for (let w = 0; w < PDQ_WORDS; w += 1) {
    distance += popcount32(words[pa + w]! ^ words[pb + w]!);
    if (distance > limit) return distance;
  }
  return distance;
}
