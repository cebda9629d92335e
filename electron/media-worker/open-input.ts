/**
 * The first step of every derivative: check the file, then open it as a sharp image whose
 * oriented size is known. libvips loaders read what they can; a BMP or a HEIC (which they
 * cannot) is decoded by bmp-input.ts or heic-input.ts and handed over as raw pixels. Either
 * way the caller gets the same.
 */
import { open, type FileHandle } from 'node:fs/promises';
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import type { MediaError } from '../../shared/case/media-item.js';
import { BMP_HEAD_BYTES, looksLikeBmp } from './bmp-header.js';
import { decodeBmp, type RawPixels } from './bmp-input.js';
import { sniffFormat } from '../services/case/sniff-format.js';
import { decodeHeic } from './heic-input.js';
import { mediaErrorFromFs, mediaErrorFromSharp, shortDetail } from './media-errors.js';

export interface DeriveLimits {
  /** Files larger than this are refused before any decoder sees them ('too-large'). */
  maxInputBytes: number;
  /** Declared width × height above this is refused from the header ('too-many-pixels'). */
  maxInputPixels: number;
  /** libvips gives up on one pipeline after this long ('timed-out'); the pool has its own, longer limit. */
  timeoutSeconds: number;
}

export const DEFAULT_DERIVE_LIMITS: DeriveLimits = {
  maxInputBytes: 512 * 1024 * 1024,
  maxInputPixels: 100_000_000,
  timeoutSeconds: 15,
};

interface OpenedInput {
  ok: true;
  /** Not yet resized or encoded; the caller adds its pipeline. */
  image: Sharp;
  /** Size after EXIF orientation. */
  widthPx: number;
  heightPx: number;
}
export type OpenResult = OpenedInput | { ok: false; error: MediaError };

/**
 * Opens `filePath` for deriving: refuses a non-file, an empty file or one above the byte
 * cap; decodes a BMP itself ('BM' signature); otherwise reads the header through sharp.
 * Never throws: every failure is a MediaError.
 */
export async function openInput(filePath: string, limits: DeriveLimits): Promise<OpenResult> {
  const checked = await checkAndSniff(filePath, limits);
  if (!checked.ok) return checked;
  if (checked.rawPixels === null) return openWithSharp(filePath, limits);
  const { data, widthPx, heightPx, channels } = checked.rawPixels;
  try {
    const image = sharp(data, { raw: { width: widthPx, height: heightPx, channels }, limitInputPixels: limits.maxInputPixels });
    return { ok: true, image, widthPx, heightPx };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

type SniffResult = { ok: true; rawPixels: RawPixels | null } | { ok: false; error: MediaError };

/** Size checks, then the first bytes; a BMP or HEIC is decoded through the same handle, so all of it concerns one file. */
async function checkAndSniff(filePath: string, limits: DeriveLimits): Promise<SniffResult> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(filePath, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, error: { code: 'unreadable', detail: 'not a regular file' } };
    if (stats.size === 0) return { ok: false, error: { code: 'empty-file', detail: 'the file has 0 bytes' } };
    if (stats.size > limits.maxInputBytes) {
      return { ok: false, error: { code: 'too-large', detail: `${stats.size} bytes; the limit is ${limits.maxInputBytes} bytes` } };
    }
    const head = Buffer.alloc(Math.min(stats.size, BMP_HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sniffed = head.subarray(0, bytesRead);
    // The same judgement as the import's (by content, never by name): HEIC never reaches libvips.
    const decoded = looksLikeBmp(sniffed)
      ? await decodeBmp(handle, sniffed, stats.size, limits.maxInputPixels)
      : sniffFormat(sniffed) === 'heic'
        ? await decodeHeic(handle, stats.size, limits.maxInputPixels)
        : null;
    if (decoded === null) return { ok: true, rawPixels: null };
    return decoded.ok ? { ok: true, rawPixels: decoded.pixels } : decoded;
  } catch (error) {
    return { ok: false, error: hasErrorCode(error) ? mediaErrorFromFs(error) : { code: 'decode-failed', detail: shortDetail(String(error)) } };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** File-system errors carry a code (ENOENT, EACCES…); anything else here is a decoding problem. */
function hasErrorCode(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}

async function openWithSharp(filePath: string, limits: DeriveLimits): Promise<OpenResult> {
  try {
    const image = sharp(filePath, sharpInputOptions(limits));
    const header = await image.metadata();
    return { ok: true, image, widthPx: header.autoOrient.width, heightPx: header.autoOrient.height };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}

function sharpInputOptions(limits: DeriveLimits): SharpOptions {
  return {
    failOn: 'warning',
    limitInputPixels: limits.maxInputPixels,
    // The first frame of an animated GIF/WebP; a multi-page TIFF shows its first page.
    animated: false,
    sequentialRead: true,
    autoOrient: true,
  };
}
