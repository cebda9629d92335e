import { describe, expect, it } from 'vitest';
import { BMP_HEAD_BYTES, parseBmpHeader } from '../../../../electron/media-worker/bmp-header.js';
import { encodeInfoHeaderBmp, encodeWithFastBmp, patchedBmp } from './synthetic-bmp.js';
import { syntheticRaw } from './synthetic-image.js';

const LIMIT = 100_000_000;
const raw = syntheticRaw({ widthPx: 30, heightPx: 20 });
/** 30 px × 3 bytes = 90, padded to 92 bytes a row. */
const info24 = encodeInfoHeaderBmp({ widthPx: 30, heightPx: 20, bitsPerPixel: 24, pixels: raw.data });

function parse(bmp: Buffer, fileSizeBytes = bmp.length) {
  return parseBmpHeader(bmp.subarray(0, BMP_HEAD_BYTES), fileSizeBytes, LIMIT);
}

function expectFailure(bmp: Buffer, code: string, detail: RegExp, fileSizeBytes?: number) {
  const result = parse(bmp, fileSizeBytes);
  if (result.ok) throw new Error('expected the header to be refused');
  expect(result.error.code).toBe(code);
  expect(result.error.detail).toMatch(detail);
}

describe('parseBmpHeader accepts', () => {
  it('a bottom-up 24-bit BITMAPINFOHEADER file, with the padded row size', () => {
    expect(parse(info24)).toEqual({
      ok: true,
      layout: expect.objectContaining({ widthPx: 30, heightPx: 20, topDown: false, bitsPerPixel: 24, pixelOffsetBytes: 54, rowBytes: 92, pixelBytes: 1840 }),
    });
  });

  it('a top-down file (negative height) as top-down, with a positive height', () => {
    const topDown = encodeInfoHeaderBmp({ widthPx: 30, heightPx: 20, topDown: true, bitsPerPixel: 24, pixels: raw.data });
    expect(parse(topDown)).toMatchObject({ ok: true, layout: { heightPx: 20, topDown: true } });
  });

  it("fast-bmp's V5 files of every depth it writes, with their colour tables", () => {
    for (const bits of [1, 8, 24, 32] as const) {
      const result = parse(encodeWithFastBmp(raw, bits));
      if (!result.ok) throw new Error(`${bits}-bit: ${result.error.detail}`);
      expect(result.layout.bitsPerPixel).toBe(bits);
      expect(result.layout.paletteRgb.length).toBe(bits <= 8 ? 3 * 2 ** bits : 0);
    }
    const eight = parse(encodeWithFastBmp(raw, 8));
    if (eight.ok) expect([...eight.layout.paletteRgb.subarray(3 * 200, 3 * 201)]).toEqual([200, 200, 200]);
  });

  it('a 32-bit BI_RGB file, whose fourth byte may be alpha', () => {
    const bmp = encodeInfoHeaderBmp({ widthPx: 4, heightPx: 4, bitsPerPixel: 32, pixels: new Uint8Array(64) });
    expect(parse(bmp)).toMatchObject({ ok: true, layout: { bitsPerPixel: 32, alphaAllowed: true } });
  });
});

