import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DERIVE_LIMITS, deriveImage, type DeriveResult } from '../../../../electron/media-worker/derive-image.js';
import { planDerivative } from '../../../../electron/media-worker/derive-plan.js';
import { thumbnailAndPdq } from '../../../../electron/media-worker/pdq-of-image.js';
import { configureSharp } from '../../../../electron/media-worker/sharp-setup.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../../shared/media/derivative.js';
import { decodeRgb, edgeEnergy, maxChannelSpread, shownAt } from './image-metrics.js';

/** Synthetic HEIC files made by scripts/make-heic-fixtures.ts (heif-enc is not needed here). */
const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/heic');
const fixture = (name: string): string => path.join(FIXTURES, name);
const THUMB = DERIVATIVE_LONG_EDGE_PX.thumb;

function expectImage(result: DeriveResult): Extract<DeriveResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an image, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

beforeAll(() => {
  configureSharp();
});

afterAll(() => {
  // Other test files may share this process; give them sharp's default loaders back.
  sharp.unblock({ operation: ['VipsForeignLoad'] });
});

describe('HEIC photos, decoded by libheif in WebAssembly', () => {
  it('an unfiltered view keeps the photo’s size, colour and picture', async () => {
    const result = expectImage(await deriveImage({ filePath: fixture('gradient-landscape.heic'), longEdgePx: THUMB, greyscale: false, blur: 'off' }));
    expect([result.widthPx, result.heightPx]).toEqual([240, 160]);
    const decoded = await decodeRgb(result.bytes);
    // The red disc at (30 %, 65 %) and the blue square at (72 %, 65 %) of the synthetic picture.
    const at = (xPct: number, yPct: number): number[] => {
      const i = (Math.round((yPct / 100) * 160) * 240 + Math.round((xPct / 100) * 240)) * 3;
      return [decoded.data[i] ?? 0, decoded.data[i + 1] ?? 0, decoded.data[i + 2] ?? 0];
    };
    const [discR = 0, discG = 0] = at(30, 65);
    const [squareR = 0, , squareB = 0] = at(72, 65);
    expect(discR - discG).toBeGreaterThan(120);
    expect(squareB - squareR).toBeGreaterThan(120);
  });

  it('the default filter makes a grey, strongly blurred thumbnail of the source’s shape', async () => {
    const source = fixture('gradient-portrait.heic');
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong' }));
    const plan = planDerivative(120, 200, THUMB, 'strong');
    expect([result.widthPx, result.heightPx]).toEqual([plan.widthPx, plan.heightPx]);
    const decoded = await decodeRgb(result.bytes);
    expect(maxChannelSpread(decoded)).toBeLessThanOrEqual(2);
    const original = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'off' }));
    const reference = await decodeRgb(original.bytes);
    expect(edgeEnergy(await shownAt(result.bytes, 120, 200))).toBeLessThan(edgeEnergy(reference) * 0.3);
  });

  it('gives the grid thumbnail and a PDQ hash from one decode', async () => {
    const both = await thumbnailAndPdq({ filePath: fixture('gradient-landscape.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    if (!both.ok) throw new Error(`${both.error.code}: ${both.error.detail}`);
    expect(both.pdq.hashHex).toMatch(/^[0-9a-f]{64}$/);
    expect(both.pdq.hashHex).not.toBe('0'.repeat(64));
    expect(maxChannelSpread(await decodeRgb(both.thumbnail.bytes))).toBeLessThanOrEqual(2);
  });
});

describe('hostile and damaged HEIC files', () => {
  it('refuses a declared size above the pixel limit before decoding, with a reason', async () => {
    const result = await deriveImage({ filePath: fixture('huge-declared.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'too-many-pixels',
        reason: { code: 'image-declares-too-many-pixels', params: { widthPx: 40_000, heightPx: 40_000, limitPixels: DEFAULT_DERIVE_LIMITS.maxInputPixels } },
      },
    });
  });

  it('uses the same pixel limit as every other image: a lower limit refuses the small photo too', async () => {
    const limits = { ...DEFAULT_DERIVE_LIMITS, maxInputPixels: 240 * 160 - 1 };
    const result = await deriveImage({ filePath: fixture('gradient-landscape.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' }, limits);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-many-pixels' } });
  });

  it('uses the same byte cap as every other image', async () => {
    const limits = { ...DEFAULT_DERIVE_LIMITS, maxInputBytes: 1000 };
    const result = await deriveImage({ filePath: fixture('gradient-landscape.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' }, limits);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses a file of several top-level pictures in words, rather than showing one that may not be the primary', async () => {
    const result = await deriveImage({ filePath: fixture('several-images.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-format', reason: { code: 'heif-several-images', params: { count: 2 } } } });
    const both = await thumbnailAndPdq({ filePath: fixture('several-images.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(both).toMatchObject({ ok: false, error: { reason: { code: 'heif-several-images' } } });
  });

  it('calls a file cut short damaged, with a reason, and keeps libheif’s words as detail', async () => {
    const result = await deriveImage({ filePath: fixture('truncated.heic'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'decode-failed', reason: { code: 'heic-damaged' } } });
    expect(result.ok ? '' : result.error.detail).toMatch(/^HEIC: ./);
  });
});
