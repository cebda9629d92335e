import type { Sharp } from 'sharp';
import type { MediaError } from '../../shared/case/media-item.js';
import type { BlurLevel, FilterStyle } from '../../shared/media/filter-profile.js';
import { planDerivative, type DerivativePlan } from './derive-plan.js';
import { mediaErrorFromSharp } from './media-errors.js';
import { DEFAULT_DERIVE_LIMITS, openInput, type DeriveLimits } from './open-input.js';
import { renderReducedDetail, type StillPixels } from './reduced-detail.js';

export { DEFAULT_DERIVE_LIMITS, type DeriveLimits } from './open-input.js';

export interface DeriveInput {
  /** Absolute path of the case file; the worker reads it itself, read-only. */
  filePath: string;
  /** The output fits inside a square of this many pixels, never enlarged. */
  longEdgePx: number;
  greyscale: boolean;
  blur: BlurLevel;
  /** How detail is taken away; 'blur' when absent. */
  style?: FilterStyle;
}

/** JPEG, chosen by measurement (docs/decisions/blur-scales.md): 2-10× faster to encode than WebP, and a one-channel JPEG decodes with R=G=B exactly. */
const STILL_MIME = 'image/jpeg';
type StillMime = typeof STILL_MIME;

export interface DerivedImage {
  ok: true;
  bytes: Uint8Array;
  mime: StillMime;
  widthPx: number;
  heightPx: number;
}
export type DeriveResult = DerivedImage | { ok: false; error: MediaError };

/** Transparent areas become mid grey: neither a white flash nor a black hole. */
const NEUTRAL_GREY = { r: 128, g: 128, b: 128 };
/** Blurred images hide JPEG artefacts; an unblurred image (a reveal) gets more bits. */
const JPEG_QUALITY_BLURRED = 80;
const JPEG_QUALITY_UNBLURRED = 88;

/**
 * Makes a filtered still from a case file: oriented by EXIF, fitted inside `longEdgePx`,
 * flattened onto grey, greyscale when asked, blurred with a sigma relative to the fitted
 * long edge, encoded as metadata-free JPEG. A strongly blurred still is written at a reduced
 * size of the same shape (`widthPx`/`heightPx` say which) for the renderer to enlarge.
 * Never throws: every failure is a MediaError.
 */
export async function deriveImage(input: DeriveInput, limits: DeriveLimits = DEFAULT_DERIVE_LIMITS): Promise<DeriveResult> {
  const opened = await openInput(input.filePath, limits);
  if (!opened.ok) return opened;
  try {
    const plan = planDerivative(opened.widthPx, opened.heightPx, input.longEdgePx, input.blur);
    const { data, info } = await renderDerivative(opened.image, input, limits, plan);
    return { ok: true, bytes: exactBytes(data), mime: STILL_MIME, widthPx: info.width, heightPx: info.height };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

/**
 * The still for a plan in the input's style: blurred by renderStill, or drawn as an
 * illustration or silhouette (reduced-detail.ts). A level of 'off' is unfiltered in every style.
 */
export function renderDerivative(
  image: Sharp,
  input: Omit<DeriveInput, 'filePath' | 'longEdgePx'>,
  limits: DeriveLimits,
  plan: DerivativePlan,
): Promise<StillPixels> {
  const style = input.style ?? 'blur';
  if (style !== 'blur' && input.blur !== 'off') return renderReducedDetail(image, style, input.blur, input.greyscale, plan, limits);
  return renderStill(image, input, limits, plan).toBuffer({ resolveWithObject: true });
}

/**
 * One pass for every plan: resize (shrink-on-load applies), flatten, colour, blur, encode.
 * A 'reduced' plan is not enlarged back: the renderer draws every still scaled to fit its box
 * (object-fit: contain), and the browser's bilinear enlargement of a copy blurred by ≈ 3 px
 * looks like the full-size Gaussian (docs/decisions/blur-scales.md).
 */
function renderStill(image: Sharp, input: Pick<DeriveInput, 'greyscale'>, limits: DeriveLimits, plan: DerivativePlan): Sharp {
  const resized = image
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(plan.widthPx, plan.heightPx, { fit: 'fill', fastShrinkOnLoad: true })
    .flatten({ background: NEUTRAL_GREY });
  // 'b-w' makes a one-channel JPEG, which every decoder expands to R=G=B exactly.
  const coloured = input.greyscale ? resized.greyscale().toColourspace('b-w') : resized.toColourspace('srgb');
  const blurred = plan.blur.method === 'none' ? coloured : coloured.blur(plan.blur.sigmaPx);
  const quality = plan.blur.method === 'none' ? JPEG_QUALITY_UNBLURRED : JPEG_QUALITY_BLURRED;
  // No withMetadata/keepExif: sharp writes no EXIF, XMP, IPTC or ICC unless asked. A reduced
  // copy keeps full-resolution colour: it is tiny, and the enlargement would magnify 4:2:0's halving.
  return blurred.jpeg({ quality, mozjpeg: false, chromaSubsampling: plan.blur.method === 'reduced' ? '4:4:4' : '4:2:0' });
}

/** A Uint8Array that owns exactly its bytes, so posting it copies nothing extra. */
export function exactBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) return buffer;
  return new Uint8Array(buffer);
}
