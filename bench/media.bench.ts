/**
 * Media pipeline benchmark (`npm run bench:media`). Synthetic inputs only, written to a
 * temporary folder and removed afterwards. Prints medians, ratios to a decode-only floor,
 * how closely the shipped strong view (a reduced copy the browser enlarges) matches a true
 * full-size Gaussian, the two methods it replaced, a BMP (decoded by fast-bmp), worker-pool
 * throughput, the encoder comparison behind the JPEG choice, and ImageMagick doing the same
 * work for scale. Goals: view ≤ 1.5× decode-only; ≥ 30 thumbnails/s.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp, { type Sharp } from 'sharp';
import { deriveImage, type DerivedImage, type DeriveInput } from '../electron/media-worker/derive-image.js';
import { planDerivative } from '../electron/media-worker/derive-plan.js';
import { configureSharp } from '../electron/media-worker/sharp-setup.js';
import { forkWorkerChannel } from '../electron/services/media/fork-worker.js';
import { MediaWorkerPool } from '../electron/services/media/worker-pool.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../shared/media/derivative.js';
import { blurSigmaPx } from '../shared/media/filter-profile.js';
import { encodeWithFastBmp } from '../test/unit/electron/media-worker/synthetic-bmp.js';
import { sharpFromRaw, syntheticRaw, type RawImage } from '../test/unit/electron/media-worker/synthetic-image.js';

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '..');
const RUNS = 9;
const THROUGHPUT_FILES = 60;
const GOAL_VIEW_OVER_DECODE = 1.5;
const GOAL_THUMBS_PER_SECOND = 30;
const THUMB = DERIVATIVE_LONG_EDGE_PX.thumb;
const VIEW = DERIVATIVE_LONG_EDGE_PX.view;

async function medianMs(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up: libvips initialises codecs on first use
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

function table(rows: (string | number)[][]): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toFixed(1) : cell)));
  const widths = text[0]?.map((_, column) => Math.max(...text.map((row) => row[column]?.length ?? 0))) ?? [];
  return text.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

async function mustDerive(input: DeriveInput): Promise<DerivedImage> {
  const result = await deriveImage(input);
  if (!result.ok) throw new Error(`${input.filePath}: ${result.error.code} ${result.error.detail}`);
  return result;
}

const sharpOptions = { failOn: 'warning', sequentialRead: true, autoOrient: true } as const;

/** Rejected: the strong blur done at full output size. */
function viewBlurredAtFullSize(filePath: string, widthPx: number, heightPx: number): Promise<Buffer> {
  return sharp(filePath, sharpOptions)
    .resize(widthPx, heightPx, { fit: 'fill' })
    .greyscale()
    .blur(blurSigmaPx('strong', Math.max(widthPx, heightPx)))
    .toColourspace('b-w')
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Replaced: the same reduced copy, enlarged back to the output size in the worker before encoding. */
async function viewEnlargedInWorker(filePath: string, widthPx: number, heightPx: number): Promise<Buffer> {
  const plan = planDerivative(widthPx, heightPx, VIEW, 'strong');
  if (plan.blur.method !== 'reduced') throw new Error('expected a reduced-size plan');
  const small = await sharp(filePath, sharpOptions)
    .resize(plan.widthPx, plan.heightPx, { fit: 'fill', fastShrinkOnLoad: true })
    .greyscale()
    .blur(plan.blur.sigmaPx)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 1 } })
    .resize(widthPx, heightPx, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Grey levels of `bytes` drawn at `widthPx` × `heightPx`, enlarged bilinearly as a browser does. */
function shownGrey(bytes: Uint8Array, widthPx: number, heightPx: number): Promise<Buffer> {
  return sharp(bytes).resize(widthPx, heightPx, { fit: 'fill', kernel: 'linear' }).toColourspace('b-w').raw().toBuffer();
}

/** Mean |neighbour difference|: what blur removes. */
function edgeEnergy(grey: Buffer, widthPx: number): number {
  let sum = 0;
  for (let i = 0; i + widthPx + 1 < grey.length; i += 1)
    sum += Math.abs((grey[i] ?? 0) - (grey[i + 1] ?? 0)) + Math.abs((grey[i] ?? 0) - (grey[i + widthPx] ?? 0));
  return sum / (2 * grey.length);
}

interface Closeness {
  meanGreyLevels: number;
  p999GreyLevels: number;
  edgeEnergyRatio: number;
}

/** How a still, as the browser shows it at the output size, differs from a true full-size Gaussian. */
async function closeness(bytes: Uint8Array, reference: Buffer, widthPx: number, heightPx: number): Promise<Closeness> {
  const shown = await shownGrey(bytes, widthPx, heightPx);
  const differences = new Uint8Array(shown.length);
  let sum = 0;
  for (let i = 0; i < shown.length; i += 1) {
    differences[i] = Math.abs((shown[i] ?? 0) - (reference[i] ?? 0));
    sum += differences[i] ?? 0;
  }
  differences.sort();
  return {
    meanGreyLevels: sum / shown.length,
    p999GreyLevels: differences[Math.floor(differences.length * 0.999)] ?? 0,
    edgeEnergyRatio: edgeEnergy(shown, widthPx) / edgeEnergy(reference, widthPx),
  };
}

function describeCloseness(c: Closeness, bytes: number): string {
  return `vs full-size Gaussian: mean ${c.meanGreyLevels.toFixed(2)}, p99.9 ${c.p999GreyLevels} grey levels, edge energy ×${c.edgeEnergyRatio.toFixed(3)}; ${bytes} bytes`;
}

function ratio(ms: number, decodeMs: number): string {
  return `${(ms / decodeMs).toFixed(2)}×`;
}

async function singleFile(label: string, filePath: string): Promise<(string | number)[][]> {
  const header = await sharp(filePath).metadata();
  const scale = Math.min(1, VIEW / Math.max(header.width, header.height));
  const viewWidth = Math.round(header.width * scale);
  const viewHeight = Math.round(header.height * scale);
  const strongView = { filePath, longEdgePx: VIEW, greyscale: true, blur: 'strong' } as const;
  const decodeMs = await medianMs(() => sharp(filePath, { sequentialRead: true }).raw().toBuffer());
  const viewMs = await medianMs(() => mustDerive(strongView));
  const enlargedMs = await medianMs(() => viewEnlargedInWorker(filePath, viewWidth, viewHeight));
  const fullSizeBlurMs = await medianMs(() => viewBlurredAtFullSize(filePath, viewWidth, viewHeight));
  const thumbMs = await medianMs(() => mustDerive({ ...strongView, longEdgePx: THUMB }));
  const viewOffMs = await medianMs(() => mustDerive({ ...strongView, greyscale: false, blur: 'off' }));

  const shipped = await mustDerive(strongView);
  const enlarged = await viewEnlargedInWorker(filePath, viewWidth, viewHeight);
  const fullSize = await viewBlurredAtFullSize(filePath, viewWidth, viewHeight);
  // The reference is the rejected method before its JPEG encode: the look a blur level defines.
  const reference = await sharp(filePath, sharpOptions)
    .resize(viewWidth, viewHeight, { fit: 'fill' })
    .greyscale()
    .blur(blurSigmaPx('strong', Math.max(viewWidth, viewHeight)))
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const sizeMb = (await stat(filePath)).size / 1e6;
  const name = `${label} (${header.width}×${header.height}, ${sizeMb.toFixed(1)} MB)`;
  const goal = `goal ≤ ${GOAL_VIEW_OVER_DECODE}×: ${verdict(viewMs / decodeMs <= GOAL_VIEW_OVER_DECODE)}`;
  return [
    [name, 'decode-only (floor)', decodeMs, '1.00×', ''],
    [name, `view: strong + grey (shipped, ${shipped.widthPx}×${shipped.heightPx}, browser enlarges)`, viewMs, ratio(viewMs, decodeMs), goal],
    [name, '', '', '', describeCloseness(await closeness(shipped.bytes, reference, viewWidth, viewHeight), shipped.bytes.length)],
    [
      name,
      `view: strong, enlarged to ${viewWidth}×${viewHeight} in the worker (replaced)`,
      enlargedMs,
      ratio(enlargedMs, decodeMs),
      describeCloseness(await closeness(enlarged, reference, viewWidth, viewHeight), enlarged.length),
    ],
    [
      name,
      'view: strong, blurred at full size (rejected)',
      fullSizeBlurMs,
      ratio(fullSizeBlurMs, decodeMs),
      describeCloseness(await closeness(fullSize, reference, viewWidth, viewHeight), fullSize.length),
    ],
    [name, 'thumb: strong + grey', thumbMs, ratio(thumbMs, decodeMs), ''],
    [name, 'view: off + colour (a reveal)', viewOffMs, ratio(viewOffMs, decodeMs), ''],
  ];
}

/** A BMP has no libvips loader: fast-bmp decodes it in JavaScript, so the floor is different. */
async function bmpFile(label: string, filePath: string, rgbFloorPath: string): Promise<(string | number)[][]> {
  const pngDecodeMs = await medianMs(() => sharp(rgbFloorPath, { sequentialRead: true }).raw().toBuffer(), 5);
  const viewMs = await medianMs(() => mustDerive({ filePath, longEdgePx: VIEW, greyscale: true, blur: 'strong' }), 5);
  const thumbMs = await medianMs(() => mustDerive({ filePath, longEdgePx: THUMB, greyscale: true, blur: 'strong' }), 5);
  const sizeMb = (await stat(filePath)).size / 1e6;
  const name = `${label} (${sizeMb.toFixed(1)} MB)`;
  return [
    [name, 'the same pixels as PNG: decode-only', pngDecodeMs, '', ''],
    [name, 'view: strong + grey (fast-bmp + sharp raw)', viewMs, '', 'no shrink-on-load; every pixel decoded in JavaScript'],
    [name, 'thumb: strong + grey', thumbMs, '', ''],
  ];
}

/** Distinct files from one synthetic base: a different patch and noise band in each. */
function variant(base: RawImage, index: number): RawImage {
  const data = Buffer.from(base.data);
  const rowBytes = base.widthPx * base.channels;
  const bandTop = (index * 97) % (base.heightPx - 40);
  for (let i = bandTop * rowBytes; i < (bandTop + 40) * rowBytes; i += 1) data[i] = ((data[i] ?? 0) + index * 37) & 0xff;
  return { ...base, data };
}

async function throughput(dir: string, base: RawImage): Promise<{ thumbsPerSecond: number; files: number }> {
  const files: string[] = [];
  for (let i = 0; i < THROUGHPUT_FILES; i += 1) {
    const file = path.join(dir, `throughput-${i}.jpg`);
    await sharpFromRaw(variant(base, i)).jpeg({ quality: 88 }).toFile(file);
    files.push(file);
  }
  const entry = path.join(repoRoot, 'electron/media-worker/worker-main.ts');
  const pool = new MediaWorkerPool({ spawnWorker: () => forkWorkerChannel(entry, ['--import', 'tsx']), size: 2 });
  try {
    // Start both workers before timing (a real session starts them once).
    await Promise.all([0, 1].map((i) => pool.run({ filePath: files[i] ?? '', longEdgePx: THUMB, greyscale: true, blur: 'strong' })));
    const start = performance.now();
    const outcomes = await Promise.all(files.map((filePath) => pool.run({ filePath, longEdgePx: THUMB, greyscale: true, blur: 'strong' })));
    const seconds = (performance.now() - start) / 1000;
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed > 0) throw new Error(`${failed} thumbnails failed`);
    return { thumbsPerSecond: files.length / seconds, files: files.length };
  } finally {
    pool.close();
  }
}

