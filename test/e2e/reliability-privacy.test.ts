/**
 * Privacy guard: nothing derived from a case — names, paths, hashes, pixels, derivatives,
 * ids — is written anywhere in the data folder. Runs the real browser host (dist/host/cli.js)
 * on a case whose folder and file names carry distinctive markers, does what an investigator
 * does (the import, thumbnails, the viewer, a reveal, a settings change, exposure counted),
 * quits cleanly, then searches every byte and every name under --data.
 *
 * Through the browser host rather than the services in-process: the process, its CLI and
 * its composition are the ones users run, and whatever any of them writes into --data is
 * caught, including writers added later. No browser is needed: the page's calls are HTTP.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyExposureSchema } from '../../shared/exposure/exposure-summary.js';
import { makeRawRgb } from '../fixtures/synthetic-media.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';

const MARKERS = ['ZQX-marker-7731', 'ZQX-folder-5512', 'ZQX-file-9904'];
const CASE_FOLDER = `Operation ${MARKERS[0]}`;
const SUB_FOLDER = `Suspect ${MARKERS[1]}`;

interface CaseFile {
  relativePath: string;
  bytes: Buffer;
  /** Raw RGB of the source, for pixel runs. */
  rgb: Buffer;
}

interface Item {
  id: string;
  relativePath: string;
}

let root = '';
let caseDir = '';
let host: RunningTestHost;
const caseFiles: CaseFile[] = [];
const derivatives: Buffer[] = [];
const ids: string[] = [];

async function writeCase(): Promise<void> {
  const specs = [
    { relativePath: `IMG ${MARKERS[2]} 0001.png`, format: 'png' as const, seed: 31 },
    { relativePath: `${SUB_FOLDER}/IMG ${MARKERS[2]} 0002.jpg`, format: 'jpeg' as const, seed: 32 },
    { relativePath: `${SUB_FOLDER}/deeper ${MARKERS[0]}/IMG ${MARKERS[2]} 0003.webp`, format: 'webp' as const, seed: 33 },
  ];
  for (const spec of specs) {
    const rgb = await makeRawRgb({ widthPx: 360, heightPx: 240, pattern: 'noise', seed: spec.seed });
    const image = sharp(rgb, { raw: { width: 360, height: 240, channels: 3 } });
    const bytes =
      spec.format === 'png'
        ? await image.png().toBuffer()
        : spec.format === 'jpeg'
          ? await image.jpeg({ quality: 90 }).toBuffer()
          : await image.webp({ quality: 90 }).toBuffer();
    const filePath = join(caseDir, spec.relativePath);
    mkdirSync(join(filePath, '..'), { recursive: true });
    writeFileSync(filePath, bytes);
    caseFiles.push({ relativePath: spec.relativePath, bytes, rgb });
  }
}

async function media(itemId: string, kind: 'thumb' | 'view', query: string): Promise<Buffer> {
  const response = await fetch(`${host.origin}/media/${itemId}/${kind}?${query}&token=${host.token}`);
  expect(response.status, `${kind} ${query}`).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Runs of `length` bytes from the middle of `bytes`, at a few places: long enough to be unique, short enough to catch a partial copy. */
function runsOf(bytes: Buffer, length: number): Buffer[] {
  return [0.3, 0.5, 0.7].map((at) => {
    const start = Math.floor((bytes.length - length) * at);
    return bytes.subarray(start, start + length);
  });
}

/** Every file under `dir`, with its path relative to it. */
function filesUnder(dir: string): { relativePath: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ relativePath: relative(dir, join(dir, name)), bytes: readFileSync(join(dir, name)) }));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'veil-privacy-'));
  caseDir = join(root, CASE_FOLDER);
  mkdirSync(caseDir);
  await writeCase();
  host = await startTestHost({ caseDir });
  const caseId = await waitUntil(
    async () => (await host.call('getCase', {})) as { caseId: string; import: { phase: string } },
    (summary) => summary.import.phase === 'done',
  ).then((summary) => summary.caseId);
  ids.push(caseId);
  const { items } = (await host.call('listItems', { caseId, offset: 0, limit: 100 })) as { items: Item[] };
  expect(items).toHaveLength(caseFiles.length);

  // Thumbnails on the grid, each in the viewer, and each revealed whole (no grey, no blur).
  for (const item of items) {
    ids.push(item.id);
    derivatives.push(await media(item.id, 'thumb', 'grey=1&blur=strong'));
    derivatives.push(await media(item.id, 'view', 'grey=1&blur=strong'));
    derivatives.push(await media(item.id, 'view', 'grey=0&blur=off'));
  }
  const veiled = { greyscale: true, blur: 'strong', reveal: 'none' } as const;
  const revealed = { greyscale: false, blur: 'off', reveal: 'whole' } as const;
  const itemIds = items.map((item) => item.id);
  const report = (seq: number, surfaces: unknown[]) => host.call('reportVisibility', { caseId, seq, pageVisible: true, surfaces, video: null });
  await report(1, [{ surface: 'grid', itemIds, filter: veiled }]);
  await report(2, [{ surface: 'viewer', itemIds: [itemIds[0]], filter: veiled }]);
  await report(3, [{ surface: 'viewer', itemIds: [itemIds[0]], filter: revealed }]);
  // The host's own clock measures exposure: wait until it has counted some (no fixed sleep).
  await waitUntil(
    async () => MyExposureSchema.parse(await host.call('getMyExposure', {})),
    (mine) => mine.today.exposureMs > 0 && mine.today.unfilteredMs > 0,
    30_000,
  );
  await report(4, []);
  await host.call('updateSettings', { revealDurationSec: 5 });
  await host.stop();
}, 120_000);

