/** Words in one PDQ hash: 256 bits as eight unsigned 32-bit words. */
export const PDQ_WORDS = 8;

/** Bits set in a 32-bit word (SWAR: a handful of integer operations, no table lookups, no allocation). */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

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
