/**
 * HEIC/HEIF input for the worker. sharp's prebuilt libheif has no HEVC decoder, so HEIC (the
 * default photo format of iPhones) is decoded by libheif compiled to WebAssembly (heic-decode
 * over libheif-js, docs/decisions/heic-decoder.md) and handed to sharp as raw RGBA pixels.
 *
 * The same limits as every other image: the byte cap was checked by the caller, the declared
 * size is checked against the pixel limit from the headers before any pixel is decoded, and the
 * decode runs inside the worker process, which the pool kills when a job outlives its time limit
 * (WebAssembly cannot be interrupted from inside; its heap is capped at 2 GiB by the build).
 */
import type { FileHandle } from 'node:fs/promises';
import type { MediaError } from '../../shared/case/media-item.js';
import { reasonOf } from '../../shared/reasons/reason.js';
import { readFully, type RawPixels } from './bmp-input.js';
import { shortDetail } from './media-errors.js';

type HeicDecodeResult = { ok: true; pixels: RawPixels } | { ok: false; error: MediaError };

function damaged(detail: string): HeicDecodeResult {
  return { ok: false, error: { code: 'decode-failed', detail: shortDetail(`HEIC: ${detail}`), reason: reasonOf('heic-damaged', {}) } };
}

/**
 * Decodes the HEIC/HEIF open as `handle` (`fileSizeBytes` long, already under the byte cap):
 * its one top-level image, with the file's rotation and mirroring applied by libheif.
 * Never throws for a bad file: a declared size above `maxInputPixels` is 'too-many-pixels',
 * several top-level images are 'unsupported-format', anything libheif refuses is
 * 'decode-failed'. File-system errors do throw.
 */
export async function decodeHeic(handle: FileHandle, fileSizeBytes: number, maxInputPixels: number): Promise<HeicDecodeResult> {
  const file = Buffer.allocUnsafe(fileSizeBytes);
  const readBytes = await readFully(handle, file, 0, fileSizeBytes, 0);
  if (readBytes < fileSizeBytes) return damaged(`the file shrank while it was read (${readBytes} of ${fileSizeBytes} bytes)`);
  // Loaded on first use: 2 MB of WebAssembly that a case without HEIC never needs.
  const { default: decode } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: file });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // heic-decode reads only the common brands; a layered or scalable HEIF (heim, heis…) is refused unread.
    if (error instanceof TypeError && /not a HEIC image/i.test(message)) {
      return {
        ok: false,
        error: { code: 'unsupported-format', detail: `HEIF of a kind Veil cannot decode: ${message}`, reason: reasonOf('heif-kind-unsupported', {}) },
      };
    }
    return damaged(message);
  }
  try {
    const first = images[0];
    if (first === undefined) return damaged('the file holds no image');
    // heic-decode lists top-level images in file order and hides which is primary (pitm): a file could put
    // a harmless picture first and another as the one every other viewer shows, and the PDQ match would
    // be of the decoy. Refused in words rather than showing a picture that may not be the photo.
    if (images.length > 1) {
      return {
        ok: false,
        error: {
          code: 'unsupported-format',
          detail: `HEIF with ${images.length} top-level images; which one is primary cannot be told`,
          reason: reasonOf('heif-several-images', { count: images.length }),
        },
      };
    }
    const { width: widthPx, height: heightPx } = first;
    if (!Number.isInteger(widthPx) || !Number.isInteger(heightPx) || widthPx <= 0 || heightPx <= 0) return damaged(`declared size ${widthPx}×${heightPx}`);
    const declaredPixels = widthPx * heightPx;
    if (declaredPixels > maxInputPixels) {
      return {
        ok: false,
        error: {
          code: 'too-many-pixels',
          detail: `HEIC declares ${widthPx}×${heightPx} = ${declaredPixels} pixels; the limit is ${maxInputPixels}`,
          reason: reasonOf('image-declares-too-many-pixels', { widthPx, heightPx, limitPixels: maxInputPixels }),
        },
      };
    }
    const decoded = await first.decode();
    if (decoded.width !== widthPx || decoded.height !== heightPx || decoded.data.length !== declaredPixels * 4) {
      return damaged('the decoder returned an unexpected image');
    }
    const data = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
    return { ok: true, pixels: { data, widthPx, heightPx, channels: 4 } };
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  } finally {
    images.dispose();
  }
}
