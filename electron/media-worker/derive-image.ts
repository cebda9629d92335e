import { open } from 'node:fs/promises';
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import type { MediaError } from '../../shared/case/media-item.js';
import type { BlurLevel } from '../../shared/media/filter-profile.js';
import { planDerivative, type DerivativePlan } from './derive-plan.js';
import { mediaErrorFromFs, mediaErrorFromSharp } from './media-errors.js';

export interface DeriveInput {
  /** Absolute path of the case file; the worker reads it itself, read-only. */
  filePath: string;
  /** The output fits inside a square of this many pixels, never enlarged. */
  longEdgePx: number;
  greyscale: boolean;
  blur: BlurLevel;
}

export interface DeriveLimits {
  /** Files larger than this are refused before any decoder sees them ('too-large'). */
  maxInputBytes: number;
  /** Declared width × height above this is refused from the header ('too-many-pixels'). */
  maxInputPixels: number;
  /** libvips gives up on one pipeline after this long ('timed-out'); the pool has its own, longer limit. */
  timeoutSeconds: number;
}

export const DEFAULT_DERIVE_LIMITS: DeriveLimits = {
  maxInputBytes: 512 * 1024 * 1024,
  maxInputPixels: 100_000_000,
  timeoutSeconds: 15,
};

/** JPEG, chosen by measurement (docs/decisions/blur-scales.md): 2-10× faster to encode than WebP, and a one-channel JPEG decodes with R=G=B exactly. */
export const STILL_MIME = 'image/jpeg';
export type StillMime = typeof STILL_MIME;

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
 * flattened onto grey, greyscale when asked, blurred with a sigma relative to the output's
 * long edge, encoded as metadata-free JPEG. Never throws: every failure is a MediaError.
 */
export async function deriveImage(input: DeriveInput, limits: DeriveLimits = DEFAULT_DERIVE_LIMITS): Promise<DeriveResult> {
  const sizeError = await checkFileSize(input.filePath, limits.maxInputBytes);
  if (sizeError) return { ok: false, error: sizeError };
  try {
    const header = await sharp(input.filePath, inputOptions(limits)).metadata();
    const plan = planDerivative(header.autoOrient.width, header.autoOrient.height, input.longEdgePx, input.blur);
    const { data, info } = await render(input, limits, plan);
    return { ok: true, bytes: exactBytes(data), mime: STILL_MIME, widthPx: info.width, heightPx: info.height };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

/** Stats through an open handle so the size checked is the size of the file opened. */
async function checkFileSize(filePath: string, maxInputBytes: number): Promise<MediaError | null> {
  try {
    const handle = await open(filePath, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { code: 'unreadable', detail: 'not a regular file' };
      if (stats.size === 0) return { code: 'empty-file', detail: 'the file has 0 bytes' };
      if (stats.size > maxInputBytes) {
        return { code: 'too-large', detail: `${stats.size} bytes; the limit is ${maxInputBytes} bytes` };
      }
      return null;
    } finally {
      await handle.close();
    }
  } catch (error) {
    return mediaErrorFromFs(error);
  }
}

function inputOptions(limits: DeriveLimits): SharpOptions {
  return {
    failOn: 'warning',
    limitInputPixels: limits.maxInputPixels,
    // The first frame of an animated GIF/WebP; a multi-page TIFF shows its first page.
    animated: false,
    sequentialRead: true,
    autoOrient: true,
  };
}

/** Decoded, oriented, resized to exactly `widthPx` × `heightPx` (shrink-on-load applies), alpha flattened. */
function decodeResized(input: DeriveInput, limits: DeriveLimits, widthPx: number, heightPx: number): Sharp {
  const image = sharp(input.filePath, inputOptions(limits))
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(widthPx, heightPx, { fit: 'fill', fastShrinkOnLoad: true })
    .flatten({ background: NEUTRAL_GREY });
  // 'b-w' makes a one-channel JPEG, which every decoder expands to R=G=B exactly.
  return input.greyscale ? image.greyscale().toColourspace('b-w') : image.toColourspace('srgb');
}

function encode(image: Sharp, input: DeriveInput): Sharp {
  const quality = input.blur === 'off' ? JPEG_QUALITY_UNBLURRED : JPEG_QUALITY_BLURRED;
  // No withMetadata/keepExif: sharp writes no EXIF, XMP, IPTC or ICC unless asked.
  return image.jpeg({ quality, mozjpeg: false });
}

async function render(input: DeriveInput, limits: DeriveLimits, plan: DerivativePlan) {
  const blur = plan.blur;
  if (blur.method !== 'reduced') {
    const image = decodeResized(input, limits, plan.widthPx, plan.heightPx);
    const blurred = blur.method === 'direct' ? image.blur(blur.sigmaPx) : image;
    return encode(blurred, input).toBuffer({ resolveWithObject: true });
  }
  // Large sigmas: blur a reduced copy (sigma ≈ 3 px there) and enlarge it. The same look,
  // and the small decode lets JPEG shrink-on-load skip most of the work.
  const small = await decodeResized(input, limits, blur.smallWidthPx, blur.smallHeightPx)
    .blur(blur.sigmaSmallPx)
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const enlarged = sharp(small.data, {
    raw: { width: small.info.width, height: small.info.height, channels: rawChannels(small.info.channels) },
  })
    .timeout({ seconds: limits.timeoutSeconds })
    // Bilinear: the copy is already smooth, so it matches cubic within a grey level and is
    // ~25 % cheaper (docs/decisions/blur-scales.md).
    .resize(plan.widthPx, plan.heightPx, { fit: 'fill', kernel: 'linear' });
  const coloured = input.greyscale ? enlarged.toColourspace('b-w') : enlarged.toColourspace('srgb');
  return encode(coloured, input).toBuffer({ resolveWithObject: true });
}

function rawChannels(channels: number): 1 | 2 | 3 | 4 {
  switch (channels) {
    case 1:
    case 2:
    case 3:
    case 4:
      return channels;
    default:
      throw new Error(`unexpected channel count ${channels} after decoding`);
  }
}

/** A Uint8Array that owns exactly its bytes, so posting it copies nothing extra. */
function exactBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) return buffer;
  return new Uint8Array(buffer);
}
