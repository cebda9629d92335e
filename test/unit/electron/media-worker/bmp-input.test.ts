import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BMP_HEAD_BYTES } from '../../../../electron/media-worker/bmp-header.js';
import { decodeBmp, type BmpDecodeResult } from '../../../../electron/media-worker/bmp-input.js';
import { DEFAULT_DERIVE_LIMITS, deriveImage, type DeriveResult } from '../../../../electron/media-worker/derive-image.js';
import { configureSharp } from '../../../../electron/media-worker/sharp-setup.js';
import { MediaErrorCodeSchema } from '../../../../shared/case/media-item.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../../shared/media/derivative.js';
import { decodeRgb, luminance, maxChannelSpread } from './image-metrics.js';
import { encodeInfoHeaderBmp, encodeWithFastBmp, lumaOf, patchedBmp } from './synthetic-bmp.js';
import { sharpFromRaw, syntheticRaw, writeBytes, type RawImage } from './synthetic-image.js';

const THUMB = DERIVATIVE_LONG_EDGE_PX.thumb;
let dir = '';
let fileCount = 0;

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-bmp-'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  await rm(dir, { recursive: true, force: true });
});

async function fileOf(bytes: Uint8Array, name = `file-${(fileCount += 1)}.bmp`): Promise<string> {
  return writeBytes(path.join(dir, name), bytes);
}

async function decodeFile(bytes: Buffer): Promise<BmpDecodeResult> {
  const handle = await open(await fileOf(bytes), 'r');
  try {
    return await decodeBmp(handle, bytes.subarray(0, BMP_HEAD_BYTES), bytes.length, DEFAULT_DERIVE_LIMITS.maxInputPixels);
  } finally {
    await handle.close();
  }
}

