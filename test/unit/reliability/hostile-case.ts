/**
 * A generated hostile case: every kind of broken, lying or oversized file the import and the
 * media worker must survive, made from synthetic images with sharp and then cut, garbled or
 * patched, plus the real files of the shared hostile corpus. Each file comes with what it
 * must end as.
 */
import { copyFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { MediaErrorCode } from '../../../shared/case/media-item.js';
import { seededBytes } from '../../fixtures/synthetic-media.js';
import { encode, sharpFromRaw, syntheticRaw, type SyntheticFormat } from '../electron/media-worker/synthetic-image.js';
import { HOSTILE_CORPUS } from './service-harness.js';

export type Expected =
  /** An item whose thumbnail is a correct veiled image of a source this size. */
  | { as: 'image'; sourceWidthPx: number; sourceHeightPx: number }
  /** An item shown as an error tile with this code. */
  | { as: 'error'; code: MediaErrorCode }
  /** Damage a decoder may read past: either a correct image of this size or an error tile with one of these codes. */
  | { as: 'image-or-error'; sourceWidthPx: number; sourceHeightPx: number; codes: readonly MediaErrorCode[] }
  /** Not an item at all: listed among the files that could not be opened, with this code. */
  | { as: 'problem'; code: MediaErrorCode };

const TWO_GIB = 2 * 1024 ** 3;

const EXTENSIONS: Record<Exclude<SyntheticFormat, 'avif'>, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tif' };

async function synthetic(widthPx: number, heightPx: number, seed: number, format: SyntheticFormat): Promise<Buffer> {
  return encode(sharpFromRaw(syntheticRaw({ widthPx, heightPx, seed })), format).toBuffer();
}

/** Flips bytes in the middle of the file (every 11th from 30% to 90%), leaving the header that names the format intact. */
function garbled(bytes: Buffer, seed: number): Buffer {
  const copy = Buffer.from(bytes);
  const noise = seededBytes(seed, copy.length);
  for (let at = Math.floor(copy.length * 0.3); at < Math.floor(copy.length * 0.9); at += 11) copy[at] = (copy[at] ?? 0) ^ ((noise[at] ?? 0) | 1);
  return copy;
}

/** A PNG whose header declares another size (its IHDR checksum recomputed, so only the size lies). */
function pngDeclaring(png: Buffer, widthPx: number, heightPx: number): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(widthPx, 16);
  copy.writeUInt32BE(heightPx, 20);
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}

/** A GIF whose logical screen (the canvas every frame is drawn on) declares another size. */
function gifDeclaringScreen(gif: Buffer, widthPx: number, heightPx: number): Buffer {
  const copy = Buffer.from(gif);
  copy.writeUInt16LE(widthPx, 6);
  copy.writeUInt16LE(heightPx, 8);
  return copy;
}

/** A GIF whose first frame (its image descriptor, after the colour table and any extensions) declares another size. */
function gifDeclaringFrame(gif: Buffer, widthPx: number, heightPx: number): Buffer {
  const copy = gifDeclaringScreen(gif, widthPx, heightPx);
  const flags = copy[10] ?? 0;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  while (copy[at] === 0x21) {
    at += 2;
    while ((copy[at] ?? 0) !== 0) at += (copy[at] ?? 0) + 1;
    at += 1;
  }
  if (copy[at] !== 0x2c) throw new Error('no image descriptor found');
  copy.writeUInt16LE(widthPx, at + 5);
  copy.writeUInt16LE(heightPx, at + 7);
  return copy;
}

/** A JPEG whose frame header (SOF0/SOF2) declares another size. */
function jpegDeclaring(jpeg: Buffer, widthPx: number, heightPx: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let at = 2; at + 9 < copy.length; at += 1) {
    if (copy[at] === 0xff && (copy[at + 1] === 0xc0 || copy[at + 1] === 0xc2)) {
      copy.writeUInt16BE(heightPx, at + 5);
      copy.writeUInt16BE(widthPx, at + 7);
      return copy;
    }
  }
  throw new Error('no frame header found');
}

/** What each file of the shared corpus must end as (its README, with Veil's pixel limit). */
const CORPUS: Record<string, Expected> = {
  'truncated.jpg': { as: 'error', code: 'decode-failed' },
  'truncated.png': { as: 'error', code: 'decode-failed' },
  'corrupt-header.jpg': { as: 'error', code: 'decode-failed' },
  'giant-image.jpg': { as: 'error', code: 'too-many-pixels' },
  '65536-uint32-limit.png': { as: 'error', code: 'too-many-pixels' },
  'big-height.webp': { as: 'image', sourceWidthPx: 13, sourceHeightPx: 169 },
  'Crash_test.gif': { as: 'image', sourceWidthPx: 320, sourceHeightPx: 213 },
};

