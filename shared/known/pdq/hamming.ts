import { PDQ_WORDS, type PdqBits } from './hash-bits.js';

/** Set bits in a 32-bit word (SWAR popcount: no table, no loop over bits). */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of bits, 0–256, in which two PDQ hashes differ; PDQ calls ≤ 31 a match. */
export function pdqDistance(a: PdqBits, b: PdqBits): number {
  let distance = 0;
  for (let word = 0; word < PDQ_WORDS; word += 1) distance += popcount32(((a[word] ?? 0) ^ (b[word] ?? 0)) >>> 0);
  return distance;
}