afterAll(async () => {
  await host?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('privacy guard: the data folder holds nothing from the case', () => {
  it('really wrote its state there: settings, the day journal with the viewing counted, the break state', () => {
    const names = filesUnder(host.dataDir).map((file) => file.relativePath);
    expect(names).toEqual(expect.arrayContaining(['settings.json', 'wellbeing-state.json', expect.stringMatching(/^ledger[\\/]\d{4}-\d{2}-\d{2}\.jsonl$/)]));
    const journal = filesUnder(host.dataDir)
      .find((file) => /\.jsonl$/.test(file.relativePath))!
      .bytes.toString('utf8');
    expect(journal).toContain('"type":"exposure"');
    expect(journal).toContain('"type":"reveal"');
    expect(JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ revealDurationSec: 5 });
  });

  it('has no name, path, hash, id, pixel run or derivative bytes of the case in any file or file name', () => {
    const strings = new Set<string>([...MARKERS, CASE_FOLDER, SUB_FOLDER, caseDir, realpathSync(caseDir), root, ...ids]);
    for (const file of caseFiles) {
      strings.add(file.relativePath);
      strings.add(file.relativePath.split('/').at(-1)!);
      strings.add(encodeURIComponent(file.relativePath));
      const digest = createHash('sha256').update(file.bytes).digest();
      strings.add(digest.toString('hex'));
      strings.add(digest.toString('hex').toUpperCase());
      strings.add(digest.toString('base64'));
    }
    const needles: { what: string; bytes: Buffer }[] = [];
    for (const text of strings) {
      needles.push({ what: JSON.stringify(text), bytes: Buffer.from(text, 'utf8') });
      needles.push({ what: `${JSON.stringify(text)} (UTF-16)`, bytes: Buffer.from(text, 'utf16le') });
    }
    for (const file of caseFiles) {
      runsOf(file.rgb, 24).forEach((bytes, index) => needles.push({ what: `pixels of ${file.relativePath} #${index}`, bytes }));
      runsOf(file.bytes, 32).forEach((bytes, index) => needles.push({ what: `bytes of ${file.relativePath} #${index}`, bytes }));
    }
    derivatives.forEach((bytes, index) => runsOf(bytes, 32).forEach((run, at) => needles.push({ what: `derivative ${index} #${at}`, bytes: run })));

    const written = filesUnder(host.dataDir);
    const found: string[] = [];
    for (const file of written) {
      for (const needle of needles) {
        if (file.bytes.includes(needle.bytes)) found.push(`${needle.what} in ${file.relativePath}`);
        if (Buffer.from(file.relativePath).includes(needle.bytes)) found.push(`${needle.what} in the name ${file.relativePath}`);
      }
    }
    expect(found).toEqual([]);
    const totalBytes = written.reduce((sum, file) => sum + file.bytes.length, 0);
    console.log(
      `[reliability] privacy: ${written.length} files (${totalBytes} bytes) in the data folder searched for ${needles.length} case-derived byte strings: 0 found`,
    );
  });
});