async function thumbOf(bytes: Uint8Array): Promise<DeriveResult> {
  return deriveImage({ filePath: await fileOf(bytes), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
}

function expectImage(result: DeriveResult): Extract<DeriveResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an image, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

/**
 * Four flat quadrants of different greys (or colours of different luma): a flip, a mirror,
 * a channel swap or a lost colour table each moves a quadrant's mean.
 */
function quadrants(widthPx: number, heightPx: number, colours: readonly (readonly [number, number, number])[]): RawImage {
  const data = Buffer.alloc(widthPx * heightPx * 3);
  for (let y = 0; y < heightPx; y += 1) {
    for (let x = 0; x < widthPx; x += 1) {
      const colour = colours[(y < heightPx / 2 ? 0 : 2) + (x < widthPx / 2 ? 0 : 1)] ?? [0, 0, 0];
      data.set(colour, (y * widthPx + x) * 3);
    }
  }
  return { data, widthPx, heightPx, channels: 3 };
}

const GREY_QUADRANTS = [
  [30, 30, 30],
  [220, 220, 220],
  [160, 160, 160],
  [90, 90, 90],
] as const;
const COLOUR_QUADRANTS = [
  [200, 30, 30],
  [30, 200, 60],
  [40, 60, 220],
  [230, 210, 40],
] as const;

/** Mean grey of the middle half of each quadrant, top-left, top-right, bottom-left, bottom-right. */
async function quadrantMeans(bytes: Uint8Array): Promise<number[]> {
  const image = await decodeRgb(bytes);
  const grey = luminance(image);
  const w = image.widthPx;
  const h = image.heightPx;
  return [0, 1, 2, 3].map((q) => {
    const x0 = (q % 2) * (w / 2) + w / 8;
    const y0 = Math.floor(q / 2) * (h / 2) + h / 8;
    let sum = 0;
    let count = 0;
    for (let y = Math.round(y0); y < Math.round(y0 + h / 4); y += 1) {
      for (let x = Math.round(x0); x < Math.round(x0 + w / 4); x += 1) {
        sum += grey[y * w + x] ?? 0;
        count += 1;
      }
    }
    return sum / count;
  });
}

/** The same pixels as a PNG through the same pipeline: what the BMP's derivative must look like. */
async function pngReference(raw: RawImage, name: string): Promise<number[]> {
  const png = path.join(dir, `${name}.png`);
  await sharpFromRaw(raw).png().toFile(png);
  const result = expectImage(await deriveImage({ filePath: png, longEdgePx: THUMB, greyscale: true, blur: 'strong' }));
  return quadrantMeans(result.bytes);
}

describe('decodeBmp gives back the exact pixels', () => {
  const raw = syntheticRaw({ widthPx: 37, heightPx: 23, seed: 4 });

  it("24-bit (fast-bmp's encoder, odd width so rows are padded): RGB, top row first", async () => {
    const result = await decodeFile(encodeWithFastBmp(raw, 24));
    expect(result).toMatchObject({ ok: true, pixels: { widthPx: 37, heightPx: 23, channels: 3 } });
    if (result.ok) expect(Buffer.from(result.pixels.data).equals(raw.data)).toBe(true);
  });

  it('24-bit top-down BITMAPINFOHEADER: the same pixels, the right way up', async () => {
    const result = await decodeFile(encodeInfoHeaderBmp({ widthPx: 37, heightPx: 23, topDown: true, bitsPerPixel: 24, pixels: raw.data }));
    if (!result.ok) throw new Error(result.error.detail);
    expect(Buffer.from(result.pixels.data).equals(raw.data)).toBe(true);
  });

  it('8-bit with a grey table: one channel of the grey values', async () => {
    const result = await decodeFile(encodeWithFastBmp(raw, 8));
    expect(result).toMatchObject({ ok: true, pixels: { channels: 1 } });
    if (result.ok) expect(Buffer.from(result.pixels.data).equals(Buffer.from(lumaOf(raw)))).toBe(true);
  });

  it('8-bit with a colour table: the colours the table names, not the indexes', async () => {
    const palette = [
      [250, 0, 0],
      [0, 0, 250],
      [10, 200, 10],
    ] as const;
    const indexes = new Uint8Array(6 * 4).map((_, i) => (i % 4 === 3 ? 7 : i % 3)); // 7 is past the table: black
    const result = await decodeFile(encodeInfoHeaderBmp({ widthPx: 6, heightPx: 4, bitsPerPixel: 8, pixels: indexes, palette }));
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.pixels.channels).toBe(3);
    expect([...result.pixels.data.subarray(0, 12)]).toEqual([250, 0, 0, 0, 0, 250, 10, 200, 10, 0, 0, 0]);
  });

  it('1-bit black and white, and 1-bit with a two-colour table', async () => {
    const bw = await decodeFile(encodeWithFastBmp(raw, 1));
    if (!bw.ok) throw new Error(bw.error.detail);
    expect(bw.pixels.channels).toBe(1);
    expect([...bw.pixels.data]).toEqual([...lumaOf(raw)].map((value) => (value >= 128 ? 255 : 0)));

    const bits = new Uint8Array(37 * 2).map((_, i) => (i % 5 === 0 ? 1 : 0));
    const tinted = await decodeFile(
      encodeInfoHeaderBmp({
        widthPx: 37,
        heightPx: 2,
        bitsPerPixel: 1,
        pixels: bits,
        palette: [
          [0, 0, 80],
          [255, 255, 0],
        ],
      }),
    );
    if (!tinted.ok) throw new Error(tinted.error.detail);
    expect([...tinted.pixels.data.subarray(0, 6)]).toEqual([255, 255, 0, 0, 0, 80]);
  });

  it('32-bit RGBA keeps its alpha; a fourth byte that is 0 everywhere is padding, not transparency', async () => {
    const alpha = syntheticRaw({ widthPx: 16, heightPx: 8, alpha: true });
    const withAlpha = await decodeFile(encodeWithFastBmp(alpha, 32));
    if (!withAlpha.ok) throw new Error(withAlpha.error.detail);
    expect(Buffer.from(withAlpha.pixels.data).equals(alpha.data)).toBe(true);

    const padded = new Uint8Array(16 * 8 * 4).map((_, i) => (i % 4 === 3 ? 0 : 100));
    const unused = await decodeFile(encodeInfoHeaderBmp({ widthPx: 16, heightPx: 8, bitsPerPixel: 32, pixels: padded }));
    if (!unused.ok) throw new Error(unused.error.detail);
    expect(unused.pixels.channels).toBe(4);
    expect(unused.pixels.data.every((value, i) => value === (i % 4 === 3 ? 255 : 100))).toBe(true);
  });
});

describe('a BMP ends as a veiled image like any other format', () => {
  it.each([
    ['24-bit (fast-bmp)', (raw: RawImage) => encodeWithFastBmp(raw, 24), COLOUR_QUADRANTS],
    ['32-bit (fast-bmp)', (raw: RawImage) => encodeWithFastBmp(raw, 32), COLOUR_QUADRANTS],
    [
      '24-bit top-down, BITMAPINFOHEADER',
      (raw: RawImage) => encodeInfoHeaderBmp({ widthPx: raw.widthPx, heightPx: raw.heightPx, topDown: true, bitsPerPixel: 24, pixels: raw.data }),
      COLOUR_QUADRANTS,
    ],
    ['8-bit grey table (fast-bmp)', (raw: RawImage) => encodeWithFastBmp(raw, 8), GREY_QUADRANTS],
  ] as const)('%s: grey, blurred, each region at the grey of its source', async (name, encodeBmp, colours) => {
    const raw = quadrants(600, 400, colours);
    const result = expectImage(await thumbOf(encodeBmp(raw)));
    expect(Math.max(result.widthPx, result.heightPx)).toBeLessThanOrEqual(THUMB);
    expect(result.widthPx / result.heightPx).toBeCloseTo(1.5, 1);
    const decoded = await decodeRgb(result.bytes);
    expect(maxChannelSpread(decoded)).toBe(0);
    const means = await quadrantMeans(result.bytes);
    const reference = await pngReference(raw, name.replace(/\W+/g, '-'));
    means.forEach((mean, q) => expect(Math.abs(mean - (reference[q] ?? 0))).toBeLessThan(1.5));
    if (colours === GREY_QUADRANTS) means.forEach((mean, q) => expect(Math.abs(mean - (colours[q]?.[0] ?? 0))).toBeLessThan(3));
  });

  it('1-bit (fast-bmp): black and white regions stay black and white', async () => {
    const raw = quadrants(600, 400, [
      [0, 0, 0],
      [255, 255, 255],
      [255, 255, 255],
      [0, 0, 0],
    ]);
    const means = await quadrantMeans(expectImage(await thumbOf(encodeWithFastBmp(raw, 1))).bytes);
    expect(means.map((mean) => Math.round(mean / 255))).toEqual([0, 1, 1, 0]);
    expect(means[0]).toBeLessThan(8);
    expect(means[1]).toBeGreaterThan(247);
  });

  it('an 8-bit colour table is applied before greyscale', async () => {
    const palette = [
      [200, 30, 30],
      [30, 200, 60],
      [40, 60, 220],
      [230, 210, 40],
    ] as const;
    const indexes = new Uint8Array(600 * 400).map((_, p) => (Math.floor(p / 600) < 200 ? 0 : 2) + (p % 600 < 300 ? 0 : 1));
    const bmp = encodeInfoHeaderBmp({ widthPx: 600, heightPx: 400, bitsPerPixel: 8, pixels: indexes, palette });
    const means = await quadrantMeans(expectImage(await thumbOf(bmp)).bytes);
    const reference = await pngReference(quadrants(600, 400, palette), 'palette');
    means.forEach((mean, q) => expect(Math.abs(mean - (reference[q] ?? 0))).toBeLessThan(1.5));
  });

  it('a transparent 32-bit BMP is flattened onto grey like a PNG', async () => {
    const raw = syntheticRaw({ widthPx: 400, heightPx: 200, alpha: true });
    const result = expectImage(await deriveImage({ filePath: await fileOf(encodeWithFastBmp(raw, 32)), longEdgePx: THUMB, greyscale: true, blur: 'off' }));
    const decoded = await decodeRgb(result.bytes);
    const value = decoded.data[(Math.floor(decoded.heightPx / 2) * decoded.widthPx + Math.floor(decoded.widthPx / 8)) * 3] ?? 0;
    expect(Math.abs(value - 128)).toBeLessThan(10);
  });

  it('a BMP named .jpg is still read as a BMP: the signature decides', async () => {
    const bytes = encodeWithFastBmp(quadrants(60, 40, GREY_QUADRANTS), 24);
    const result = await deriveImage({ filePath: await fileOf(bytes, 'renamed.jpg'), longEdgePx: THUMB, greyscale: true, blur: 'off' });
    expect(result).toMatchObject({ ok: true, widthPx: 60, heightPx: 40 });
  });
});

describe('hostile BMPs end as clear errors', () => {
  const valid = encodeWithFastBmp(syntheticRaw({ widthPx: 64, heightPx: 48 }), 24);

  it('a header claiming 100000 × 100000 pixels is too-many-pixels, decided from the header alone', async () => {
    const huge = patchedBmp(valid, (view) => {
      view.setInt32(18, 100_000, true);
      view.setInt32(22, 100_000, true);
    });
    // Spies call through: they only record the sizes asked for.
    const spies = [vi.spyOn(Buffer, 'alloc'), vi.spyOn(Buffer, 'allocUnsafe'), vi.spyOn(Buffer, 'allocUnsafeSlow')];
    const result = await thumbOf(huge);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-many-pixels' } });
    expect(result.ok ? '' : result.error.detail).toMatch(/100000×100000/);
    const sizes = spies.flatMap((spy) => spy.mock.calls.map(([size]) => size));
    expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(BMP_HEAD_BYTES);
  });

  it('a BMP within the byte cap but above a lower pixel limit is too-many-pixels', async () => {
    const result = await deriveImage(
      { filePath: await fileOf(valid), longEdgePx: THUMB, greyscale: true, blur: 'strong' },
      { ...DEFAULT_DERIVE_LIMITS, maxInputPixels: 64 * 48 - 1 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'too-many-pixels' } });
  });

  it.each([
    ['a truncated pixel array', valid.subarray(0, valid.length - 100), /pixel data is truncated/],
    ['a pixel offset past the end', patchedBmp(valid, (view) => view.setUint32(10, valid.length + 10, true)), /past the end of the file/],
    ['a negative width', patchedBmp(valid, (view) => view.setInt32(18, -64, true)), /width -64 is not positive/],
    ['a zero height', patchedBmp(valid, (view) => view.setInt32(22, 0, true)), /height is 0/],
    [
      'RLE8 compression',
      patchedBmp(valid, (view) => {
        view.setUint16(28, 8, true);
        view.setUint32(30, 1, true);
      }),
      /RLE8 compression is not supported/,
    ],
    ['16-bit pixels', patchedBmp(valid, (view) => view.setUint16(28, 16, true)), /16-bit pixels are not supported/],
    ['only the signature', Buffer.from('BM'), /ends inside its header/],
  ])('%s → decode-failed', async (_name, bytes, detail) => {
    const result = await thumbOf(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'decode-failed' } });
    expect(result.ok ? '' : result.error.detail).toMatch(detail);
  });

  it('random header bytes never throw or crash: each file is an image or a known error', async () => {
    const small = encodeWithFastBmp(syntheticRaw({ widthPx: 9, heightPx: 7 }), 32);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 2, max: 150 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          const bytes = Buffer.from(small);
          for (const [offset, value] of edits) bytes[offset] = value;
          const result = await thumbOf(bytes);
          if (!result.ok) expect(MediaErrorCodeSchema.options).toContain(result.error.code);
          else expect(result.widthPx).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
