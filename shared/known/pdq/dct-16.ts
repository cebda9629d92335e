/**
 * The part of the 64×64 DCT-II that PDQ keeps: frequencies 1–16 along each axis (0, the mean,
 * says nothing about structure). As the reference's `dct64To16`, it computes only those rather
 * than a full fast DCT, accumulating in single precision.
 */

const fround = Math.fround;
const N = 64;
const KEPT = 16;

/** Row i, column j: scale × cos(π/2N × (i+1) × (2j+1)), stored as floats as the reference's table. */
const DCT_MATRIX = ((): Float32Array => {
  const matrix = new Float32Array(KEPT * N);
  const scale = fround(Math.sqrt(2 / N));
  for (let i = 0; i < KEPT; i += 1) {
    for (let j = 0; j < N; j += 1) matrix[i * N + j] = scale * Math.cos((Math.PI / 2 / N) * (i + 1) * (2 * j + 1));
  }
  return matrix;
})();

/** D × A × Dᵀ for the 64×64 `image` (row-major): the 16×16 coefficients, row-major. */
export function dct64To16(image: Float32Array): Float32Array {
  const partial = new Float32Array(KEPT * N);
  for (let i = 0; i < KEPT; i += 1) {
    for (let j = 0; j < N; j += 1) {
      let sum = 0;
      for (let k = 0; k < N; k += 1) sum = fround(sum + fround((DCT_MATRIX[i * N + k] ?? 0) * (image[k * N + j] ?? 0)));
      partial[i * N + j] = sum;
    }
  }
  const out = new Float32Array(KEPT * KEPT);
  for (let i = 0; i < KEPT; i += 1) {
    for (let j = 0; j < KEPT; j += 1) {
      let sum = 0;
      for (let k = 0; k < N; k += 1) sum = fround(sum + fround((partial[i * N + k] ?? 0) * (DCT_MATRIX[j * N + k] ?? 0)));
      out[i * KEPT + j] = sum;
    }
  }
  return out;
}
