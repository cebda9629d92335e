/**
 * The grid thumbnail and the PDQ hash of an image from one decode. The file is decoded once,
 * shrunk on load to fit PDQ_DECODE_PX (JPEG's DCT scaling does most of the work); PDQ hashes
 * those pixels and the thumbnail is made from the same raw pixels, so PDQ costs the hash and a
 * slightly larger decode, not a second read of the evidence.
 *
 * The pre-resize moves a hash by a few bits against the reference's full-size hash
 * (docs/decisions/pdq-from-the-thumbnail-decode.md), far inside PDQ's match distance of 31.
 */
import sharp, { type Sharp } from 'sharp';
import type { MediaError } from '../../shared/case/media-item.js';
import { lumaFromPixels } from '../../shared/known/pdq/luma.js';
import { pdqHashFromLuma, type PdqResult } from '../../shared/known/pdq/pdq-hash.js';
import type { PdqValue } from './protocol.js';
import { planeAsStored } from '../../shared/known/pdq/stored-orientation.js';
import { exactBytes, renderDerivative, type DerivedImage, type DeriveInput } from './derive-image.js';
import { planDerivative, type DerivativePlan } from './derive-plan.js';
import { mediaErrorFromSharp } from './media-errors.js';
import { DEFAULT_DERIVE_LIMITS, openInput, type DeriveLimits } from './open-input.js';

/**
 * Long edge, in pixels, of the decode PDQ hashes (never enlarged): the size the reference's
 * Python and Java tools allow as a pre-resize, large enough for PDQ's 64×64 tent filter.
 */
export const PDQ_DECODE_PX = 512;

/** The picture's own size in pixels (as the file holds it, not as decoded for the hash). */
interface PictureSize {
  widthPx: number;
  heightPx: number;
}

export type ThumbnailAndPdqResult = { ok: true; thumbnail: DerivedImage; pdq: PdqResult; picture: PictureSize } | { ok: false; error: MediaError };
type PdqOfImageResult = { ok: true; pdq: PdqResult; picture: PictureSize } | { ok: false; error: MediaError };

/** What the reference gives a picture too small to hash (under 5 px a side); a real hash has about half its bits set. */
const UNHASHABLE_HEX = '0'.repeat(64);

interface DecodedPixels {
  data: Buffer;
  widthPx: number;
  heightPx: number;
  channels: 1 | 2 | 3 | 4;
}

function pixelChannels(channels: number): 1 | 2 | 3 | 4 {
  if (channels === 1 || channels === 2 || channels === 3 || channels === 4) return channels;
  throw new Error(`decoded image has ${channels} channels`);
}

/**
 * One decode, fitted inside `longEdgePx`, as 8-bit sRGB (or grey) with any alpha kept for the
 * thumbnail's flatten. Shrink-on-load picks the largest JPEG scale that still covers the size.
 */
async function decodeFitted(image: Sharp, longEdgePx: number, limits: DeriveLimits): Promise<DecodedPixels> {
  const { data, info } = await image
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(longEdgePx, longEdgePx, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, widthPx: info.width, heightPx: info.height, channels: pixelChannels(info.channels) };
}

/**
 * PDQ of the decoded (oriented) pixels, hashed in the file's stored orientation because that is
 * how known hash sets are made. Alpha is ignored, as the reference's decode removes it.
 */
function pdqOfDecoded(decoded: DecodedPixels, orientation: number): PdqResult {
  const shown = lumaFromPixels(decoded.data, decoded.widthPx, decoded.heightPx, decoded.channels);
  const stored = planeAsStored(shown, decoded.widthPx, decoded.heightPx, orientation);
  return pdqHashFromLuma(stored.plane, stored.widthPx, stored.heightPx);
}

/** The thumbnail from the decoded pixels: deriveImage's own recipe (renderDerivative), from raw pixels instead of the file. */
async function thumbnailOfDecoded(decoded: DecodedPixels, input: DeriveInput, limits: DeriveLimits, plan: DerivativePlan): Promise<DerivedImage> {
  const raw = sharp(decoded.data, { raw: { width: decoded.widthPx, height: decoded.heightPx, channels: decoded.channels } });
  const { data, info } = await renderDerivative(raw, input, limits, plan);
  return { ok: true, bytes: exactBytes(data), mime: 'image/jpeg', widthPx: info.width, heightPx: info.height };
}

/**
 * The thumbnail `deriveImage(input)` would make (same plan, flatten, colour, blur and encoding,
 * resized from a decode of at least PDQ_DECODE_PX instead of straight from the file) and the
 * PDQ hash with its quality, from a single decode. For images larger than `longEdgePx` and
 * PDQ_DECODE_PX the hash is of the pre-resized pixels (a few bits from the full-size hash).
 * Call it for the grid thumbnail (`longEdgePx` ≤ PDQ_DECODE_PX): a larger `longEdgePx` is
 * decoded, and hashed, at that size, so the same file would get a hash a few bits apart.
 * Never throws: every failure is a MediaError, and then neither result exists.
 */
export async function thumbnailAndPdq(input: DeriveInput, limits: DeriveLimits = DEFAULT_DERIVE_LIMITS): Promise<ThumbnailAndPdqResult> {
  const opened = await openInput(input.filePath, limits);
  if (!opened.ok) return opened;
  try {
    const plan = planDerivative(opened.widthPx, opened.heightPx, input.longEdgePx, input.blur);
    const { orientation = 1 } = await opened.image.metadata();
    const decoded = await decodeFitted(opened.image, Math.max(PDQ_DECODE_PX, input.longEdgePx), limits);
    const pdq = pdqOfDecoded(decoded, orientation);
    const thumbnail = await thumbnailOfDecoded(decoded, input, limits, plan);
    return { ok: true, thumbnail, pdq, picture: { widthPx: opened.widthPx, heightPx: opened.heightPx } };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

/**
 * The PDQ hash alone (the background pass), decoded exactly as thumbnailAndPdq decodes for a
 * grid thumbnail (fitted inside PDQ_DECODE_PX), so either path gives a file the same hash.
 * Never throws: every failure is a MediaError.
 */
export async function pdqOfImage(filePath: string, limits: DeriveLimits = DEFAULT_DERIVE_LIMITS): Promise<PdqOfImageResult> {
  const opened = await openInput(filePath, limits);
  if (!opened.ok) return opened;
  try {
    const { orientation = 1 } = await opened.image.metadata();
    const pdq = pdqOfDecoded(await decodeFitted(opened.image, PDQ_DECODE_PX, limits), orientation);
    return { ok: true, pdq, picture: { widthPx: opened.widthPx, heightPx: opened.heightPx } };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

/** The hash as the protocol carries it, with the picture's size: null for a picture PDQ cannot hash, rather than the reference's all-zero hash. */
export function pdqValueOf(result: PdqResult, picture: PictureSize): PdqValue {
  return result.hashHex === UNHASHABLE_HEX ? null : { hex: result.hashHex, quality: result.quality, widthPx: picture.widthPx, heightPx: picture.heightPx };
}
