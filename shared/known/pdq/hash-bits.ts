/**
 * A PDQ hash in memory: 256 bits as 8 × uint32, word 0 holding bits 0–31. Bit i×16+j is
 * coefficient (i, j) of the 16×16 DCT, so the hex form (hash-hex.ts) matches the reference's.
 */
export type PdqBits = Uint32Array;

/** Words in a hash. */
export const PDQ_WORDS = 8;

/**
 * One bit per coefficient: set when it is above the median. The median is the 128th smallest
 * of the 256 (the lower one), which is what the reference's Torben selection returns.
 */
export function bitsAboveMedian(coefficients: Float32Array): PdqBits {
  const sorted = coefficients.slice().sort();
  const median = sorted[Math.floor((sorted.length + 1) / 2) - 1] ?? 0;
  const bits = new Uint32Array(PDQ_WORDS);
  for (let k = 0; k < coefficients.length; k += 1) {
    if ((coefficients[k] ?? 0) > median) bits[k >>> 5] = (bits[k >>> 5] ?? 0) | (1 << (k & 31));
  }
  return bits;
}
