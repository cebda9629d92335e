/** Measurements on decoded pixels, used to check what an investigator would see. */
import sharp from 'sharp';

export interface DecodedRgb {
  data: Buffer;
  widthPx: number;
  heightPx: number;
}

/** Decodes like a browser shows it: sRGB, three channels, 8 bits. */
export async function decodeRgb(bytes: Uint8Array): Promise<DecodedRgb> {
  const { data, info } = await sharp(bytes).toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
  return { data, widthPx: info.width, heightPx: info.height };
}

/** Largest |R−G| or |R−B| over all pixels: 0 for a truly grey image. */
export function maxChannelSpread(image: DecodedRgb): number {
  let spread = 0;
  for (let i = 0; i < image.data.length; i += 3) {
    const r = image.data[i] ?? 0;
    spread = Math.max(spread, Math.abs(r - (image.data[i + 1] ?? 0)), Math.abs(r - (image.data[i + 2] ?? 0)));
  }
  return spread;
}

/** Grey level per pixel (mean of channels). */
export function luminance(image: DecodedRgb): Float32Array {
  const out = new Float32Array(image.widthPx * image.heightPx);
  for (let p = 0; p < out.length; p += 1) {
    out[p] = ((image.data[p * 3] ?? 0) + (image.data[p * 3 + 1] ?? 0) + (image.data[p * 3 + 2] ?? 0)) / 3;
  }
  return out;
}

/**
 * High-frequency energy: mean |difference| between horizontally and vertically
 * neighbouring pixels. Blur drives it towards 0; sharp edges and noise keep it high.
 */
export function edgeEnergy(image: DecodedRgb): number {
  const grey = luminance(image);
  const w = image.widthPx;
  const h = image.heightPx;
  let sum = 0;
  let count = 0;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const here = grey[y * w + x] ?? 0;
      if (x + 1 < w) {
        sum += Math.abs(here - (grey[y * w + x + 1] ?? 0));
        count += 1;
      }
      if (y + 1 < h) {
        sum += Math.abs(here - (grey[(y + 1) * w + x] ?? 0));
        count += 1;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** Mean absolute difference of two same-sized images' grey levels. */
export function meanAbsDifference(a: DecodedRgb, b: DecodedRgb): number {
  if (a.widthPx !== b.widthPx || a.heightPx !== b.heightPx) throw new Error('sizes differ');
  const ga = luminance(a);
  const gb = luminance(b);
  let sum = 0;
  for (let i = 0; i < ga.length; i += 1) sum += Math.abs((ga[i] ?? 0) - (gb[i] ?? 0));
  return sum / ga.length;
}

/** The unfiltered reference: the source fitted to the same size, nothing else. */
export async function resizedReference(filePath: string, widthPx: number, heightPx: number): Promise<DecodedRgb> {
  const png = await sharp(filePath, { autoOrient: true }).resize(widthPx, heightPx, { fit: 'fill' }).png().toBuffer();
  return decodeRgb(png);
}

/**
 * A derivative as the renderer shows it in a `widthPx` × `heightPx` box: the browser enlarges
 * a reduced still with bilinear filtering (Chromium, Firefox and Safari all do for upscales).
 */
export async function shownAt(bytes: Uint8Array, widthPx: number, heightPx: number): Promise<DecodedRgb> {
  const png = await sharp(bytes).resize(widthPx, heightPx, { fit: 'fill', kernel: 'linear' }).png().toBuffer();
  return decodeRgb(png);
}

/** The look a blur level aims for: the source fitted to the size, grey, blurred there by `sigmaPx`. */
export async function fullSizeGaussian(filePath: string, widthPx: number, heightPx: number, sigmaPx: number): Promise<DecodedRgb> {
  const png = await sharp(filePath, { autoOrient: true }).resize(widthPx, heightPx, { fit: 'fill' }).greyscale().blur(sigmaPx).png().toBuffer();
  return decodeRgb(png);
}
