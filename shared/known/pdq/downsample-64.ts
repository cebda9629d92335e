import { jaroszFilter, jaroszWindowSize } from './jarosz-filter.js';

/** PDQ works on a 64×64 image. */
const PDQ_DOWNSAMPLE_PX = 64;
/** Two tent passes, as the reference (PDQ_NUM_JAROSZ_XY_PASSES). */
const JAROSZ_PASSES = 2;

/**
 * Picks the pixel nearest each target pixel's centre, as the reference's `decimateFloat`
 * (the blur before it has already averaged the neighbourhood).
 */
function decimate(input: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(PDQ_DOWNSAMPLE_PX * PDQ_DOWNSAMPLE_PX);
  for (let outRow = 0; outRow < PDQ_DOWNSAMPLE_PX; outRow += 1) {
    const inRow = Math.floor(((outRow + 0.5) * rows) / PDQ_DOWNSAMPLE_PX);
    for (let outCol = 0; outCol < PDQ_DOWNSAMPLE_PX; outCol += 1) {
      const inCol = Math.floor(((outCol + 0.5) * cols) / PDQ_DOWNSAMPLE_PX);
      out[outRow * PDQ_DOWNSAMPLE_PX + outCol] = input[inRow * cols + inCol] ?? 0;
    }
  }
  return out;
}

/**
 * The 64×64 image PDQ hashes: `luma` (rows × cols, row-major) blurred with the Jarosz filter
 * and decimated. A 64×64 input is taken as it is, as the reference does. `luma` is
 * overwritten (the filter works in place, to keep one extra buffer instead of two).
 */
export function downsampleTo64(luma: Float32Array, rows: number, cols: number): Float32Array {
  if (rows === PDQ_DOWNSAMPLE_PX && cols === PDQ_DOWNSAMPLE_PX) return luma.slice();
  const scratch = new Float32Array(rows * cols);
  jaroszFilter(luma, scratch, rows, cols, jaroszWindowSize(cols, PDQ_DOWNSAMPLE_PX), jaroszWindowSize(rows, PDQ_DOWNSAMPLE_PX), JAROSZ_PASSES);
  return decimate(luma, rows, cols);
}
