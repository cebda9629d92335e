import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveImage, type DeriveInput, type DeriveResult } from '../../../../electron/media-worker/derive-image.js';
import { alignmentErrorPx } from '../../../../electron/media-worker/derive-plan.js';
import { thumbnailAndPdq } from '../../../../electron/media-worker/pdq-of-image.js';
import { configureSharp } from '../../../../electron/media-worker/sharp-setup.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../../shared/media/derivative.js';
import { decodeRgb, edgeEnergy, luminance, maxChannelSpread, meanAbsDifference, resizedReference, shownAt } from './image-metrics.js';
import { writeSynthetic } from './synthetic-image.js';

const THUMB = DERIVATIVE_LONG_EDGE_PX.thumb;
const VIEW = DERIVATIVE_LONG_EDGE_PX.view;
/** The synthetic source fitted in the thumbnail's box and in the view's. */
const THUMB_BOX = { widthPx: 320, heightPx: 240 };
const VIEW_BOX = { widthPx: 1200, heightPx: 900 };
const STYLES = ['illustration', 'silhouette'] as const;

let dir = '';
let source = '';

function expectImage(result: DeriveResult): Extract<DeriveResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an image, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

const derive = (input: Omit<DeriveInput, 'filePath'>) => deriveImage({ filePath: source, ...input }).then(expectImage);

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-reduced-'));
  source = await writeSynthetic(path.join(dir, 'source.png'), { widthPx: 1200, heightPx: 900, seed: 11 }, 'png');
}, 60_000);

afterAll(async () => {
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  await rm(dir, { recursive: true, force: true });
});

describe.each(STYLES)('the %s style', (style) => {
  it.each([
    ['thumbnail', THUMB, THUMB_BOX],
    ['view', VIEW, VIEW_BOX],
  ] as const)('a %s is grey, of the source’s shape, and keeps far less detail than the source as shown', async (_, longEdgePx, box) => {
    const result = await derive({ longEdgePx, greyscale: true, blur: 'strong', style });
    expect(alignmentErrorPx(box.widthPx, box.heightPx, result.widthPx, result.heightPx)).toBeLessThanOrEqual(1);
    const shown = await shownAt(result.bytes, box.widthPx, box.heightPx);
    expect(maxChannelSpread(shown)).toBeLessThanOrEqual(2);
    const reference = await resizedReference(source, box.widthPx, box.heightPx);
    expect(edgeEnergy(shown)).toBeLessThan(edgeEnergy(reference) * 0.3);
  });

  it('looks unlike the blur at the same level: the style is applied, not ignored', async () => {
    const blurred = await derive({ longEdgePx: THUMB, greyscale: true, blur: 'strong', style: 'blur' });
    const styled = await derive({ longEdgePx: THUMB, greyscale: true, blur: 'strong', style });
    const difference = meanAbsDifference(await shownAt(blurred.bytes, 320, 240), await shownAt(styled.bytes, 320, 240));
    expect(difference).toBeGreaterThan(8);
  });

  it('keeps less detail the stronger the level, and none is taken at off', async () => {
    const energies: number[] = [];
    for (const blur of ['light', 'medium', 'strong'] as const) {
      const result = await derive({ longEdgePx: THUMB, greyscale: true, blur, style });
      energies.push(edgeEnergy(await shownAt(result.bytes, 320, 240)));
    }
    expect(energies[0]).toBeGreaterThan(energies[1] ?? Infinity);
    expect(energies[1]).toBeGreaterThan(energies[2] ?? Infinity);
    const off = await derive({ longEdgePx: THUMB, greyscale: false, blur: 'off', style });
    const plain = await derive({ longEdgePx: THUMB, greyscale: false, blur: 'off', style: 'blur' });
    expect(Buffer.from(off.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
  });

  it('gives the grid the same thumbnail from the PDQ decode, and the same hash as the blur', async () => {
    const alone = await derive({ longEdgePx: THUMB, greyscale: true, blur: 'strong', style });
    const both = await thumbnailAndPdq({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong', style });
    const blurred = await thumbnailAndPdq({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    if (!both.ok || !blurred.ok) throw new Error('thumbnailAndPdq failed');
    expect([both.thumbnail.widthPx, both.thumbnail.heightPx]).toEqual([alone.widthPx, alone.heightPx]);
    // A threshold flips a few border pixels between two decodes of different sizes; tones and outlines barely move.
    const tolerance = style === 'silhouette' ? 16 : 6;
    expect(meanAbsDifference(await decodeRgb(both.thumbnail.bytes), await decodeRgb(alone.bytes))).toBeLessThan(tolerance);
    expect(both.pdq.hashHex).toBe(blurred.pdq.hashHex);
  });
});

describe('colour', () => {
  it('an illustration keeps flat colour when greyscale is off', async () => {
    const result = await derive({ longEdgePx: THUMB, greyscale: false, blur: 'strong', style: 'illustration' });
    expect(maxChannelSpread(await decodeRgb(result.bytes))).toBeGreaterThan(60);
  });

  it('a silhouette is two grey tones, even when greyscale is off', async () => {
    const result = await derive({ longEdgePx: THUMB, greyscale: false, blur: 'strong', style: 'silhouette' });
    const decoded = await decodeRgb(result.bytes);
    expect(maxChannelSpread(decoded)).toBeLessThanOrEqual(2);
    const tones = luminance(decoded);
    const nearATone = tones.filter((value) => Math.abs(value - 64) < 24 || Math.abs(value - 192) < 24).length;
    expect(nearATone / tones.length).toBeGreaterThan(0.9);
    expect(tones.some((value) => value < 100)).toBe(true);
    expect(tones.some((value) => value > 160)).toBe(true);
  });
});