/**
 * Writes the hostile case into `caseDir` and returns, per relative path, what it must end
 * as. The two sparse 2 GiB files take no disk space (holes) but are read whole by the import's hash.
 */
export async function writeHostileCase(caseDir: string): Promise<Record<string, Expected>> {
  const expected: Record<string, Expected> = {};
  const put = (name: string, bytes: Uint8Array | string, outcome: Expected): void => {
    writeFileSync(path.join(caseDir, name), bytes);
    expected[name] = outcome;
  };

  for (const name of readdirSync(HOSTILE_CORPUS).filter((entry) => entry !== 'README.md')) {
    copyFileSync(path.join(HOSTILE_CORPUS, name), path.join(caseDir, `corpus-${name}`));
    const outcome = CORPUS[name];
    if (!outcome) throw new Error(`the corpus has a file this test does not know: ${name}`);
    expected[`corpus-${name}`] = outcome;
  }

  // Per format: a good control, the first half only, and the middle garbled.
  for (const [index, [format, extension]] of Object.entries(EXTENSIONS).entries()) {
    const good = await synthetic(400, 300, index + 1, format as SyntheticFormat);
    put(`good.${extension}`, good, { as: 'image', sourceWidthPx: 400, sourceHeightPx: 300 });
    put(`truncated-half.${extension}`, good.subarray(0, Math.floor(good.length / 2)), { as: 'error', code: 'decode-failed' });
    put(`garbled.${extension}`, garbled(good, index + 11), { as: 'image-or-error', sourceWidthPx: 400, sourceHeightPx: 300, codes: ['decode-failed'] });
  }

  // Decompression bombs: tiny files whose headers promise billions of pixels.
  const smallPng = await synthetic(64, 64, 21, 'png');
  put('bomb-50000x50000.png', pngDeclaring(smallPng, 50_000, 50_000), { as: 'error', code: 'too-many-pixels' });
  put('bomb-65500x65500.jpg', jpegDeclaring(await synthetic(64, 64, 22, 'jpeg'), 65_500, 65_500), { as: 'error', code: 'too-many-pixels' });
  const smallGif = await synthetic(64, 64, 23, 'gif');
  put('bomb-frame-65535x65535.gif', gifDeclaringFrame(smallGif, 65_535, 65_535), { as: 'error', code: 'too-many-pixels' });
  // Only the canvas lies: libnsgif decodes the frame at its own 64×64, so no bomb goes off and the image shows.
  put('bomb-screen-65535x65535.gif', gifDeclaringScreen(smallGif, 65_535, 65_535), { as: 'image', sourceWidthPx: 64, sourceHeightPx: 64 });
  // A real bomb just under the pixel limit: 96 MP of one colour in a few hundred kB; it must decode, streamed, in time.
  const flat = await sharp({ create: { width: 12_000, height: 8_000, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  put('bomb-96-megapixels-flat.png', flat, { as: 'image', sourceWidthPx: 12_000, sourceHeightPx: 8_000 });

  // Absurd but real dimensions.
  put('thin-1x16000.png', await synthetic(1, 16_000, 24, 'png'), { as: 'image', sourceWidthPx: 1, sourceHeightPx: 16_000 });
  put('wide-16000x1.webp', await synthetic(16_000, 1, 25, 'webp'), { as: 'image', sourceWidthPx: 16_000, sourceHeightPx: 1 });
  put('zero-width.png', pngDeclaring(smallPng, 0, 64), { as: 'error', code: 'decode-failed' });

  // Named .jpg, but something else.
  put('png-inside.jpg', smallPng, { as: 'image', sourceWidthPx: 64, sourceHeightPx: 64 });
  put('text-inside.jpg', 'Interview notes, not an image.\n'.repeat(40), { as: 'problem', code: 'mislabelled' });
  put('zip-inside.jpg', Buffer.concat([Buffer.from('PK\u0003\u0004'), seededBytes(26, 2000)]), { as: 'problem', code: 'mislabelled' });
  put('random-inside.jpg', seededBytes(27, 8192), { as: 'problem', code: 'mislabelled' });

  put('zero-bytes.jpg', new Uint8Array(0), { as: 'problem', code: 'empty-file' });

  // 2 GiB sparse files: all hole, and a real JPEG followed by the hole.
  put('sparse-2gib.jpg', new Uint8Array(0), { as: 'problem', code: 'mislabelled' });
  truncateSync(path.join(caseDir, 'sparse-2gib.jpg'), TWO_GIB);
  put('sparse-2gib-jpeg-header.jpg', await synthetic(64, 64, 28, 'jpeg'), { as: 'error', code: 'too-large' });
  truncateSync(path.join(caseDir, 'sparse-2gib-jpeg-header.jpg'), TWO_GIB);

  return expected;
}
