import type { MediaError } from '../../../shared/case/media-item.js';
import type { MediaFormat } from '../../../shared/media/media-kinds.js';

/**
 * Formats libvips decodes whenever the file is whole. HEIC is absent: it never reaches libvips
 * (heic-input.ts decodes it and says itself whether a file is damaged or of a kind it cannot read).
 */
const DECODED_FORMATS: ReadonlySet<MediaFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'bmp', 'avif']);

/** libvips' words when no loader recognised the file at all. */
const NO_LOADER = /unsupported image format/i;

/**
 * The import sniffed a supported format from the file's first bytes; if libvips then finds
 * no loader for it, the file is damaged (a TIFF cut off before its directory, which libtiff
 * needs to recognise it), not of a type Veil does not support. Telling the investigator
 * "this file type is not supported" about a damaged TIFF would send them the wrong way.
 */
export function blameDamageNotFormat(error: MediaError, sniffedFormat: MediaFormat): MediaError {
  if (error.code !== 'unsupported-format' || !DECODED_FORMATS.has(sniffedFormat) || !NO_LOADER.test(error.detail)) return error;
  return { code: 'decode-failed', detail: `the file starts as ${sniffedFormat.toUpperCase()} but cannot be read (damaged or cut short): ${error.detail}` };
}
