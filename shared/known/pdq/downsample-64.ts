import { boxAlongCols, boxAlongRows, jaroszWindowSize } from './jarosz-filter.js';

/** PDQ works on a 64×64 image. */
const SIDE = 64;

/** The pixel nearest each target pixel's centre along one axis, as the reference's `decimateFloat`. */
function centres(length: number): Int32Array {
  return Int32Array.from({ length: SIDE }, (_, i) => Math.floor(((i + 0.5) * length) / SIDE));
}

/** The `indices` columns of a rows × cols image, as a rows × 64 image. */
function pickColumns(input: Float32Array, rows: number, cols: number, indices: Int32Array): Float32Array {
  const out = new Float32Array(rows * SIDE);
  for (let row = 0; row < rows; row += 1) {
    for (let i = 0; i < SIDE; i += 1) out[row * SIDE + i] = input[row * cols + (indices[i] ?? 0)] ?? 0;
  }
  return out;
}

/**
 * The 64×64 image PDQ hashes: `luma` (rows × cols, row-major) blurred with the reference's
 * Jarosz filter (two passes of a box filter along rows then columns) and decimated to the
 * pixels nearest each cell's centre. Only 64 columns survive the decimation, so the second
 * column pass runs on those alone: the same sums as the reference, a quarter less work. A
 * 64×64 input is taken as it is, as the reference does. `luma` is overwritten.
 */
export function downsampleTo64(luma: Float32Array, rows: number, cols: number): Float32Array {
  if (rows === SIDE && cols === SIDE) return luma.slice();
  const windowAlongRows = jaroszWindowSize(cols, SIDE);
  const windowAlongCols = jaroszWindowSize(rows, SIDE);
  const scratch = new Float32Array(rows * cols);
  boxAlongRows(luma, scratch, rows, cols, windowAlongRows);
  boxAlongCols(scratch, luma, rows, cols, windowAlongCols);
  boxAlongRows(luma, scratch, rows, cols, windowAlongRows);
  const narrow = pickColumns(scratch, rows, cols, centres(cols));
  const blurred = new Float32Array(rows * SIDE);
  boxAlongCols(narrow, blurred, rows, SIDE, windowAlongCols);
  const out = new Float32Array(SIDE * SIDE);
  centres(rows).forEach((row, i) => out.set(blurred.subarray(row * SIDE, (row + 1) * SIDE), i * SIDE));
  return out;
}
