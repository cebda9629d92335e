/**
 * Reads and checks a BMP's headers (BITMAPFILEHEADER + DIB header + colour table) from the
 * file's first bytes, before anything is allocated for its pixels. Everything the decoder will
 * touch is checked here against the file's real size: a hostile header ends as a MediaError.
 * Pure: no I/O.
 */
import type { MediaError } from '../../shared/case/media-item.js';

/** Enough for the largest DIB header read (124 bytes), its masks and a 256-entry colour table. */
export const BMP_HEAD_BYTES = 2048;
const FILE_HEADER_BYTES = 14;
/** BITMAPINFOHEADER and its successors (V2, V3, V4, V5); all start with the same 40 bytes. */
const INFO_HEADER_BYTES = [40, 52, 56, 108, 124];
/** libvips's largest image edge (VIPS_MAX_COORD); a wider declared image is absurd. */
const MAX_EDGE_PX = 10_000_000;
const SUPPORTED_BITS = [1, 8, 24, 32] as const;
type BmpBitsPerPixel = (typeof SUPPORTED_BITS)[number];

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  1: 'RLE8',
  2: 'RLE4',
  4: 'embedded JPEG',
  5: 'embedded PNG',
  6: 'alpha bitfields',
  11: 'CMYK',
  12: 'CMYK RLE8',
  13: 'CMYK RLE4',
};
/** The only channel layout Veil (and fast-bmp) reads for 32-bit pixels: B, G, R, then alpha or padding. */
export const STANDARD_MASKS = [0x00ff0000, 0x0000ff00, 0x000000ff] as const;
const ALPHA_MASK = 0xff000000;

export interface BmpLayout {
  widthPx: number;
  /** Always positive; `topDown` says the rows are stored top first (a negative height in the file). */
  heightPx: number;
  topDown: boolean;
  bitsPerPixel: BmpBitsPerPixel;
  /** Where the pixel array starts in the file. */
  pixelOffsetBytes: number;
  /** One stored row, padded to 4 bytes. */
  rowBytes: number;
  /** rowBytes × heightPx, all inside the file. */
  pixelBytes: number;
  /** For 1 and 8 bits: the colour table as R, G, B triplets. Empty otherwise. */
  paletteRgb: Uint8Array;
  /** For 32 bits: whether the fourth byte may be alpha (it is ignored when every pixel has 0 there). */
  alphaAllowed: boolean;
}

export type BmpHeaderResult = { ok: true; layout: BmpLayout } | { ok: false; error: MediaError };

function failed(detail: string): BmpHeaderResult {
  return { ok: false, error: { code: 'decode-failed', detail: `BMP: ${detail}` } };
}

function isSupportedBits(bits: number): bits is BmpBitsPerPixel {
  return SUPPORTED_BITS.some((supported) => supported === bits);
}

/** True when `head` starts with the BMP signature 'BM'. */
export function looksLikeBmp(head: Uint8Array): boolean {
  return head[0] === 0x42 && head[1] === 0x4d;
}

/**
 * Parses the headers in `head` (the file's first bytes, up to BMP_HEAD_BYTES) of a file of
 * `fileSizeBytes`. Declared width × height above `maxInputPixels` is 'too-many-pixels'; every
 * other problem (bad sizes, unsupported depth or compression, a pixel array or colour table
 * beyond the file) is 'decode-failed' with a detail saying which.
 */
