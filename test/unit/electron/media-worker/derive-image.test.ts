import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DERIVE_LIMITS, deriveImage, type DeriveResult } from '../../../../electron/media-worker/derive-image.js';
import { alignmentErrorPx, planDerivative } from '../../../../electron/media-worker/derive-plan.js';
import { configureSharp } from '../../../../electron/media-worker/sharp-setup.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../../shared/media/derivative.js';
import { blurSigmaPx } from '../../../../shared/media/filter-profile.js';
import { decodeRgb, edgeEnergy, fullSizeGaussian, maxChannelSpread, meanAbsDifference, resizedReference, shownAt } from './image-metrics.js';
import { encodeWithFastBmp } from './synthetic-bmp.js';
import { sharpFromRaw, syntheticRaw, writeBytes, writeSynthetic, type SyntheticFormat } from './synthetic-image.js';

const THUMB = DERIVATIVE_LONG_EDGE_PX.thumb;
const VIEW = DERIVATIVE_LONG_EDGE_PX.view;
const FORMATS: SyntheticFormat[] = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif'];
/** The large source fitted inside the view's long edge. */
const LARGE_FITTED = { widthPx: 2048, heightPx: 1365 };

let dir = '';
const sources: Record<string, string> = {};

function expectImage(result: DeriveResult): Extract<DeriveResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an image, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-derive-'));
  await Promise.all(
    FORMATS.map(async (format) => {
      sources[format] = await writeSynthetic(path.join(dir, `source.${format}`), { widthPx: 1200, heightPx: 900, seed: 7 }, format);
    }),
  );
  sources.bmp = await writeBytes(path.join(dir, 'source.bmp'), encodeWithFastBmp(syntheticRaw({ widthPx: 1200, heightPx: 900, seed: 7 }), 24));
  sources.large = await writeSynthetic(path.join(dir, 'large.jpg'), { widthPx: 3000, heightPx: 2000, seed: 3 }, 'jpeg', 92);
  // Encoding eight sources (AVIF among them) takes a few seconds, and many more on a busy
  // machine: the 10 s hook default timed out under load although nothing was wrong.
}, 60_000);

afterAll(async () => {
  // Other test files may share this process; give them sharp's default loaders back.
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  await rm(dir, { recursive: true, force: true });
});

describe('deriveImage on every format Veil reads', () => {
  it.each([...FORMATS, 'bmp'])('%s: a greyscale, strongly blurred thumbnail of the source’s shape', async (format) => {
    const source = sources[format] ?? '';
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong' }));
    expect(result.mime).toBe('image/jpeg');
    // Strong blur: the reduced copy (320×240 fitted), for the grid to enlarge.
    const plan = planDerivative(1200, 900, THUMB, 'strong');
    expect([result.widthPx, result.heightPx]).toEqual([plan.widthPx, plan.heightPx]);
    expect(result.widthPx).toBeLessThan(320);
    expect(alignmentErrorPx(320, 240, result.widthPx, result.heightPx)).toBeLessThanOrEqual(1);

    const decoded = await decodeRgb(result.bytes);
    expect([decoded.widthPx, decoded.heightPx]).toEqual([result.widthPx, result.heightPx]);
    expect(maxChannelSpread(decoded)).toBeLessThanOrEqual(2);

    // Shown in the thumbnail's box, little of the source's detail is left (sharp cannot read
    // BMP, so the BMP's reference is the PNG of the same pixels).
    const reference = await resizedReference(format === 'bmp' ? (sources.png ?? '') : source, 320, 240);
    expect(edgeEnergy(await shownAt(result.bytes, 320, 240))).toBeLessThan(edgeEnergy(reference) * 0.3);
  });
});