async function encoderComparison(filePath: string): Promise<(string | number)[][]> {
  const blurred = await sharp(filePath)
    .resize(VIEW, VIEW, { fit: 'inside' })
    .greyscale()
    .blur(blurSigmaPx('strong', VIEW))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const source = () => sharp(blurred.data, { raw: { width: blurred.info.width, height: blurred.info.height, channels: 1 } });
  const rows: (string | number)[][] = [['encoder (2048 px blurred grey)', 'median ms', 'bytes', 'max |R−G|,|R−B| decoded']];
  const encoders: [string, () => Sharp][] = [
    ['JPEG q80, one channel (chosen)', () => source().toColourspace('b-w').jpeg({ quality: 80 })],
    ['WebP q80 effort 4 (default)', () => source().webp({ quality: 80 })],
    ['WebP q80 effort 0', () => source().webp({ quality: 80, effort: 0 })],
  ];
  for (const [label, make] of encoders) {
    const ms = await medianMs(() => make().toBuffer(), 5);
    const bytes = await make().toBuffer();
    const { data } = await sharp(bytes).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    let spread = 0;
    for (let i = 0; i < data.length; i += 3)
      spread = Math.max(spread, Math.abs((data[i] ?? 0) - (data[i + 1] ?? 0)), Math.abs((data[i] ?? 0) - (data[i + 2] ?? 0)));
    rows.push([label, ms, String(bytes.length), String(spread)]);
  }
  return rows;
}

