import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveImage } from '../../../electron/media-worker/derive-image.js';
import { PDQ_DECODE_PX, thumbnailAndPdq, type ThumbnailAndPdqResult } from '../../../electron/media-worker/pdq-of-image.js';
import { configureSharp } from '../../../electron/media-worker/sharp-setup.js';
import { pdqDistance } from '../../../shared/known/pdq/hamming.js';
import { pdqBitsFromHex } from '../../../shared/known/pdq/hash-hex.js';
import { pdqHashFromPixels } from '../../../shared/known/pdq/pdq-hash.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../shared/media/derivative.js';
import { decodeRgb, maxChannelSpread, meanAbsDifference } from '../electron/media-worker/image-metrics.js';
import { sharpFromRaw, syntheticRaw, writeBytes, writeSynthetic } from '../electron/media-worker/synthetic-image.js';
import { REFERENCE_DIR, referenceRows } from './pdq-reference-images.js';

/**
 * Measured on the reference images (docs/decisions/pdq-from-the-thumbnail-decode.md): the
 * pre-resize to 512 px moves a hash by 0–12 bits, as the reference README found.
 */
const MAX_BITS_FROM_PRE_RESIZE = 12;
const THUMB = { longEdgePx: DERIVATIVE_LONG_EDGE_PX.thumb, greyscale: true, blur: 'strong' } as const;
const SOURCE = { widthPx: 2400, heightPx: 1600, seed: 11 };

let dir = '';

function expectBoth(result: ThumbnailAndPdqResult): Extract<ThumbnailAndPdqResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a thumbnail and a hash, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

function bitsApart(a: string, b: string): number {
  return pdqDistance(pdqBitsFromHex(a), pdqBitsFromHex(b));
}

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-pdq-thumb-'));
}, 60_000);

afterAll(async () => {
  // Other test files may share this process; give them sharp's default loaders back.
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  await rm(dir, { recursive: true, force: true });
});

describe('thumbnailAndPdq on a generated photo-sized JPEG', () => {
  it('makes the grid’s thumbnail and a trustworthy PDQ close to the full-size hash', async () => {
    const filePath = await writeSynthetic(path.join(dir, 'scene.jpg'), SOURCE, 'jpeg', 90);
    const both = expectBoth(await thumbnailAndPdq({ filePath, ...THUMB }));
    const alone = await deriveImage({ filePath, ...THUMB });
    if (!alone.ok) throw new Error(alone.error.code);

    // The same plan, and to the eye the same picture as the thumbnail made alone.
    expect({ widthPx: both.thumbnail.widthPx, heightPx: both.thumbnail.heightPx }).toEqual({ widthPx: alone.widthPx, heightPx: alone.heightPx });
    expect(both.thumbnail.mime).toBe('image/jpeg');
    const [mine, theirs] = await Promise.all([decodeRgb(both.thumbnail.bytes), decodeRgb(alone.bytes)]);
    expect(maxChannelSpread(mine)).toBe(0);
    expect(meanAbsDifference(mine, theirs)).toBeLessThan(2);

    const { data, info } = await sharp(filePath).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const fullSize = pdqHashFromPixels({ widthPx: info.width, heightPx: info.height, channels: 3, pixels: data });
    expect(both.pdq.quality).toBe(fullSize.quality);
    expect(both.pdq.quality).toBeGreaterThanOrEqual(50);
    expect(bitsApart(both.pdq.hashHex, fullSize.hashHex)).toBeLessThanOrEqual(MAX_BITS_FROM_PRE_RESIZE);
  });

  it.each([
    { greyscale: true, blur: 'off' },
    { greyscale: false, blur: 'off' },
    { greyscale: false, blur: 'light' },
    { greyscale: false, blur: 'strong' },
  ] as const)('a transparent PNG, greyscale $greyscale, blur $blur: the thumbnail deriveImage makes', async (profile) => {
    const filePath = await writeSynthetic(path.join(dir, `alpha-${String(profile.greyscale)}-${profile.blur}.png`), { ...SOURCE, alpha: true }, 'png');
    const input = { filePath, longEdgePx: DERIVATIVE_LONG_EDGE_PX.thumb, ...profile };
    const both = expectBoth(await thumbnailAndPdq(input));
    const alone = await deriveImage(input);
    if (!alone.ok) throw new Error(alone.error.code);
    expect({ widthPx: both.thumbnail.widthPx, heightPx: both.thumbnail.heightPx }).toEqual({ widthPx: alone.widthPx, heightPx: alone.heightPx });
    const [mine, theirs] = await Promise.all([decodeRgb(both.thumbnail.bytes), decodeRgb(alone.bytes)]);
    // Flattened onto the same grey, in the same colours: only resampling differs.
    expect(meanAbsDifference(mine, theirs)).toBeLessThan(3);
    expect(maxChannelSpread(mine) === 0).toBe(profile.greyscale);
  });

  it('hashes the pixels as stored, whatever the EXIF orientation, while the thumbnail is shown upright', async () => {
    const raw = syntheticRaw({ widthPx: 1200, heightPx: 800, seed: 5 });
    const plain = path.join(dir, 'plain.jpg');
    const tagged = path.join(dir, 'rotated-by-exif.jpg');
    await sharpFromRaw(raw).jpeg({ quality: 90 }).toFile(plain);
    await sharpFromRaw(raw).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toFile(tagged);
    const [upright, sideways] = await Promise.all([thumbnailAndPdq({ filePath: plain, ...THUMB }), thumbnailAndPdq({ filePath: tagged, ...THUMB })]);
    const a = expectBoth(upright);
    const b = expectBoth(sideways);
    expect(b.thumbnail.heightPx).toBe(a.thumbnail.widthPx);
    expect(bitsApart(a.pdq.hashHex, b.pdq.hashHex)).toBeLessThanOrEqual(2);
    expect(b.pdq.quality).toBe(a.pdq.quality);
  });

  it('hashes an image already smaller than the pre-resize at full size, exactly as the reference', async () => {
    const filePath = await writeSynthetic(path.join(dir, 'small.png'), { widthPx: 400, heightPx: 300, seed: 9, alpha: true }, 'png');
    const both = expectBoth(await thumbnailAndPdq({ filePath, ...THUMB }));
    const { data, info } = await sharp(filePath).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    expect(both.pdq).toEqual(pdqHashFromPixels({ widthPx: info.width, heightPx: info.height, channels: 3, pixels: data }));
  });

  it('gives neither a thumbnail nor a hash for a file that is not an image, and says why', async () => {
    const filePath = await writeBytes(path.join(dir, 'not-an-image.jpg'), 'this is text, not a JPEG');
    const result = await thumbnailAndPdq({ filePath, ...THUMB });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['unsupported-format', 'decode-failed']).toContain(result.error.code);
  });
});

describe('what the pre-resize costs on the reference images', () => {
  it.each(referenceRows())(`$file: within ${MAX_BITS_FROM_PRE_RESIZE} bits of the full-size reference, same quality`, async (row) => {
    const both = expectBoth(await thumbnailAndPdq({ filePath: path.join(REFERENCE_DIR, 'images', row.file), ...THUMB }));
    const bits = bitsApart(both.pdq.hashHex, row.hashHex);
    expect(bits).toBeLessThanOrEqual(MAX_BITS_FROM_PRE_RESIZE);
    expect(both.pdq.quality).toBe(row.quality);
    // Images that fit the pre-resize are hashed at full size: the port's exactness must show.
    if (Math.max(row.widthPx, row.heightPx) <= PDQ_DECODE_PX) expect(bits).toBe(0);
  });
});