describe('size: strong blurs are served reduced, for the renderer to enlarge', () => {
  it('writes an unblurred or lightly blurred thumbnail at the fitted size', async () => {
    for (const blur of ['off', 'light', 'medium'] as const) {
      const result = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: THUMB, greyscale: true, blur }));
      expect([result.widthPx, result.heightPx], blur).toEqual([320, 213]);
    }
  });

  it('writes a blurred view as the small copy its plan names, the same shape within a pixel', async () => {
    const off = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: VIEW, greyscale: true, blur: 'off' }));
    expect([off.widthPx, off.heightPx]).toEqual([LARGE_FITTED.widthPx, LARGE_FITTED.heightPx]);
    for (const blur of ['light', 'medium', 'strong'] as const) {
      const plan = planDerivative(3000, 2000, VIEW, blur);
      expect(plan.blur.method).toBe('reduced');
      const result = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: VIEW, greyscale: true, blur }));
      expect([result.widthPx, result.heightPx], blur).toEqual([plan.widthPx, plan.heightPx]);
      expect(result.widthPx).toBeLessThan(LARGE_FITTED.widthPx);
      expect(alignmentErrorPx(LARGE_FITTED.widthPx, LARGE_FITTED.heightPx, result.widthPx, result.heightPx)).toBeLessThanOrEqual(1);
    }
  });

  it('a strong view, enlarged like the browser does, looks like the full-size Gaussian', async () => {
    const view = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: VIEW, greyscale: true, blur: 'strong' }));
    expect(Math.max(view.widthPx, view.heightPx)).toBeLessThan(200);
    const { widthPx, heightPx } = LARGE_FITTED;
    const shown = await shownAt(view.bytes, widthPx, heightPx);
    const reference = await fullSizeGaussian(sources.large ?? '', widthPx, heightPx, blurSigmaPx('strong', widthPx));
    expect(meanAbsDifference(shown, reference)).toBeLessThan(2);
    expect(edgeEnergy(shown) / edgeEnergy(reference)).toBeGreaterThan(0.9);
    expect(edgeEnergy(shown) / edgeEnergy(reference)).toBeLessThan(1.1);
  });
});

describe('filter', () => {
  it('writes a one-channel JPEG for greyscale, which decodes with R=G=B exactly', async () => {
    const result = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: VIEW, greyscale: true, blur: 'strong' }));
    const header = await sharp(result.bytes).metadata();
    expect(header.channels).toBe(1);
    expect(maxChannelSpread(await decodeRgb(result.bytes))).toBe(0);
  });

  it('keeps colour when greyscale is off', async () => {
    const result = expectImage(await deriveImage({ filePath: sources.png ?? '', longEdgePx: THUMB, greyscale: false, blur: 'light' }));
    expect(maxChannelSpread(await decodeRgb(result.bytes))).toBeGreaterThan(40);
  });

  it('blurs more with each level, and not at all when off, as shown at the view’s size', async () => {
    const energies: number[] = [];
    const { widthPx, heightPx } = LARGE_FITTED;
    for (const blur of ['off', 'light', 'medium', 'strong'] as const) {
      const result = expectImage(await deriveImage({ filePath: sources.large ?? '', longEdgePx: VIEW, greyscale: true, blur }));
      energies.push(edgeEnergy(await shownAt(result.bytes, widthPx, heightPx)));
    }
    const [off = 0, light = 0, medium = 0, strong = 0] = energies;
    const reference = await resizedReference(sources.large ?? '', widthPx, heightPx);
    expect(off).toBeGreaterThan(edgeEnergy(reference) * 0.8);
    expect(light).toBeLessThan(off * 0.6);
    expect(medium).toBeLessThan(light);
    expect(strong).toBeLessThan(medium);
  });

  // Light leaves fine noise, which the two resamplings render a little differently.
  it.each([
    ['light', 6],
    ['medium', 2],
    ['strong', 2],
  ] as const)('%s: hides the same detail on a thumbnail as on a view, both shown in a thumbnail’s box', async (blur, maxDifference) => {
    const request = { filePath: sources.large ?? '', greyscale: true, blur } as const;
    const thumb = expectImage(await deriveImage({ ...request, longEdgePx: THUMB }));
    const view = expectImage(await deriveImage({ ...request, longEdgePx: VIEW }));
    // Drawn into one box (320×213) as the renderer would, whatever size each was written at.
    const thumbShown = await shownAt(thumb.bytes, 320, 213);
    const viewShown = await shownAt(view.bytes, 320, 213);
    expect(meanAbsDifference(viewShown, thumbShown)).toBeLessThan(maxDifference);
    const unblurred = edgeEnergy(await resizedReference(request.filePath, 320, 213));
    const thumbRatio = edgeEnergy(thumbShown) / unblurred;
    const viewRatio = edgeEnergy(viewShown) / unblurred;
    expect(Math.abs(thumbRatio - viewRatio)).toBeLessThan(0.1 * viewRatio);
    expect(viewRatio).toBeLessThan(blur === 'light' ? 0.7 : 0.3);
  });

  it('flattens transparency onto neutral grey', async () => {
    const raw = syntheticRaw({ widthPx: 400, heightPx: 200, alpha: true });
    const source = path.join(dir, 'alpha.png');
    await sharpFromRaw(raw).png().toFile(source);
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'off' }));
    const decoded = await decodeRgb(result.bytes);
    // The transparent left quarter: sample its middle.
    const x = Math.floor(decoded.widthPx / 8);
    const y = Math.floor(decoded.heightPx / 2);
    expect(decoded.data[(y * decoded.widthPx + x) * 3]).toBeGreaterThan(118);
    expect(decoded.data[(y * decoded.widthPx + x) * 3]).toBeLessThan(138);
  });
});

