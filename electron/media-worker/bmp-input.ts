/**
 * BMP input for the worker. sharp 0.35's libvips has no BMP loader, so BMPs are decoded by
 * fast-bmp (pure JavaScript) after bmp-header.ts has checked every size against the file,
 * and handed to sharp as raw pixels.
 *
 * fast-bmp reads a fixed layout (it assumes a V5-style header: height unsigned, colour masks
 * at byte 54, no colour table), so the file's own headers are never shown to it. The pixel
 * array is read behind a small canonical header written here; the colour table, top-down rows
 * (a negative height) and unused alpha bytes are handled here too.
 */
import type { FileHandle } from 'node:fs/promises';
import { decode } from 'fast-bmp';
import type { MediaError } from '../../shared/case/media-item.js';
import { parseBmpHeader, STANDARD_MASKS, type BmpLayout } from './bmp-header.js';
import { shortDetail } from './media-errors.js';

/** BITMAPFILEHEADER (14) + BITMAPINFOHEADER (40) + three colour masks (12), which fast-bmp reads at byte 54. */
const CANONICAL_HEADER_BYTES = 66;
/** 72 dpi, written only because the header has the field. */
const PIXELS_PER_METRE = 2835;

export interface RawPixels {
  /** Rows top first, channels interleaved: grey, RGB or RGBA, 8 bits each. */
  data: Uint8Array;
  widthPx: number;
  heightPx: number;
  channels: 1 | 3 | 4;
}

export type BmpDecodeResult = { ok: true; pixels: RawPixels } | { ok: false; error: MediaError };

function failed(detail: string): BmpDecodeResult {
  return { ok: false, error: { code: 'decode-failed', detail: shortDetail(`BMP: ${detail}`) } };
}

/**
 * Decodes the BMP open as `handle` (`fileSizeBytes` long, already under the byte cap) whose
 * first bytes are `head`. The headers are checked first, so a hostile header is refused before
 * its pixels are allocated; nothing thrown by the decoder escapes. File-system errors do throw.
 */
export async function decodeBmp(handle: FileHandle, head: Uint8Array, fileSizeBytes: number, maxInputPixels: number): Promise<BmpDecodeResult> {
  const header = parseBmpHeader(head, fileSizeBytes, maxInputPixels);
  if (!header.ok) return header;
  const { layout } = header;
  const file = Buffer.allocUnsafe(CANONICAL_HEADER_BYTES + layout.pixelBytes);
  writeCanonicalHeader(file, layout);
  const readBytes = await readFully(handle, file, CANONICAL_HEADER_BYTES, layout.pixelBytes, layout.pixelOffsetBytes);
  if (readBytes < layout.pixelBytes) return failed(`the file shrank while it was read (${readBytes} of ${layout.pixelBytes} pixel bytes)`);
  let decoded: Uint8Array;
  try {
    const image = decode(file);
    if (!(image.data instanceof Uint8Array) || image.width !== layout.widthPx || image.height !== layout.heightPx) {
      return failed('the decoder returned an unexpected image');
    }
    decoded = image.data;
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const converted = toRaw(decoded, layout);
  if (converted === null) return failed('the decoder returned an unexpected number of bytes');
  // fast-bmp always takes the first stored row as the bottom one; a top-down file comes out flipped.
  if (layout.topDown) flipRows(converted.data, layout.widthPx * converted.channels);
  return { ok: true, pixels: { ...converted, widthPx: layout.widthPx, heightPx: layout.heightPx } };
}

function writeCanonicalHeader(file: Buffer, layout: BmpLayout): void {
  file.fill(0, 0, CANONICAL_HEADER_BYTES);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(CANONICAL_HEADER_BYTES, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(layout.widthPx, 18);
  file.writeInt32LE(layout.heightPx, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(layout.bitsPerPixel, 28);
  // Compression 0 (BI_RGB); the pixel layout was already checked to be the standard one.
  file.writeUInt32LE(layout.pixelBytes, 34);
  file.writeInt32LE(PIXELS_PER_METRE, 38);
  file.writeInt32LE(PIXELS_PER_METRE, 42);
  STANDARD_MASKS.forEach((mask, i) => file.writeUInt32LE(mask, 54 + i * 4));
}

/** Reads until `length` bytes are in or the file ends; returns how many arrived. */
export async function readFully(handle: FileHandle, target: Buffer, offset: number, length: number, position: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(target, offset + done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/** fast-bmp's output (palette indexes for 1 and 8 bits, RGB, RGBA) as pixels sharp can take raw. */
function toRaw(decoded: Uint8Array, layout: BmpLayout): { data: Uint8Array; channels: 1 | 3 | 4 } | null {
  const pixels = layout.widthPx * layout.heightPx;
  switch (layout.bitsPerPixel) {
    case 1:
    case 8:
      return decoded.length === pixels ? applyPalette(decoded, layout.paletteRgb) : null;
    case 24:
      return decoded.length === pixels * 3 ? { data: decoded, channels: 3 } : null;
    case 32:
      if (decoded.length !== pixels * 4) return null;
      if (!layout.alphaAllowed || allAlphaZero(decoded)) makeOpaque(decoded);
      return { data: decoded, channels: 4 };
  }
}

/**
 * Many writers leave the fourth byte of 32-bit pixels at 0 as padding; taken as alpha the
 * picture would vanish. Like browsers, treat an all-zero alpha as no alpha at all.
 */
function allAlphaZero(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 0) return false;
  return true;
}

function flipRows(data: Uint8Array, rowBytes: number): void {
  const rows = data.length / rowBytes;
  const spare = new Uint8Array(rowBytes);
  for (let top = 0, bottom = rows - 1; top < bottom; top += 1, bottom -= 1) {
    spare.set(data.subarray(top * rowBytes, (top + 1) * rowBytes));
    data.copyWithin(top * rowBytes, bottom * rowBytes, (bottom + 1) * rowBytes);
    data.set(spare, bottom * rowBytes);
  }
}

function makeOpaque(rgba: Uint8Array): void {
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
}

/** Colour-table lookup; a grey table gives one channel. Indexes past the table are black, as in browsers. */
function applyPalette(indexes: Uint8Array, paletteRgb: Uint8Array): { data: Uint8Array; channels: 1 | 3 } {
  const colours = paletteRgb.length / 3;
  let grey = true;
  for (let i = 0; i < colours && grey; i += 1) {
    grey = paletteRgb[i * 3] === paletteRgb[i * 3 + 1] && paletteRgb[i * 3] === paletteRgb[i * 3 + 2];
  }
  if (grey) {
    const lookup = new Uint8Array(256);
    for (let i = 0; i < colours; i += 1) lookup[i] = paletteRgb[i * 3] ?? 0;
    const data = new Uint8Array(indexes.length);
    for (let p = 0; p < indexes.length; p += 1) data[p] = lookup[indexes[p] ?? 0] ?? 0;
    return { data, channels: 1 };
  }
  const lookup = new Uint8Array(256 * 3);
  lookup.set(paletteRgb);
  const data = new Uint8Array(indexes.length * 3);
  for (let p = 0; p < indexes.length; p += 1) {
    const entry = (indexes[p] ?? 0) * 3;
    data[p * 3] = lookup[entry] ?? 0;
    data[p * 3 + 1] = lookup[entry + 1] ?? 0;
    data[p * 3 + 2] = lookup[entry + 2] ?? 0;
  }
  return { data, channels: 3 };
}
