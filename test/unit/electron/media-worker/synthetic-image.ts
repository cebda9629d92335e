/**
 * Synthetic images for the media pipeline's tests and benchmark: a colour gradient,
 * a checkerboard band, hard-edged rectangles and discs, and seeded noise. Built from raw
 * pixels (no SVG), so it works in a process where configureSharp() has blocked loaders.
 */
import { writeFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';

export interface SyntheticSpec {
  widthPx: number;
  heightPx: number;
  seed?: number;
  /** Noise amplitude in grey levels (±); high values make large JPEG files. */
  noise?: number;
  /** Adds an alpha channel: the left quarter fully transparent, the rest opaque. */
  alpha?: boolean;
}

export type SyntheticFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif';

export interface RawImage {
  data: Buffer;
  widthPx: number;
  heightPx: number;
  channels: 3 | 4;
}

/** xorshift32: seeded, fast, good enough for texture. Returns floats in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

export function syntheticRaw(spec: SyntheticSpec): RawImage {
  const { widthPx: w, heightPx: h } = spec;
  const channels = spec.alpha ? 4 : 3;
  const random = seeded(spec.seed ?? 1);
  const noise = spec.noise ?? 24;
  const data = Buffer.alloc(w * h * channels);
  const cell = Math.max(2, Math.round(Math.min(w, h) / 40));
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let r = (255 * x) / w;
      let g = (255 * y) / h;
      let b = 128 + 90 * Math.sin(x / 37) * Math.cos(y / 23);
      // A checkerboard band across the top: the sharpest detail a blur must remove.
      if (y < h / 5 && ((Math.floor(x / cell) + Math.floor(y / cell)) & 1) === 1) {
        r = 255 - r;
        g = 255 - g;
        b = 255 - b;
      }
      const n = (random() - 0.5) * 2 * noise;
      const i = (y * w + x) * channels;
      data[i] = clampByte(r + n);
      data[i + 1] = clampByte(g + n);
      data[i + 2] = clampByte(b + n);
      if (channels === 4) data[i + 3] = x < w / 4 ? 0 : 255;
    }
  }
  const shortEdge = Math.min(w, h);
  for (let s = 0; s < 24; s += 1) {
    const cx = random() * w;
    const cy = random() * h;
    const radius = (0.02 + random() * 0.08) * shortEdge;
    const colour = [random() * 255, random() * 255, random() * 255];
    const disc = random() < 0.5;
    const x0 = Math.max(0, Math.floor(cx - radius));
    const x1 = Math.min(w - 1, Math.ceil(cx + radius));
    const y0 = Math.max(0, Math.floor(cy - radius));
    const y1 = Math.min(h - 1, Math.ceil(cy + radius));
    for (let y = y0; y <= y1; y += 1) {
      for (let x = x0; x <= x1; x += 1) {
        if (disc && (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
        const i = (y * w + x) * channels;
        data[i] = colour[0] ?? 0;
        data[i + 1] = colour[1] ?? 0;
        data[i + 2] = colour[2] ?? 0;
      }
    }
  }
  return { data, widthPx: w, heightPx: h, channels };
}

export function sharpFromRaw(raw: RawImage): Sharp {
  return sharp(raw.data, { raw: { width: raw.widthPx, height: raw.heightPx, channels: raw.channels } });
}

export function encode(image: Sharp, format: SyntheticFormat, quality = 85): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality });
    case 'png':
      return image.png({ compressionLevel: 3 });
    case 'webp':
      return image.webp({ quality });
    case 'gif':
      return image.gif();
    case 'tiff':
      return image.tiff({ compression: 'lzw' });
    case 'avif':
      return image.avif({ quality: 60, effort: 0 });
  }
}

/** Writes a synthetic image in `format` and returns its path. */
export async function writeSynthetic(filePath: string, spec: SyntheticSpec, format: SyntheticFormat, quality?: number): Promise<string> {
  await encode(sharpFromRaw(syntheticRaw(spec)), format, quality).toFile(filePath);
  return filePath;
}

export async function writeBytes(filePath: string, bytes: Uint8Array | string): Promise<string> {
  await writeFile(filePath, bytes);
  return filePath;
}
