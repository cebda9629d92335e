/**
 * Luma for PDQ, as the reference's `fillFloatLumaFromRGB`: Rec. 601 weights in single
 * precision. The products are looked up rather than multiplied, so each step rounds to a float
 * exactly where the C++ does (the hash stays bit-for-bit the reference's) and costs less.
 */

const fround = Math.fround;
const LUMA_FROM_R = fround(0.299);
const LUMA_FROM_G = fround(0.587);
const LUMA_FROM_B = fround(0.114);

function productTable(coefficient: number): Float32Array {
  const table = new Float32Array(256);
  for (let value = 0; value < 256; value += 1) table[value] = fround(coefficient * value);
  return table;
}

/**
 * fround(R part + G part) for every (R, G): 256 KB that turn the per-pixel work into two
 * look-ups and one add, the add rounding to a float on store as the C++ does.
 */
const FROM_RG = ((): Float32Array => {
  const fromR = productTable(LUMA_FROM_R);
  const fromG = productTable(LUMA_FROM_G);
  const table = new Float32Array(256 * 256);
  for (let r = 0; r < 256; r += 1) {
    for (let g = 0; g < 256; g += 1) table[(r << 8) | g] = (fromR[r] ?? 0) + (fromG[g] ?? 0);
  }
  return table;
})();
const FROM_B = productTable(LUMA_FROM_B);

/**
 * Luma of interleaved 8-bit pixels, row-major, one float per pixel. `channels` is 3 or 4
 * (RGB, or RGBA whose alpha is ignored, as the reference drops it); 1 or 2 (grey, grey+alpha)
 * take the grey value itself, as the reference's `fillFloatLumaFromGrey`.
 */
export function lumaFromPixels(pixels: Uint8Array, widthPx: number, heightPx: number, channels: 1 | 2 | 3 | 4): Float32Array {
  const count = widthPx * heightPx;
  if (pixels.length < count * channels) {
    throw new RangeError(`PDQ: ${pixels.length} bytes cannot hold ${widthPx}×${heightPx} pixels of ${channels} channels`);
  }
  const luma = new Float32Array(count);
  if (channels <= 2) {
    for (let i = 0, p = 0; i < count; i += 1, p += channels) luma[i] = pixels[p] ?? 0;
    return luma;
  }
  for (let i = 0, p = 0; i < count; i += 1, p += channels) {
    luma[i] = (FROM_RG[((pixels[p] ?? 0) << 8) | (pixels[p + 1] ?? 0)] ?? 0) + (FROM_B[pixels[p + 2] ?? 0] ?? 0);
  }
  return luma;
}
