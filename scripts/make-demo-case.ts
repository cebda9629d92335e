/**
 * Writes Veil's built-in demo case: tsx scripts/make-demo-case.ts OUTDIR
 * (`npm run build:nocheck` runs it into dist/demo-case).
 *
 * Synthetic media only — gradients, shapes, checkerboards, noise and large
 * "Sample N" labels — in every format Veil shows, with the awkward cases a
 * demonstration needs: a tall and a wide image, a 12-megapixel JPEG, two short
 * videos with a tone to mute, a damaged JPEG, a PNG named .jpg, a text file named
 * .jpg, a duplicate, a sub-folder and a notes file.
 *
 * Idempotent: notes.txt carries DEMO_CASE_VERSION, and an OUTDIR whose notes
 * name this version is left alone. Otherwise the case is written beside OUTDIR
 * and moved into place, so an interrupted run never leaves half a case. Bump the
 * version whenever the content below changes.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeStill, truncated, writeVideo, type StillFormat, type StillSpec } from '../test/fixtures/synthetic-media.js';

export const DEMO_CASE_VERSION = 'Veil demo case, version 1';

interface StillEntry {
  path: string;
  spec: StillSpec;
  format: StillFormat;
  quality?: number;
}

const STILLS: StillEntry[] = [
  { path: 'Sample 01 - gradient.jpg', spec: { widthPx: 1600, heightPx: 1200, pattern: 'gradient', label: 'Sample 1', seed: 1 }, format: 'jpeg' },
  { path: 'Sample 02 - shapes.png', spec: { widthPx: 800, heightPx: 600, pattern: 'shapes', label: 'Sample 2', seed: 2 }, format: 'png' },
  { path: 'Sample 03 - checkerboard.webp', spec: { widthPx: 1024, heightPx: 768, pattern: 'checkerboard', label: 'Sample 3', seed: 3 }, format: 'webp' },
  { path: 'Sample 04 - shapes.gif', spec: { widthPx: 480, heightPx: 360, pattern: 'shapes', label: 'Sample 4', seed: 4 }, format: 'gif' },
  { path: 'Sample 05 - noise.tiff', spec: { widthPx: 640, heightPx: 480, pattern: 'noise', label: 'Sample 5', seed: 5 }, format: 'tiff' },
  { path: 'Sample 06 - bitmap.bmp', spec: { widthPx: 320, heightPx: 240, pattern: 'gradient', label: 'Sample 6', seed: 6 }, format: 'bmp' },
  { path: 'Sample 07 - shapes.avif', spec: { widthPx: 800, heightPx: 600, pattern: 'shapes', label: 'Sample 7', seed: 7 }, format: 'avif' },
  { path: 'Sample 08 - tall.png', spec: { widthPx: 600, heightPx: 2400, pattern: 'gradient', label: 'Sample 8', seed: 8 }, format: 'png' },
  { path: 'Sample 09 - wide.jpg', spec: { widthPx: 3000, heightPx: 600, pattern: 'shapes', label: 'Sample 9', seed: 9 }, format: 'jpeg' },
  {
    path: 'Sample 10 - 12 megapixels.jpg',
    spec: { widthPx: 4000, heightPx: 3000, pattern: 'shapes', label: 'Sample 10', seed: 10 },
    format: 'jpeg',
    quality: 85,
  },
  {
    path: 'Sub-folder/Sample 14 - checkerboard.jpg',
    spec: { widthPx: 1200, heightPx: 900, pattern: 'checkerboard', label: 'Sample 14', seed: 14 },
    format: 'jpeg',
  },
];

async function writeDemoCase(dir: string): Promise<void> {
  const put = async (relativePath: string, bytes: Buffer | string) => {
    const filePath = path.join(dir, ...relativePath.split('/'));
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, bytes);
  };
  const stills = new Map<string, Buffer>();
  await Promise.all(
    STILLS.map(async (entry) => {
      const bytes = await makeStill(entry.spec, entry.format, { quality: entry.quality });
      stills.set(entry.path, bytes);
      await put(entry.path, bytes);
    }),
  );
  const damaged = await makeStill({ widthPx: 900, heightPx: 600, pattern: 'noise', label: 'Sample 13', seed: 13 }, 'jpeg');
  const renamed = await makeStill({ widthPx: 640, heightPx: 480, pattern: 'shapes', label: 'Sample 15', seed: 15 }, 'png');
  await Promise.all([
    writeVideo(path.join(dir, 'Sample 11 - video.mp4'), { format: 'mp4', durationS: 3, widthPx: 640, heightPx: 360, toneHz: 440, label: 'Sample 11' }),
    writeVideo(path.join(dir, 'Sample 12 - video.webm'), { format: 'webm', durationS: 3, widthPx: 320, heightPx: 240, toneHz: 660, label: 'Sample 12' }),
    // Cut short: the format is recognised, decoding fails, so the grid shows an error tile.
    put('Sample 13 - damaged.jpg', truncated(damaged, Math.floor(damaged.length / 2))),
    // A PNG named .jpg: shown as what it is, flagged as misnamed.
    put('Sample 15 - misnamed.jpg', renamed),
    // Text named .jpg: listed as a problem, not shown.
    put('Sample 16 - not an image.jpg', 'This is a text file with an image name.\n'),
    put('Sub-folder/Copy of Sample 02.png', stills.get('Sample 02 - shapes.png') ?? ''),
  ]);
  // Written last: its presence marks a complete case.
  await put(
    'notes.txt',
    `${DEMO_CASE_VERSION}\n\nEvery file here is synthetic (gradients, shapes, noise and labels), made by scripts/make-demo-case.ts.\n` +
      'It shows what Veil does with each format, a damaged file, a misnamed file, a duplicate and a sub-folder.\n',
  );
}

async function notesVersion(dir: string): Promise<string | null> {
  const notes = await readFile(path.join(dir, 'notes.txt'), 'utf8').catch(() => null);
  return notes === null ? null : (notes.split('\n')[0] ?? null);
}

/**
 * Makes the demo case in `outDir` unless it is already there at this version.
 * Returns whether it wrote anything. Refuses to replace a folder that is not an
 * (older) demo case.
 */
export async function makeDemoCase(outDir: string): Promise<boolean> {
  const existing = await notesVersion(outDir);
  if (existing === DEMO_CASE_VERSION) return false;
  const entries = await readdir(outDir).catch(() => null);
  if (entries && entries.length > 0 && !existing?.startsWith('Veil demo case')) {
    throw new Error(`${outDir} exists and is not a Veil demo case; not replacing it`);
  }
  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await writeDemoCase(staging);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: tsx scripts/make-demo-case.ts OUTDIR');
    process.exitCode = 2;
    return;
  }
  const startedMs = performance.now();
  const wrote = await makeDemoCase(path.resolve(outDir));
  const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
  console.log(wrote ? `demo case written to ${outDir} in ${seconds} s` : `demo case in ${outDir} is up to date`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
