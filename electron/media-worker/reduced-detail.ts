/**
 * The two reduced-detail styles besides blur (docs/decisions/reduced-detail-filters.md), drawn
 * at a small working size that the renderer enlarges, like a strongly blurred copy:
 * - illustration: flat tones (each channel posterised to a few levels after a median filter)
 *   under soft dark outlines (Sobel gradient magnitude, convolved by libvips);
 * - silhouette: two grey tones split at Otsu's threshold: shapes only, never colour.
 * The blur level sets the working size, so a level hides as much in every style and at every
 * derivative size (a thumbnail and a view of one file show the same picture, enlarged).
 */
import sharp, { type Sharp } from 'sharp';
import type { DerivativePlan } from './derive-plan.js';
import type { DeriveLimits } from './open-input.js';
import {
  ANTI_ALIAS_SIGMA_PX,
  ILLUSTRATION_LEVELS,
  OUTLINE_FROM,
  OUTLINE_FULL,
  OUTLINE_STRENGTH,
  SILHOUETTE_DARK,
  SILHOUETTE_LIGHT,
  workingSize,
  type ReducedStyle,
  type VeiledLevel,
} from './reduced-detail-looks.js';

const NEUTRAL_GREY = { r: 128, g: 128, b: 128 };
const JPEG_QUALITY = 92;
/** Sobel kernels, scaled by 1/8 so the largest response (4 × 255) fits around the offset of 128. */
const SOBEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
const SOBEL_Y = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
const SOBEL_SCALE = 8;
const SOBEL_OFFSET = 128;

export interface StillPixels {
  data: Buffer;
  info: { width: number; height: number };
}

/**
 * Draws `image` (not yet resized) in `style` at the working size for `level`, as a
 * metadata-free JPEG: one channel when grey (a silhouette always is). Throws what sharp throws.
 */
export async function renderReducedDetail(
  image: Sharp,
  style: ReducedStyle,
  level: VeiledLevel,
  greyscale: boolean,
  plan: DerivativePlan,
  limits: DeriveLimits,
): Promise<StillPixels> {
  const { widthPx, heightPx } = workingSize({ widthPx: plan.fittedWidthPx, heightPx: plan.fittedHeightPx }, style, level);
  const small = image
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(widthPx, heightPx, { fit: 'fill', fastShrinkOnLoad: true })
    .flatten({ background: NEUTRAL_GREY })
    // Detail near the working size's own resolution would alias into patterns that the tones and outlines then sharpen.
    .blur(ANTI_ALIAS_SIGMA_PX);
  const grey = style === 'silhouette' || greyscale;
  const toned = grey ? small.greyscale().toColourspace('b-w') : small.toColourspace('srgb');
  const { data, info } = await toned.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 } as const;
  const drawn = style === 'silhouette' ? silhouette(data) : await illustration(data, raw, limits);
  // libvips turns one-channel raw input into sRGB on the way; 'b-w' keeps it one channel (R=G=B when decoded).
  const encoded = raw.channels === 1 ? sharp(drawn, { raw }).toColourspace('b-w') : sharp(drawn, { raw });
  return encoded.jpeg({ quality: JPEG_QUALITY, mozjpeg: false, chromaSubsampling: '4:4:4' }).toBuffer({ resolveWithObject: true });
}

type RawShape = { width: number; height: number; channels: 1 | 3 };

async function illustration(data: Buffer, raw: RawShape, limits: DeriveLimits): Promise<Buffer> {
  // A median first, so texture (skin, hair, noise) does not survive as speckled tones or outlines.
  const median = sharp(data, { raw }).timeout({ seconds: limits.timeoutSeconds }).median(3);
  const smooth = await (raw.channels === 1 ? median.toColourspace('b-w') : median).raw({ depth: 'uchar' }).toBuffer();
  const luma = raw.channels === 1 ? smooth : await sharp(smooth, { raw }).greyscale().toColourspace('b-w').raw({ depth: 'uchar' }).toBuffer();
  const lumaRaw = { width: raw.width, height: raw.height, channels: 1 } as const;
  const gradient = (kernel: number[]): Promise<Buffer> =>
    sharp(luma, { raw: lumaRaw })
      .convolve({ width: 3, height: 3, kernel, scale: SOBEL_SCALE, offset: SOBEL_OFFSET })
      .extractChannel(0)
      .raw({ depth: 'uchar' })
      .toBuffer();
  const [gx, gy] = await Promise.all([gradient(SOBEL_X), gradient(SOBEL_Y)]);
  const step = 255 / (ILLUSTRATION_LEVELS - 1);
  const out = Buffer.allocUnsafe(smooth.length);
  for (let p = 0; p < raw.width * raw.height; p += 1) {
    const magnitude = 2 * Math.hypot((gx[p] ?? SOBEL_OFFSET) - SOBEL_OFFSET, (gy[p] ?? SOBEL_OFFSET) - SOBEL_OFFSET);
    const outline = Math.min(1, Math.max(0, (magnitude - OUTLINE_FROM) / (OUTLINE_FULL - OUTLINE_FROM)));
    const keep = 1 - OUTLINE_STRENGTH * outline;
    for (let c = 0; c < raw.channels; c += 1) {
      const i = p * raw.channels + c;
      out[i] = Math.round(Math.round((smooth[i] ?? 0) / step) * step * keep);
    }
  }
  return out;
}

/** Two tones split at Otsu's threshold (the split that best separates the histogram's two groups). */
function silhouette(grey: Buffer): Buffer {
  const histogram = new Array<number>(256).fill(0);
  for (const value of grey) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = grey.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v += 1) sumAll += v * (histogram[v] ?? 0);
  let below = 0;
  let sumBelow = 0;
  let best = { threshold: 127, spread: -1 };
  for (let v = 0; v < 256; v += 1) {
    below += histogram[v] ?? 0;
    sumBelow += v * (histogram[v] ?? 0);
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const spread = below * above * (sumBelow / below - (sumAll - sumBelow) / above) ** 2;
    if (spread > best.spread) best = { threshold: v, spread };
  }
  return Buffer.from(grey.map((value) => (value <= best.threshold ? SILHOUETTE_DARK : SILHOUETTE_LIGHT)));
}
