import { describe, expect, it } from 'vitest';
import { pdqDistance } from '../../../shared/known/pdq/hamming.js';
import { pdqBitsFromHex } from '../../../shared/known/pdq/hash-hex.js';
import { pdqHashFromPixels } from '../../../shared/known/pdq/pdq-hash.js';
import { decodeAsReference, referenceRows } from './pdq-reference-images.js';

/** The README's bound: float rounding may flip a bit or two; more is a bug in the port. */
const MAX_BITS_FROM_REFERENCE = 2;

describe('PDQ against the reference C++ on the same full-size pixels', () => {
  const rows = referenceRows();

  it('covers every reference image, ThreatExchange’s own test photo first', () => {
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(rows[0]).toMatchObject({ file: 'bridge-mods/aaa-orig.jpg', hashHex: 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22' });
  });

  // Quality is compared exactly: the port keeps the reference's single-precision steps, so the
  // truncated gradient sums come out the same.
  it.each(rows)('$file: hash within 2 bits, same quality', async (row) => {
    const image = await decodeAsReference(row.file);
    expect({ widthPx: image.widthPx, heightPx: image.heightPx }).toEqual({ widthPx: row.widthPx, heightPx: row.heightPx });
    const result = pdqHashFromPixels(image);
    expect(pdqDistance(pdqBitsFromHex(result.hashHex), pdqBitsFromHex(row.hashHex))).toBeLessThanOrEqual(MAX_BITS_FROM_REFERENCE);
    expect(result.quality).toBe(row.quality);
  });

  it('hashes one-channel grey as the same picture in R=G=B', async () => {
    const rgb = await decodeAsReference('misc-images/modes/L.png');
    const grey = rgb.pixels.filter((_, i) => i % 3 === 0);
    expect(rgb.pixels.every((value, i) => value === grey[Math.floor(i / 3)])).toBe(true);
    expect(pdqHashFromPixels({ ...rgb, channels: 1, pixels: grey })).toEqual(pdqHashFromPixels(rgb));
  });
});
