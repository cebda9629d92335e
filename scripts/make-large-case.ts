/**
 * Writes a large synthetic case for benchmarks and manual testing:
 *   tsx scripts/make-large-case.ts OUTDIR [--count 100000] [--per-folder 1000]
 * Fifty tiny base images (shapes and gradients, JPEG and PNG) are written in
 * variants whose bytes differ — a numbered JPEG comment or PNG text chunk — so
 * no two files de-duplicate and every one is still a valid image.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { makeStill } from '../test/fixtures/synthetic-media.js';

const BASE_IMAGE_COUNT = 50;
const WRITES_IN_FLIGHT = 64;

export interface LargeCaseOptions {
  count: number;
  /** Files per sub-folder (default and usual 1000; more only to test huge flat folders); folders are `set-NN/batch-NNNN`. */
  perFolder?: number;
  onProgress?: (written: number) => void;
}

/** A JPEG with a comment (COM) segment right after the start-of-image marker. */
function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)]);
}

/** A PNG with a tEXt chunk right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const typeAndData = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
  const chunk = Buffer.alloc(8 + typeAndData.length);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

async function baseImages(): Promise<{ bytes: Buffer; format: 'jpeg' | 'png' }[]> {
  return Promise.all(
    Array.from({ length: BASE_IMAGE_COUNT }, async (_, i) => {
      const format = i % 2 === 0 ? 'jpeg' : 'png';
      const spec = { widthPx: 64, heightPx: 48, pattern: i % 3 === 0 ? 'gradient' : 'shapes', seed: 1000 + i } as const;
      return { bytes: await makeStill(spec, format, { quality: 70 }), format };
    }),
  );
}

export function largeCaseRelativePath(index: number, perFolder: number): string {
  const folder = Math.floor(index / perFolder);
  const set = String(Math.floor(folder / 10)).padStart(2, '0');
  return `set-${set}/batch-${String(folder).padStart(4, '0')}/image-${String(index).padStart(6, '0')}`;
}

/**
 * Writes `count` distinct small images into `outDir` (which must be empty or
 * absent) and returns the bytes written. Keeps 64 writes in flight.
 */
export async function makeLargeCase(outDir: string, options: LargeCaseOptions): Promise<{ files: number; bytes: number }> {
  const perFolder = Math.max(1, options.perFolder ?? 1000);
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty; choose an empty or new folder`);
  const bases = await baseImages();
  let next = 0;
  let bytes = 0;
  const madeFolders = new Map<string, Promise<unknown>>();

  async function writer(): Promise<void> {
    for (let index = next++; index < options.count; index = next++) {
      const base = bases[index % bases.length];
      if (!base) continue;
      const label = `veil-large-case #${index}`;
      const content = base.format === 'jpeg' ? withJpegComment(base.bytes, label) : withPngText(base.bytes, 'Comment', label);
      const relativePath = `${largeCaseRelativePath(index, perFolder)}.${base.format === 'jpeg' ? 'jpg' : 'png'}`;
      const folder = path.dirname(path.join(outDir, relativePath));
      // Writers share folders: each waits for the one mkdir of its folder.
      let made = madeFolders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        madeFolders.set(folder, made);
      }
      await made;
      await writeFile(path.join(outDir, relativePath), content);
      bytes += content.length;
      if (index % 1000 === 999) options.onProgress?.(index + 1);
    }
  }
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
  return { files: options.count, bytes };
}

function numberOption(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args[0];
  if (!outDir || outDir.startsWith('--')) {
    console.error('usage: tsx scripts/make-large-case.ts OUTDIR [--count 100000] [--per-folder 1000]');
    process.exitCode = 2;
    return;
  }
  const count = numberOption(args, '--count', 100_000);
  const startedMs = performance.now();
  const result = await makeLargeCase(path.resolve(outDir), {
    count,
    perFolder: numberOption(args, '--per-folder', 1000),
    onProgress: (written) => process.stdout.write(`\r${written} / ${count} files`),
  });
  const seconds = (performance.now() - startedMs) / 1000;
  console.log(`\nwrote ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB, in ${seconds.toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