async function imageMagick(filePath: string, dir: string, oursViewMs: number, oursThumbMs: number): Promise<string> {
  let version = '';
  try {
    version = (await execFileAsync('convert', ['-version'])).stdout.split('\n')[0] ?? '';
  } catch {
    return 'ImageMagick: not installed';
  }
  if (!version.includes('ImageMagick')) return 'ImageMagick: not installed (`convert` is something else)';
  // One thread, like one media worker.
  const env = { ...process.env, MAGICK_THREAD_LIMIT: '1' };
  const out = path.join(dir, 'magick.jpg');
  const run = (args: string[]) => execFileAsync('convert', [...args, out], { env });
  const viewMs = await medianMs(
    () => run([filePath, '-resize', `${VIEW}x${VIEW}>`, '-colorspace', 'Gray', '-blur', `0x${blurSigmaPx('strong', VIEW)}`, '-strip', '-quality', '80']),
    3,
  );
  const thumbMs = await medianMs(
    () =>
      run([
        '-define',
        `jpeg:size=${THUMB * 2}x${THUMB * 2}`,
        filePath,
        '-thumbnail',
        `${THUMB}x${THUMB}>`,
        '-colorspace',
        'Gray',
        '-blur',
        `0x${blurSigmaPx('strong', THUMB)}`,
        '-quality',
        '80',
      ]),
    5,
  );
  return table([
    ['ImageMagick (one thread, incl. process start)', 'median ms', 'ImageMagick / Veil'],
    [`view: resize + grey + blur σ=${blurSigmaPx('strong', VIEW)}`, viewMs, `${(viewMs / oursViewMs).toFixed(1)}×`],
    [`thumb: jpeg:size + thumbnail + grey + blur σ=${blurSigmaPx('strong', THUMB).toFixed(1)}`, thumbMs, `${(thumbMs / oursThumbMs).toFixed(1)}×`],
  ]).concat(`\n${version}`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veil-media-bench-'));
  try {
    console.log(
      `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}); Node ${process.version}`,
    );
    console.log('generating synthetic inputs…');
    const base = syntheticRaw({ widthPx: 4000, heightPx: 3000, seed: 12, noise: 20 });
    const jpegPath = path.join(dir, 'photo-12mp.jpg');
    await sharpFromRaw(base).jpeg({ quality: 88 }).toFile(jpegPath);
    const pngPath = path.join(dir, 'screen-1080p.png');
    await sharpFromRaw(syntheticRaw({ widthPx: 1920, heightPx: 1080, seed: 5, noise: 12 }))
      .png()
      .toFile(pngPath);
    const bmpPath = path.join(dir, 'photo-12mp.bmp');
    await writeFile(bmpPath, encodeWithFastBmp(base, 24));
    const bmpAsPngPath = path.join(dir, 'photo-12mp.png');
    await sharpFromRaw(base).png({ compressionLevel: 1 }).toFile(bmpAsPngPath);

    // Same settings as a worker process: one libvips thread, only Veil's loaders.
    configureSharp();
    const rows = [
      ['input', 'operation', 'median ms', 'vs decode', 'notes'],
      ...(await singleFile('12 MP JPEG', jpegPath)),
      ...(await singleFile('1080p PNG', pngPath)),
    ];
    console.log(`\nsingle image, one thread, median of ${RUNS}\n${table(rows)}`);
    console.log(`\n${table([['input', 'operation', 'median ms', '', 'notes'], ...(await bmpFile('12 MP BMP, 24-bit', bmpPath, bmpAsPngPath))])}`);

    const { thumbsPerSecond, files } = await throughput(dir, base);
    console.log(
      `\npool of 2 worker processes, ${files} distinct 12 MP JPEGs → thumbnails: ${thumbsPerSecond.toFixed(1)} thumbs/s ` +
        `(goal ≥ ${GOAL_THUMBS_PER_SECOND}: ${verdict(thumbsPerSecond >= GOAL_THUMBS_PER_SECOND)})`,
    );

    console.log(`\n${table(await encoderComparison(jpegPath))}`);

    const msOf = (operation: string) => Number(rows.find((row) => String(row[0]).startsWith('12 MP JPEG') && String(row[1]).startsWith(operation))?.[2]);
    const jpegView = msOf('view: strong + grey (shipped');
    const jpegThumb = msOf('thumb: strong + grey');
    console.log(`\n${await imageMagick(jpegPath, dir, jpegView, jpegThumb)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
