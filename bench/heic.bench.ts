/**
 * HEIC benchmark (`npm run bench:heic`): the grid thumbnail of a 12-megapixel HEIC (an iPhone's
 * 4032 × 3024) beside the same picture as a JPEG, in the same run, made exactly as the media
 * worker makes them (deriveImage, greyscale and strongly blurred). The picture is synthetic
 * (gradient, checkerboard band, shapes and noise; never a photograph), encoded once with
 * Debian's `heif-enc` (libheif-examples, as the HEIC test fixtures are) and sharp's JPEG
 * encoder (quality 85), and cached in the temp folder. The first HEIC job, which loads libheif's
 * WebAssembly, is reported apart from the steady state.
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deriveImage } from '../electron/media-worker/derive-image.js';
import { configureSharp } from '../electron/media-worker/sharp-setup.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../shared/media/derivative.js';
import { sharpFromRaw, syntheticRaw } from '../test/unit/electron/media-worker/synthetic-image.js';
import { median } from './sample-stats.js';

const execFileAsync = promisify(execFile);
const CACHE_DIR = path.join(os.tmpdir(), 'veil-heic-bench');
const WIDTH_PX = 4032;
const HEIGHT_PX = 3024;
const JPEG_QUALITY = 85;
/**
 * Grey levels of noise (±) in the synthetic picture, and heif-enc's quality (that of the HEIC test
 * fixtures): HEVC decoding slows with the bitrate, and a photo's sensor noise is what makes its
 * bitrate. These give a 2.8 MB HEIC, as a phone's 12 MP photo; the pattern's default noise (24) at
 * quality 85 gave 7.9 MB.
 */
const NOISE = 8;
const HEIC_QUALITY = 60;
const RUNS = 5;

async function exists(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    (stats) => stats.size > 0,
    () => false,
  );
}

/** The picture as a JPEG and as a HEIC, made on first use and kept for later runs. */
async function cachedPictures(): Promise<{ jpeg: string; heic: string }> {
  const jpeg = path.join(CACHE_DIR, `synthetic-${WIDTH_PX}x${HEIGHT_PX}-noise${NOISE}-q${HEIC_QUALITY}.jpg`);
  const heic = path.join(CACHE_DIR, `synthetic-${WIDTH_PX}x${HEIGHT_PX}-noise${NOISE}-q${HEIC_QUALITY}.heic`);
  if ((await exists(jpeg)) && (await exists(heic))) return { jpeg, heic };
  await mkdir(CACHE_DIR, { recursive: true });
  console.log(`making the ${WIDTH_PX} × ${HEIGHT_PX} pictures (cached in ${CACHE_DIR})…`);
  const raw = syntheticRaw({ widthPx: WIDTH_PX, heightPx: HEIGHT_PX, seed: 12, noise: NOISE });
  const png = path.join(CACHE_DIR, 'source.png');
  await sharpFromRaw(raw).png({ compressionLevel: 1 }).toFile(png);
  await sharpFromRaw(raw).jpeg({ quality: JPEG_QUALITY }).toFile(jpeg);
  // Written under another name first, so a run stopped half-way leaves no cut file to be reused.
  await execFileAsync('heif-enc', ['-q', String(HEIC_QUALITY), '-o', `${heic}.part.heic`, png]);
  await rename(`${heic}.part.heic`, heic);
  return { jpeg, heic };
}

async function thumbnailMs(filePath: string): Promise<number> {
  const start = performance.now();
  const result = await deriveImage({ filePath, longEdgePx: DERIVATIVE_LONG_EDGE_PX.thumb, greyscale: true, blur: 'strong' });
  const elapsedMs = performance.now() - start;
  if (!result.ok) throw new Error(`${filePath}: ${result.error.code} ${result.error.detail}`);
  return elapsedMs;
}

configureSharp();
const { jpeg, heic } = await cachedPictures();
const [jpegBytes, heicBytes] = await Promise.all([stat(jpeg), stat(heic)]).then((all) => all.map((stats) => stats.size));
const firstHeicMs = await thumbnailMs(heic);
// Taken in turns, so both see the same load on a shared machine.
const heicSamples: number[] = [];
const jpegSamples: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  heicSamples.push(await thumbnailMs(heic));
  jpegSamples.push(await thumbnailMs(jpeg));
}
const heicMs = median(heicSamples);
const jpegMs = median(jpegSamples);
const mb = (bytes: number | undefined) => ((bytes ?? 0) / 1024 / 1024).toFixed(1);
console.log(`grid thumbnail (${DERIVATIVE_LONG_EDGE_PX.thumb} px, grey, strong blur) of a ${WIDTH_PX} × ${HEIGHT_PX} synthetic picture, median of ${RUNS}:`);
console.log(`  JPEG (${mb(jpegBytes)} MB)  ${jpegMs.toFixed(0)} ms`);
console.log(`  HEIC (${mb(heicBytes)} MB)  ${heicMs.toFixed(0)} ms  (first job, loading libheif's WebAssembly: ${firstHeicMs.toFixed(0)} ms)`);
console.log(`  HEIC / JPEG: ${(heicMs / jpegMs).toFixed(1)}×`);
