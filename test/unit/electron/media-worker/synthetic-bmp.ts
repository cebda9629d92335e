/**
 * BMP files for the worker's tests: fast-bmp's own encoder (BITMAPV5HEADER), a small writer of
 * the BITMAPINFOHEADER files most Windows tools write (top-down rows, colour tables, 32-bit
 * pixels with an unused fourth byte), and a patcher for hostile headers.
 */
import { encode } from 'fast-bmp';
import type { RawImage } from './synthetic-image.js';

/** Rec. 601 luma, rounded: the grey a 1- or 8-bit test image is built from. */
export function lumaOf(raw: RawImage): Uint8Array {
  const grey = new Uint8Array(raw.widthPx * raw.heightPx);
  for (let p = 0; p < grey.length; p += 1) {
    const i = p * raw.channels;
    grey[p] = Math.round(0.299 * (raw.data[i] ?? 0) + 0.587 * (raw.data[i + 1] ?? 0) + 0.114 * (raw.data[i + 2] ?? 0));
  }
  return grey;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * fast-bmp's encoder. 24: RGB; 32: RGBA (opaque unless `raw` has alpha); 8: the luma, with a
 * grey colour table; 1: luma thresholded at 128, black and white.
 */
export function encodeWithFastBmp(raw: RawImage, bitsPerPixel: 1 | 8 | 24 | 32): Buffer {
  const image = { width: raw.widthPx, height: raw.heightPx, bitsPerPixel };
  if (bitsPerPixel === 24 || bitsPerPixel === 32) {
    const channels = bitsPerPixel / 8;
    const data = new Uint8Array(raw.widthPx * raw.heightPx * channels);
    for (let p = 0; p < raw.widthPx * raw.heightPx; p += 1) {
      for (let c = 0; c < 3; c += 1) data[p * channels + c] = raw.data[p * raw.channels + c] ?? 0;
      if (channels === 4) data[p * 4 + 3] = raw.channels === 4 ? (raw.data[p * 4 + 3] ?? 0) : 255;
    }
    return asBuffer(encode({ ...image, data, channels, components: 3 }));
  }
  const grey = lumaOf(raw);
  const data = bitsPerPixel === 8 ? grey : grey.map((value) => (value >= 128 ? 1 : 0));
  return asBuffer(encode({ ...image, data, channels: 1, components: 1 }));
}

export interface InfoHeaderBmp {
  widthPx: number;
  heightPx: number;
  /** Rows stored top first (a negative height in the header). */
  topDown?: boolean;
  bitsPerPixel: 1 | 8 | 24 | 32;
  /** Top row first: colour-table indexes (1, 8 bits), RGB (24) or four bytes R, G, B, X (32). */
  pixels: Uint8Array;
  /** [R, G, B] entries, for 1 and 8 bits. */
  palette?: readonly (readonly [number, number, number])[];
}

/** A BITMAPINFOHEADER (40-byte) BMP with BI_RGB pixels, as Paint and most libraries write it. */
export function encodeInfoHeaderBmp(spec: InfoHeaderBmp): Buffer {
  const { widthPx: w, heightPx: h, bitsPerPixel: bits } = spec;
  const palette = spec.palette ?? [];
  const rowBytes = Math.ceil((w * bits) / 32) * 4;
  const offset = 54 + palette.length * 4;
  const file = Buffer.alloc(offset + rowBytes * h);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(w, 18);
  file.writeInt32LE(spec.topDown ? -h : h, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(bits, 28);
  file.writeUInt32LE(rowBytes * h, 34);
  file.writeUInt32LE(palette.length, 46);
  palette.forEach(([r, g, b], i) => {
    file[54 + i * 4] = b;
    file[54 + i * 4 + 1] = g;
    file[54 + i * 4 + 2] = r;
  });
  for (let y = 0; y < h; y += 1) {
    const row = offset + (spec.topDown ? y : h - 1 - y) * rowBytes;
    for (let x = 0; x < w; x += 1) {
      const p = y * w + x;
      if (bits === 1) {
        if ((spec.pixels[p] ?? 0) & 1) file[row + (x >> 3)] = (file[row + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
      } else if (bits === 8) {
        file[row + x] = spec.pixels[p] ?? 0;
      } else {
        const channels = bits / 8;
        file[row + x * channels] = spec.pixels[p * channels + 2] ?? 0; // B
        file[row + x * channels + 1] = spec.pixels[p * channels + 1] ?? 0; // G
        file[row + x * channels + 2] = spec.pixels[p * channels] ?? 0; // R
        if (channels === 4) file[row + x * 4 + 3] = spec.pixels[p * 4 + 3] ?? 0;
      }
    }
  }
  return file;
}

/** A copy of `bmp` with header fields changed through a DataView (little-endian offsets as in the format). */
export function patchedBmp(bmp: Buffer, patch: (view: DataView) => void): Buffer {
  const copy = Buffer.from(bmp);
  patch(new DataView(copy.buffer, copy.byteOffset, copy.byteLength));
  return copy;
}