describe('parseBmpHeader refuses, before anything is allocated', () => {
  it('a header claiming 100000 × 100000 pixels as too-many-pixels, whatever the file holds', () => {
    const huge = patchedBmp(info24.subarray(0, 54), (view) => {
      view.setInt32(18, 100_000, true);
      view.setInt32(22, 100_000, true);
    });
    expectFailure(huge, 'too-many-pixels', /100000×100000 = 10000000000 pixels; the limit is 100000000/);
    // Top-down does not hide it either.
    expectFailure(
      patchedBmp(huge, (view) => view.setInt32(22, -100_000, true)),
      'too-many-pixels',
      /100000×100000/,
    );
    expectFailure(
      patchedBmp(huge, (view) => view.setInt32(22, -2147483648, true)),
      'too-many-pixels',
      /pixels/,
    );
  });

  it.each([
    ['a negative width', (view: DataView) => view.setInt32(18, -30, true), /width -30 is not positive/],
    ['a zero width', (view: DataView) => view.setInt32(18, 0, true), /width 0 is not positive/],
    ['a zero height', (view: DataView) => view.setInt32(22, 0, true), /height is 0/],
    [
      'an absurd edge within the pixel limit',
      (view: DataView) => {
        view.setInt32(18, 50_000_000, true);
        view.setInt32(22, 1, true);
      },
      /beyond the largest image edge/,
    ],
    [
      'RLE8 compression',
      (view: DataView) => {
        view.setUint16(28, 8, true);
        view.setUint32(30, 1, true);
      },
      /RLE8 compression is not supported/,
    ],
    [
      'RLE4 compression',
      (view: DataView) => {
        view.setUint16(28, 4, true);
        view.setUint32(30, 2, true);
      },
      /RLE4 compression is not supported/,
    ],
    ['an embedded JPEG', (view: DataView) => view.setUint32(30, 4, true), /embedded JPEG compression is not supported/],
    ['an unknown compression', (view: DataView) => view.setUint32(30, 99, true), /unknown \(99\) compression/],
    ['16-bit pixels', (view: DataView) => view.setUint16(28, 16, true), /16-bit pixels are not supported/],
    ['4-bit pixels', (view: DataView) => view.setUint16(28, 4, true), /4-bit pixels are not supported/],
    ['bitfields on 24-bit pixels', (view: DataView) => view.setUint32(30, 3, true), /bitfields are supported for 32-bit pixels only/],
    ['an OS/2 header', (view: DataView) => view.setUint32(14, 12, true), /OS\/2 bitmap headers \(12 bytes\)/],
    ['an unknown header size', (view: DataView) => view.setUint32(14, 77, true), /unknown header size 77/],
    ['a pixel offset past the end', (view: DataView) => view.setUint32(10, 1_000_000, true), /offset 1000000 is past the end of the file \(1894 bytes\)/],
    ['a pixel offset inside the header', (view: DataView) => view.setUint32(10, 20, true), /offset 20 lies inside the headers \(54 bytes\)/],
    [
      'a pixel array longer than the file',
      (view: DataView) => view.setInt32(22, 21, true),
      /truncated: 1932 bytes expected at offset 54, the file has 1894 bytes/,
    ],
  ])('%s', (_name, patch, detail) => {
    expectFailure(patchedBmp(info24, patch), 'decode-failed', detail);
  });

  it('a pixel array cut short by truncation', () => {
    expectFailure(info24.subarray(0, 1000), 'decode-failed', /truncated: 1840 bytes expected at offset 54, the file has 1000 bytes/);
  });

  it('a file that ends inside its header or its colour table', () => {
    expectFailure(info24.subarray(0, 30), 'decode-failed', /ends inside its 40-byte header/);
    expectFailure(info24.subarray(0, 16), 'decode-failed', /ends inside its header/);
    const eight = encodeWithFastBmp(raw, 8);
    expectFailure(eight.subarray(0, 400), 'decode-failed', /ends inside its colour table/);
  });

  it('32-bit colour masks other than the standard B, G, R order', () => {
    const rgba = encodeWithFastBmp(syntheticRaw({ widthPx: 4, heightPx: 4 }), 32);
    const bitfields = patchedBmp(rgba, (view) => view.setUint32(30, 3, true));
    expect(parse(bitfields)).toMatchObject({ ok: true, layout: { alphaAllowed: true } });
    expectFailure(
      patchedBmp(bitfields, (view) => view.setUint32(54, 0x000000ff, true)),
      'decode-failed',
      /colour masks ff\/ff00\/ff are not supported/,
    );
    expectFailure(
      patchedBmp(bitfields, (view) => view.setUint32(66, 0x0000ff00, true)),
      'decode-failed',
      /alpha mask ff00 is not supported/,
    );
    expect(parse(patchedBmp(bitfields, (view) => view.setUint32(66, 0, true)))).toMatchObject({ ok: true, layout: { alphaAllowed: false } });
  });
});