export function parseBmpHeader(head: Uint8Array, fileSizeBytes: number, maxInputPixels: number): BmpHeaderResult {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (!looksLikeBmp(head)) return failed('no BM signature');
  if (head.byteLength < FILE_HEADER_BYTES + 4) return failed(`the file ends inside its header (${head.byteLength} bytes)`);
  const dibBytes = view.getUint32(14, true);
  if (dibBytes === 12 || dibBytes === 16 || dibBytes === 64) return failed(`OS/2 bitmap headers (${dibBytes} bytes) are not supported`);
  if (!INFO_HEADER_BYTES.includes(dibBytes)) return failed(`unknown header size ${dibBytes}`);
  if (head.byteLength < FILE_HEADER_BYTES + dibBytes) return failed(`the file ends inside its ${dibBytes}-byte header`);

  const widthPx = view.getInt32(18, true);
  const storedHeight = view.getInt32(22, true);
  if (widthPx <= 0) return failed(`width ${widthPx} is not positive`);
  if (storedHeight === 0) return failed('height is 0');
  const heightPx = Math.abs(storedHeight);
  const pixels = widthPx * heightPx;
  if (pixels > maxInputPixels) {
    return { ok: false, error: { code: 'too-many-pixels', detail: `BMP declares ${widthPx}×${heightPx} = ${pixels} pixels; the limit is ${maxInputPixels}` } };
  }
  if (widthPx > MAX_EDGE_PX || heightPx > MAX_EDGE_PX) return failed(`${widthPx}×${heightPx} is beyond the largest image edge (${MAX_EDGE_PX} px)`);

  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS) {
    return failed(`${COMPRESSION_NAMES[compression] ?? `unknown (${compression})`} compression is not supported`);
  }
  if (!isSupportedBits(bitsPerPixel)) return failed(`${bitsPerPixel}-bit pixels are not supported (1, 8, 24 and 32-bit are)`);

  let headersEndBytes = FILE_HEADER_BYTES + dibBytes;
  let alphaAllowed = bitsPerPixel === 32;
  if (compression === BI_BITFIELDS) {
    if (bitsPerPixel !== 32) return failed(`bitfields are supported for 32-bit pixels only, not ${bitsPerPixel}-bit`);
    // A 40-byte header is followed by the three masks; later headers hold them (and alpha).
    if (dibBytes === 40) headersEndBytes += 12;
    if (head.byteLength < headersEndBytes) return failed('the file ends inside its colour masks');
    const masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    if (masks.some((mask, i) => mask !== STANDARD_MASKS[i])) {
      return failed(`colour masks ${masks.map((mask) => mask.toString(16)).join('/')} are not supported (only ff0000/ff00/ff)`);
    }
    const alphaMask = dibBytes >= 56 ? view.getUint32(66, true) : 0;
    if (alphaMask !== 0 && alphaMask !== ALPHA_MASK) return failed(`alpha mask ${alphaMask.toString(16)} is not supported`);
    alphaAllowed = alphaMask === ALPHA_MASK;
  }

  let paletteRgb = new Uint8Array(0);
  if (bitsPerPixel <= 8) {
    const declaredColours = view.getUint32(46, true);
    // Entries beyond what the depth can index are never used; ignore them rather than read them.
    const colours = declaredColours === 0 ? 2 ** bitsPerPixel : Math.min(declaredColours, 2 ** bitsPerPixel);
    const paletteEndBytes = headersEndBytes + colours * 4;
    if (paletteEndBytes > head.byteLength) return failed('the file ends inside its colour table');
    paletteRgb = new Uint8Array(colours * 3);
    for (let i = 0; i < colours; i += 1) {
      const entry = headersEndBytes + i * 4; // stored B, G, R, reserved
      paletteRgb[i * 3] = head[entry + 2] ?? 0;
      paletteRgb[i * 3 + 1] = head[entry + 1] ?? 0;
      paletteRgb[i * 3 + 2] = head[entry] ?? 0;
    }
    headersEndBytes = paletteEndBytes;
  }

  const pixelOffsetBytes = view.getUint32(10, true);
  if (pixelOffsetBytes >= fileSizeBytes) return failed(`pixel data offset ${pixelOffsetBytes} is past the end of the file (${fileSizeBytes} bytes)`);
  if (pixelOffsetBytes < headersEndBytes) return failed(`pixel data offset ${pixelOffsetBytes} lies inside the headers (${headersEndBytes} bytes)`);
  const rowBytes = Math.ceil((widthPx * bitsPerPixel) / 32) * 4;
  const pixelBytes = rowBytes * heightPx;
  if (pixelOffsetBytes + pixelBytes > fileSizeBytes) {
    return failed(`pixel data is truncated: ${pixelBytes} bytes expected at offset ${pixelOffsetBytes}, the file has ${fileSizeBytes} bytes`);
  }
  return {
    ok: true,
    layout: { widthPx, heightPx, topDown: storedHeight < 0, bitsPerPixel, pixelOffsetBytes, rowBytes, pixelBytes, paletteRgb, alphaAllowed },
  };
}
