import type { MediaFormat } from '../../../shared/media/media-kinds.js';

/**
 * How many leading bytes the sniffers look at. ISO-BMFF lists its compatible
 * brands and Matroska its DocType within the first few dozen bytes; 512 leaves
 * room for long brand lists and padding elements.
 */
export const SNIFF_HEAD_BYTES = 512;

/**
 * The media format a file's content has, judged from its first bytes (magic
 * numbers) only, or null when it is none Veil can show. The file name is never
 * consulted: a renamed file is still what its bytes say. Pure and total — any
 * byte sequence, including an empty or truncated one, gives an answer, never an exception.
 */
export function sniffFormat(head: Uint8Array): MediaFormat | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (isTiff(head)) return 'tiff';
  if (isBmp(head)) return 'bmp';
  if (ascii(head, 4, 4) === 'ftyp') return isoBmffFormat(head);
  if (startsWith(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return matroskaDocType(head) === 'webm' ? 'webm' : null;
  if (isLegacyQuickTime(head)) return 'mov';
  return null;
}

const TIFF_SIGNATURES = [
  [0x49, 0x49, 0x2a, 0x00], // little-endian TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // big-endian TIFF
  [0x49, 0x49, 0x2b, 0x00], // little-endian BigTIFF (libtiff reads it)
  [0x4d, 0x4d, 0x00, 0x2b], // big-endian BigTIFF
] as const;

function isTiff(head: Uint8Array): boolean {
  return TIFF_SIGNATURES.some((signature) => startsWith(head, 0, signature));
}

/** BITMAPCOREHEADER, OS/2 2.x variants, BITMAPINFOHEADER and its V2–V5 successors. */
const BMP_DIB_HEADER_SIZES: ReadonlySet<number> = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/**
 * "BM" alone is two printable letters that begin many text files ("BMW…"), so the
 * header must also hold together: a known DIB header size, and pixel data that
 * starts after the headers.
 */
function isBmp(head: Uint8Array): boolean {
  if (ascii(head, 0, 2) !== 'BM' || head.length < 18) return false;
  const pixelDataOffset = uint32le(head, 10);
  const dibHeaderSize = uint32le(head, 14);
  return BMP_DIB_HEADER_SIZES.has(dibHeaderSize) && pixelDataOffset >= 14 + dibHeaderSize;
}

const AVIF_BRANDS: ReadonlySet<string> = new Set(['avif', 'avis']);
const HEIC_BRANDS: ReadonlySet<string> = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
/** Generic HEIF brands: the image codec is told by a more specific compatible brand, HEIC by default. */
const HEIF_GENERIC_BRANDS: ReadonlySet<string> = new Set(['mif1', 'msf1', 'mif2', 'miaf']);
const MP4_BRANDS: ReadonlySet<string> = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'msnv',
  'NDAS',
  'f4v ',
  'mmp4',
]);

const AUDIO_ONLY_BRANDS: ReadonlySet<string> = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

function formatOfBrand(brand: string): MediaFormat | null {
  if (AVIF_BRANDS.has(brand)) return 'avif';
  if (HEIC_BRANDS.has(brand)) return 'heic';
  if (brand === 'qt  ') return 'mov';
  if (MP4_BRANDS.has(brand)) return 'mp4';
  return null;
}

/**
 * An ISO base media file: the `ftyp` box names a major brand and a list of
 * compatible ones. A specific major brand decides; a generic HEIF one defers to
 * its compatible brands (AVIF files often say `mif1` first); an unknown major
 * brand (e.g. a camera maker's own) is judged by the first compatible brand we know.
 * Audio-only brands such as `M4A ` are not media Veil shows.
 */
function isoBmffFormat(head: Uint8Array): MediaFormat | null {
  if (head.length < 12) return null;
  const boxSizeBytes = uint32be(head, 0);
  const majorBrand = ascii(head, 8, 4);
  const compatibleBrands: string[] = [];
  const brandsEnd = Math.min(head.length, boxSizeBytes >= 16 ? boxSizeBytes : 16);
  for (let offset = 16; offset + 4 <= brandsEnd; offset += 4) compatibleBrands.push(ascii(head, offset, 4));

  // Audio files list video brands as compatible (mp42, isom); their own major brand decides.
  if (AUDIO_ONLY_BRANDS.has(majorBrand)) return null;
  if (HEIF_GENERIC_BRANDS.has(majorBrand)) {
    if (compatibleBrands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
    return 'heic';
  }
  const major = formatOfBrand(majorBrand);
  if (major) return major;
  for (const brand of compatibleBrands) {
    const format = formatOfBrand(brand);
    if (format) return format;
  }
  return null;
}

/** The major brand of an ISO base media file (`ftyp` box), or null when the bytes are not one. */
export function isoBrand(head: Uint8Array): string | null {
  return head.length >= 12 && ascii(head, 4, 4) === 'ftyp' ? ascii(head, 8, 4) : null;
}

/**
 * QuickTime files older than the `ftyp` box start straight with a movie atom.
 * The size field must be plausible (a text file's first four bytes are printable
 * and would make a size over 512 MiB, which only `mdat` can have).
 */
function isLegacyQuickTime(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const atom = ascii(head, 4, 4);
  const sizeBytes = uint32be(head, 0);
  if (atom === 'mdat') return sizeBytes === 1 || (sizeBytes >= 8 && sizeBytes < 0x2000_0000);
  return ['moov', 'wide', 'free', 'skip', 'pnot'].includes(atom) && sizeBytes >= 8 && sizeBytes < 0x0100_0000;
}

/**
 * Reads the EBML header's DocType ("webm" or "matroska"). Only WebM is media Veil
 * plays; other Matroska files are listed as unsupported rather than guessed at.
 */
export function matroskaDocType(head: Uint8Array): string | null {
  const headerSize = readVint(head, 4);
  if (!headerSize) return null;
  const end = Math.min(head.length, 4 + headerSize.length + headerSize.value);
  let offset = 4 + headerSize.length;
  while (offset < end) {
    const id = readVint(head, offset, true);
    if (!id) return null;
    const size = readVint(head, offset + id.length);
    if (!size) return null;
    const dataStart = offset + id.length + size.length;
    if (id.value === 0x4282) return ascii(head, dataStart, Math.min(size.value, 32)).replace(/\0+$/, '');
    offset = dataStart + size.value;
  }
  return null;
}

/** An EBML variable-length integer; `keepMarker` for element ids, which keep their length bit. */
function readVint(bytes: Uint8Array, offset: number, keepMarker = false): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length += 1;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i += 1) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, length };
}

export function startsWith(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** Bytes as Latin-1 text (each byte one character), for comparing with four-character codes. */
export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = '';
  for (let i = offset; i < offset + length && i < bytes.length; i += 1) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

function uint32le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) + (bytes[offset + 1] ?? 0) * 0x100 + (bytes[offset + 2] ?? 0) * 0x10000 + (bytes[offset + 3] ?? 0) * 0x1000000;
}

function uint32be(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) * 0x1000000 + (bytes[offset + 1] ?? 0) * 0x10000 + (bytes[offset + 2] ?? 0) * 0x100 + (bytes[offset + 3] ?? 0);
}
