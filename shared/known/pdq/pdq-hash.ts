/**
 * PDQ, Meta's 256-bit perceptual hash (ThreatExchange, BSD licence), ported from the reference
 * C++ (pdq/cpp/hashing/pdqhashing.cpp): luma, Jarosz tent filter down to 64×64, the 16×16
 * low-frequency DCT, one bit per coefficient above the median, and a quality score.
 */
import { dct64To16 } from './dct-16.js';
import { downsampleTo64 } from './downsample-64.js';
import { bitsAboveMedian } from './hash-bits.js';
import { pdqHexFromBits } from './hash-hex.js';
import { lumaFromPixels } from './luma.js';
import { pdqQuality } from './quality.js';

/** Smaller images get the empty hash and quality 0, as the reference (MIN_HASHABLE_DIM). */
const MIN_HASHABLE_PX = 5;
const EMPTY_HASH_HEX = '0'.repeat(64);

export interface PdqPixels {
  widthPx: number;
  heightPx: number;
  /** Interleaved 8-bit pixels, row-major, no padding. */
  pixels: Uint8Array;
  /** 3 = RGB, 4 = RGBA (alpha ignored), 1 = grey, 2 = grey + alpha (alpha ignored). */
  channels: 1 | 2 | 3 | 4;
}

export interface PdqResult {
  /** 64 lower-case hex digits. */
  hashHex: string;
  /** 0–100; below 50 the hash should not be matched on. */
  quality: number;
}

function checkSize(widthPx: number, heightPx: number): void {
  if (!Number.isSafeInteger(widthPx) || !Number.isSafeInteger(heightPx) || widthPx < 0 || heightPx < 0) {
    throw new RangeError(`PDQ: image size ${widthPx}×${heightPx} is not a pixel size`);
  }
}

/**
 * PDQ of a luma image (`heightPx` rows × `widthPx` columns, row-major, 0–255 floats).
 * `luma` is used as working space and overwritten.
 */
export function pdqHashFromLuma(luma: Float32Array, widthPx: number, heightPx: number): PdqResult {
  checkSize(widthPx, heightPx);
  if (luma.length < widthPx * heightPx) throw new RangeError(`PDQ: ${luma.length} luma values cannot hold ${widthPx}×${heightPx}`);
  if (widthPx < MIN_HASHABLE_PX || heightPx < MIN_HASHABLE_PX) return { hashHex: EMPTY_HASH_HEX, quality: 0 };
  const image64 = downsampleTo64(luma, heightPx, widthPx);
  const quality = pdqQuality(image64);
  return { hashHex: pdqHexFromBits(bitsAboveMedian(dct64To16(image64))), quality };
}

/** PDQ of 8-bit pixels (RGB, RGBA, grey or grey + alpha), as the reference's hasher on the same pixels. */
export function pdqHashFromPixels(image: PdqPixels): PdqResult {
  checkSize(image.widthPx, image.heightPx);
  return pdqHashFromLuma(lumaFromPixels(image.pixels, image.widthPx, image.heightPx, image.channels), image.widthPx, image.heightPx);
}

/** PDQ of interleaved 8-bit RGB. */
export function pdqHashFromRgb(image: { widthPx: number; heightPx: number; rgb: Uint8Array }): PdqResult {
  return pdqHashFromPixels({ widthPx: image.widthPx, heightPx: image.heightPx, pixels: image.rgb, channels: 3 });
}
