/**
 * PDQ from the thumbnail's decode (`npm run bench:known-pdq`). On the first-screen benchmark's
 * noisy 12 MP JPEGs (first-screen-case.ts, generated once), with the media worker's sharp set-up
 * (one libvips thread), times per image:
 * - the grid thumbnail alone, as the worker makes it (deriveImage);
 * - the thumbnail and PDQ from one decode (thumbnailAndPdq), the shipped way;
 * - the thumbnail plus PDQ from a second decode of the file, the way not taken.
 * Runs are interleaved file by file so a busy machine slows all three alike. Also the pure
 * hash on a 512 px decode, a 512×512 image and a full 12 MP image. Goal: ≤ 1.3× the thumbnail,
 * judged on CPU time per image: with one libvips thread and a synchronous hash, CPU time is the
 * wall time of an idle machine, and it is what a busy one (load average printed) distorts least.
 */
import os from 'node:os';
import sharp from 'sharp';
import { deriveImage, type DeriveInput } from '../electron/media-worker/derive-image.js';
import { PDQ_DECODE_PX, thumbnailAndPdq } from '../electron/media-worker/pdq-of-image.js';
import { configureSharp } from '../electron/media-worker/sharp-setup.js';
import { pdqHashFromRgb } from '../shared/known/pdq/pdq-hash.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../shared/media/derivative.js';
import { DEFAULT_FILTER_PROFILE } from '../shared/media/filter-profile.js';
import { firstScreenCase, PHOTO_HEIGHT_PX, PHOTO_WIDTH_PX } from './first-screen-case.js';
import { median } from './sample-stats.js';

const GOAL_RATIO = 1.3;
const HASH_RUNS = 15;

type Method = 'thumbnail' | 'one decode' | 'two decodes';
interface Sample {
  wallMs: number;
  cpuMs: number;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function thumbInput(filePath: string): DeriveInput {
  return { filePath, longEdgePx: DERIVATIVE_LONG_EDGE_PX.thumb, ...DEFAULT_FILTER_PROFILE };
}

async function thumbnailAlone(filePath: string): Promise<void> {
  const result = await deriveImage(thumbInput(filePath));
  if (!result.ok) throw new Error(`${filePath}: ${result.error.code}`);
}

async function thumbnailWithPdq(filePath: string): Promise<void> {
  const result = await thumbnailAndPdq(thumbInput(filePath));
  if (!result.ok) throw new Error(`${filePath}: ${result.error.code}`);
  if (result.pdq.quality < 50) throw new Error(`${filePath}: PDQ quality ${result.pdq.quality}`);
}

/** The alternative: the thumbnail as today, then the file decoded again for PDQ. */
async function thumbnailThenSecondDecode(filePath: string): Promise<void> {
  await thumbnailAlone(filePath);
  const { data, info } = await sharp(filePath, { failOn: 'warning', sequentialRead: true, autoOrient: true })
    .resize(PDQ_DECODE_PX, PDQ_DECODE_PX, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  pdqHashFromRgb({ widthPx: info.width, heightPx: info.height, rgb: data });
}

const METHODS: Record<Method, (filePath: string) => Promise<void>> = {
  thumbnail: thumbnailAlone,
  'one decode': thumbnailWithPdq,
  'two decodes': thumbnailThenSecondDecode,
};

/** Wall time and this process's CPU time (libvips threads included) of one call. */
async function timed(fn: () => Promise<void>): Promise<Sample> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Median wall and CPU milliseconds of the pure hash on `rgb`, decode excluded. */
function hashTimes(rgb: Uint8Array, widthPx: number, heightPx: number, runs: number): string {
  for (let i = 0; i < Math.min(3, runs); i += 1) pdqHashFromRgb({ widthPx, heightPx, rgb }); // let the JIT optimise first
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    pdqHashFromRgb({ widthPx, heightPx, rgb });
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return `${`${widthPx}×${heightPx}`.padEnd(10)} wall ${median(wall).toFixed(1).padStart(6)} ms, cpu ${median(cpu).toFixed(1).padStart(6)} ms (median of ${runs})`;
}

async function pureHashFigures(filePath: string): Promise<void> {
  const small = await sharp(filePath)
    .resize(PDQ_DECODE_PX, PDQ_DECODE_PX, { fit: 'inside', fastShrinkOnLoad: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const square = await sharp(filePath).resize(512, 512, { fit: 'fill' }).toColourspace('srgb').raw().toBuffer();
  const full = await sharp(filePath).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  log('pure PDQ hash (TypeScript, decode excluded):');
  log(`  the worker's decode  ${hashTimes(small.data, small.info.width, small.info.height, HASH_RUNS)}`);
  log(`  a square image       ${hashTimes(square, 512, 512, HASH_RUNS)}`);
  log(`  12 MP at full size   ${hashTimes(full.data, full.info.width, full.info.height, 3)}`);
}

async function main(): Promise<void> {
  configureSharp();
  const photos = await firstScreenCase(log);
  // Each file is run once per method: the sample count is the case's 40 photos.
  const files = photos.files;
  log(`load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.cpus().length} cores`);
  log(
    `${files.length} noisy ${PHOTO_WIDTH_PX}×${PHOTO_HEIGHT_PX} JPEGs, mean ${(photos.meanBytes / 1e6).toFixed(1)} MB; sharp with the worker's set-up (1 thread)`,
  );
  log(`thumbnail: ${DERIVATIVE_LONG_EDGE_PX.thumb} px, greyscale ${String(DEFAULT_FILTER_PROFILE.greyscale)}, blur ${DEFAULT_FILTER_PROFILE.blur}`);
  const methods = Object.keys(METHODS).filter((name): name is Method => name in METHODS);
  const samples = new Map<Method, Sample[]>(methods.map((name) => [name, []]));
  const first = files[0] ?? '';
  for (const name of methods) await METHODS[name](first); // warm-up: libvips sets up codecs on first use
  for (const [index, file] of files.entries()) {
    // Rotate the order file by file, so no method always runs first (cold cache) or last.
    const order = methods.map((_, i) => methods[(i + index) % methods.length] ?? 'thumbnail');
    for (const name of order) samples.get(name)?.push(await timed(() => METHODS[name](file)));
  }
  const wall = (name: Method) => median((samples.get(name) ?? []).map((s) => s.wallMs));
  const cpu = (name: Method) => median((samples.get(name) ?? []).map((s) => s.cpuMs));
  log('');
  log('per image (median)        wall ms   cpu ms   × thumbnail (wall, cpu)');
  for (const name of methods) {
    const ratios = `${(wall(name) / wall('thumbnail')).toFixed(2)}, ${(cpu(name) / cpu('thumbnail')).toFixed(2)}`;
    log(`  ${name.padEnd(22)} ${wall(name).toFixed(1).padStart(8)} ${cpu(name).toFixed(1).padStart(8)}   ${ratios}`);
  }
  log('');
  await pureHashFigures(first);
  const ratio = cpu('one decode') / cpu('thumbnail');
  log('');
  log(
    `thumbnail + PDQ from one decode: ${ratio.toFixed(2)}× the thumbnail alone in CPU time per image (goal ≤ ${GOAL_RATIO}×): ${ratio <= GOAL_RATIO ? 'met' : 'MISSED'}`,
  );
}

await main();
