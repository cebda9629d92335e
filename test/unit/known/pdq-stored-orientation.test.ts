import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planeAsStored } from '../../../shared/known/pdq/stored-orientation.js';
import { sharpFromRaw, syntheticRaw } from '../electron/media-worker/synthetic-image.js';

async function greyPlane(jpeg: Buffer, autoOrient: boolean): Promise<{ plane: Float32Array; widthPx: number; heightPx: number }> {
  const { data, info } = await sharp(jpeg, { autoOrient }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { plane: Float32Array.from(data), widthPx: info.width, heightPx: info.height };
}

describe('planeAsStored undoes what a decoder did for the EXIF orientation', () => {
  // A non-square, asymmetric picture, so that every wrong rotation or mirror shows.
  const raw = syntheticRaw({ widthPx: 48, heightPx: 30, seed: 3 });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i: the file’s own pixels, exactly', async (orientation) => {
    const jpeg = await sharpFromRaw(raw).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
    const stored = await greyPlane(jpeg, false);
    const shown = await greyPlane(jpeg, true);
    if (orientation >= 5) expect(shown.widthPx).toBe(stored.heightPx);
    expect(planeAsStored(shown.plane, shown.widthPx, shown.heightPx, orientation)).toEqual(stored);
  });

  it('leaves the plane as it is for a missing or invalid orientation', () => {
    const plane = Float32Array.from([1, 2, 3, 4, 5, 6]);
    for (const orientation of [0, 9, 1.5, Number.NaN]) expect(planeAsStored(plane, 3, 2, orientation)).toEqual({ plane, widthPx: 3, heightPx: 2 });
  });
});