describe('geometry and metadata', () => {
  it('never enlarges a small image', async () => {
    const source = await writeSynthetic(path.join(dir, 'small.png'), { widthPx: 200, heightPx: 100 }, 'png');
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: VIEW, greyscale: true, blur: 'strong' }));
    expect([result.widthPx, result.heightPx]).toEqual([200, 100]);
  });

  it('applies EXIF orientation, then strips all metadata', async () => {
    const source = path.join(dir, 'rotated.jpg');
    await sharpFromRaw(syntheticRaw({ widthPx: 600, heightPx: 300 }))
      .jpeg()
      .withExif({ IFD0: { Copyright: 'case 2024-117', Make: 'SyntheticCam' } })
      .withMetadata({ orientation: 6 })
      .toFile(source);
    const sourceHeader = await sharp(source).metadata();
    expect(sourceHeader.orientation).toBe(6);
    expect(sourceHeader.exif?.includes('SyntheticCam')).toBe(true);
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'light' }));
    expect([result.widthPx, result.heightPx]).toEqual([160, 320]);
    const header = await sharp(result.bytes).metadata();
    expect(header.exif).toBeUndefined();
    expect(header.icc).toBeUndefined();
    expect(header.xmp).toBeUndefined();
    expect(header.iptc).toBeUndefined();
    expect(header.orientation).toBeUndefined();
    expect(Buffer.from(result.bytes).includes('SyntheticCam')).toBe(false);
  });

  it('uses the first frame of an animated GIF', async () => {
    const frameWidth = 120;
    const frameHeight = 80;
    const frames = Buffer.alloc(frameWidth * frameHeight * 2 * 3, 0);
    frames.fill(255, 0, frameWidth * frameHeight * 3); // first frame white, second black
    const source = path.join(dir, 'animated.gif');
    await sharp(frames, { raw: { width: frameWidth, height: frameHeight * 2, channels: 3, pageHeight: frameHeight } })
      .gif()
      .toFile(source);
    expect((await sharp(source).metadata()).pages).toBe(2);
    const result = expectImage(await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong' }));
    expect([result.widthPx, result.heightPx]).toEqual([frameWidth, frameHeight]);
    const decoded = await decodeRgb(result.bytes);
    expect(Math.min(...decoded.data)).toBeGreaterThan(240);
  });
});

describe('refusals', () => {
  it('refuses SVG although sharp could render it: the loader is blocked', async () => {
    const source = await writeBytes(
      path.join(dir, 'drawing.png'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>',
    );
    const result = await deriveImage({ filePath: source, longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-format' } });
  });

  it('refuses a file above the byte cap before decoding it', async () => {
    const result = await deriveImage(
      { filePath: sources.jpeg ?? '', longEdgePx: THUMB, greyscale: true, blur: 'strong' },
      { ...DEFAULT_DERIVE_LIMITS, maxInputBytes: 1000 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses an image above the pixel limit', async () => {
    const result = await deriveImage(
      { filePath: sources.png ?? '', longEdgePx: THUMB, greyscale: true, blur: 'strong' },
      { ...DEFAULT_DERIVE_LIMITS, maxInputPixels: 1200 * 900 - 1 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'too-many-pixels' } });
  });

  it('reports a file that has gone as vanished, and a folder as unreadable', async () => {
    const gone = await deriveImage({ filePath: path.join(dir, 'nope.jpg'), longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'vanished' } });
    const folder = path.join(dir, 'folder.jpg');
    await mkdir(folder);
    const notFile = await deriveImage({ filePath: folder, longEdgePx: THUMB, greyscale: true, blur: 'strong' });
    expect(notFile).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });
});
