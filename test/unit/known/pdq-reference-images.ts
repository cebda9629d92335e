/**
 * The PDQ reference vectors (../shared/pdq-reference beside the repository, as on CI): the
 * expected hashes and qualities, and each image decoded exactly as they were made.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../../shared/pdq-reference');

export interface ReferenceRow {
  file: string;
  hashHex: string;
  quality: number;
  widthPx: number;
  heightPx: number;
}

/** The rows of expected.tsv (header skipped). */
export function referenceRows(): ReferenceRow[] {
  const lines = readFileSync(path.join(REFERENCE_DIR, 'expected.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file = '', hashHex = '', quality = '', size = ''] = line.split('\t');
    const [widthPx = 0, heightPx = 0] = size.split('x').map(Number);
    return { file, hashHex, quality: Number(quality), widthPx, heightPx };
  });
}

/** Full size, no EXIF rotation, alpha removed, sRGB, 8-bit raw — the decode the README describes. */
export async function decodeAsReference(file: string): Promise<{ pixels: Uint8Array; widthPx: number; heightPx: number; channels: 1 | 3 }> {
  const { data, info } = await sharp(path.join(REFERENCE_DIR, 'images', file))
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 && info.channels !== 3) throw new Error(`${file}: ${info.channels} channels after removeAlpha`);
  return { pixels: data, widthPx: info.width, heightPx: info.height, channels: info.channels };
}
