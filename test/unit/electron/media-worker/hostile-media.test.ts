import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaErrorCode } from '../../../../shared/case/media-item.js';
import { deriveImage } from '../../../../electron/media-worker/derive-image.js';
import { planDerivative } from '../../../../electron/media-worker/derive-plan.js';
import { configureSharp } from '../../../../electron/media-worker/sharp-setup.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../../shared/media/derivative.js';
import { decodeRgb, maxChannelSpread } from './image-metrics.js';
import { sharpFromRaw, syntheticRaw, writeBytes } from './synthetic-image.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const hostileDir = path.resolve(repoRoot, '../shared/corpus/hostile-media');

/** An error code, or the source's size (the thumbnail is planned from it). */
type Expected = { code: MediaErrorCode } | { sourceWidthPx: number; sourceHeightPx: number };

/** The outcome each corpus file must have (its README's table, with Veil's pixel limit). */
const CORPUS: Record<string, Expected> = {
  'truncated.jpg': { code: 'decode-failed' },
  'truncated.png': { code: 'decode-failed' },
  'corrupt-header.jpg': { code: 'decode-failed' },
  'giant-image.jpg': { code: 'too-many-pixels' },
  '65536-uint32-limit.png': { code: 'too-many-pixels' },
  'big-height.webp': { sourceWidthPx: 13, sourceHeightPx: 169 },
  'Crash_test.gif': { sourceWidthPx: 320, sourceHeightPx: 213 },
};

let dir = '';

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-hostile-'));
});

afterAll(async () => {
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  await rm(dir, { recursive: true, force: true });
});

function thumbOf(filePath: string) {
  return deriveImage({ filePath, longEdgePx: DERIVATIVE_LONG_EDGE_PX.thumb, greyscale: true, blur: 'strong' });
}

describe('the hostile-media corpus', () => {
  it.each(Object.entries(CORPUS))('%s ends as its README says', async (name, expected) => {
    const result = await thumbOf(path.join(hostileDir, name));
    if ('code' in expected) {
      expect(result).toMatchObject({ ok: false, error: { code: expected.code } });
      if (!result.ok) expect(result.error.detail.length).toBeGreaterThan(0);
      return;
    }
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.detail}`);
    const plan = planDerivative(expected.sourceWidthPx, expected.sourceHeightPx, DERIVATIVE_LONG_EDGE_PX.thumb, 'strong');
    expect([result.widthPx, result.heightPx]).toEqual([plan.widthPx, plan.heightPx]);
    expect(maxChannelSpread(await decodeRgb(result.bytes))).toBeLessThanOrEqual(2);
  });

  it('keeps sharp’s own words as the detail', async () => {
    const result = await thumbOf(path.join(hostileDir, 'truncated.jpg'));
    expect(result.ok ? '' : result.error.detail).toMatch(/premature end of JPEG/i);
  });
});

describe('generated bad files', () => {
  it('a zero-byte file is empty-file', async () => {
    const result = await thumbOf(await writeBytes(path.join(dir, 'empty.jpg'), new Uint8Array(0)));
    expect(result).toMatchObject({ ok: false, error: { code: 'empty-file' } });
  });

  it('random bytes named .jpg are unsupported-format', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    const result = await thumbOf(await writeBytes(path.join(dir, 'random.jpg'), bytes));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-format' } });
  });

  it('a text file named .png is unsupported-format', async () => {
    const result = await thumbOf(await writeBytes(path.join(dir, 'notes.png'), 'Interview notes, not an image.\n'.repeat(20)));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-format' } });
  });

  it('a JPEG whose header claims a PNG body fails cleanly', async () => {
    const png = await sharpFromRaw(syntheticRaw({ widthPx: 64, heightPx: 64 }))
      .png()
      .toBuffer();
    const spliced = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), png]);
    const result = await thumbOf(await writeBytes(path.join(dir, 'spliced.jpg'), spliced));
    expect(result.ok).toBe(false);
  });

  describe('a PNG truncated at several offsets', () => {
    let png = Buffer.alloc(0);
    beforeAll(async () => {
      png = await sharpFromRaw(syntheticRaw({ widthPx: 300, heightPx: 200, seed: 5 }))
        .png({ compressionLevel: 1 })
        .toBuffer();
    });

    // Before the 8-byte signature is complete nothing says PNG; after it, decoding fails.
    it.each([
      [4, 'unsupported-format'],
      [8, 'decode-failed'],
      [33, 'decode-failed'],
      [100, 'decode-failed'],
      [5000, 'decode-failed'],
      [0.5, 'decode-failed'],
      [0.99, 'decode-failed'],
    ] as const)('cut at %s bytes (or that fraction) → %s', async (offset, code) => {
      const cut = png.subarray(0, offset < 1 ? Math.floor(png.length * offset) : offset);
      const result = await thumbOf(await writeBytes(path.join(dir, `cut-${offset}.png`), cut));
      expect(result).toMatchObject({ ok: false, error: { code } });
    });

    it('missing only the 12-byte end chunk, every pixel is there: it shows', async () => {
      const cut = png.subarray(0, png.length - 12);
      const result = await thumbOf(await writeBytes(path.join(dir, 'no-iend.png'), cut));
      // 300×200 with a strong blur: the 150×100 reduced copy.
      expect(result).toMatchObject({ ok: true, widthPx: 150, heightPx: 100 });
    });
  });

  it('a real corpus file still decodes after many failures in the same process', async () => {
    const original = await readFile(path.join(hostileDir, 'Crash_test.gif'));
    const result = await thumbOf(await writeBytes(path.join(dir, 'again.gif'), original));
    expect(result.ok).toBe(true);
  });
});
