/**
 * A file that kills the media worker with SIGSEGV whenever it is read, in the middle of a
 * burst of thumbnails, while the case is still importing: the worker (two jobs at a time) is
 * replaced, the file and the one beside it are read again alone, the file becomes an error
 * tile, every other item gets its thumbnail and the import lists the whole case.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { encode, sharpFromRaw, syntheticRaw, type SyntheticFormat } from '../electron/media-worker/synthetic-image.js';
import { removeDataDir, startServiceHarness, type ServiceHarness, type SpawnedWorker, type StillOutcome } from './service-harness.js';

const IMAGE_COUNT = 24;
const FORMATS: readonly SyntheticFormat[] = ['jpeg', 'png', 'webp', 'gif', 'tiff'];
/** The file of the fifth job sent is the hostile one: every worker reading it is killed. */
const KILL_AT_JOB = 5;
let victimPath: string | null = null;

let caseDir = '';
let harness: ServiceHarness;
const killed: { worker: SpawnedWorker; filePath: string }[] = [];
let caseId = '';
let phaseWhenBurstStarted = '';
let items: MediaItem[] = [];
const outcomes = new Map<string, StillOutcome>();

/** Resolves once the open case lists `count` items, looking again at every event the services push. */
function itemsListed(count: number): Promise<MediaItem[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const look = (): void => {
      if (done) return;
      harness.listAllItems(caseId).then((listed) => {
        if (done || listed.length < count) return;
        done = true;
        unsubscribe();
        resolve(listed);
      }, reject);
    };
    const unsubscribe = harness.onEvent(look);
    look();
  });
}

beforeAll(async () => {
  caseDir = mkdtempSync(path.join(tmpdir(), 'veil-crash-case-'));
  for (let i = 0; i < IMAGE_COUNT; i += 1) {
    const format = FORMATS[i % FORMATS.length]!;
    const bytes = await encode(sharpFromRaw(syntheticRaw({ widthPx: 240 + i * 8, heightPx: 180, seed: 100 + i })), format).toBuffer();
    writeFileSync(path.join(caseDir, `item-${String(i).padStart(2, '0')}.${format === 'jpeg' ? 'jpg' : format}`), bytes);
  }
  // Sorted last and slow to hash (2 GiB, sparse): the import is still running while the thumbnails are made.
  writeFileSync(path.join(caseDir, 'zz-padding.bin'), '');
  truncateSync(path.join(caseDir, 'zz-padding.bin'), 2 * 1024 ** 3);

  harness = await startServiceHarness({
    onJobSent: (worker, job) => {
      const sent = harness.workers.reduce((sum, each) => sum + each.jobsSent, 0);
      if (sent === KILL_AT_JOB) victimPath = job.filePath;
      if (job.filePath !== victimPath || worker.pid === undefined) return;
      killed.push({ worker, filePath: job.filePath });
      process.kill(worker.pid, 'SIGSEGV');
    },
  });
  ({ caseId } = (await harness.services.handlers.openCase({ folderPath: caseDir }))!);
  items = await itemsListed(IMAGE_COUNT);
  phaseWhenBurstStarted = (await harness.services.handlers.getCase({}))?.import.phase ?? 'none';
  const results = await Promise.all(items.map((item) => harness.thumb(item.id)));
  items.forEach((item, index) => outcomes.set(item.relativePath, results[index]!));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  if (harness) removeDataDir(harness);
  rmSync(caseDir, { recursive: true, force: true });
});

describe('a media worker killed with SIGSEGV during an import and a burst of thumbnails', () => {
  it('was killed mid-job while the import was still running: beside another job, then alone', () => {
    expect(killed).toHaveLength(2);
    expect(phaseWhenBurstStarted).toBe('scanning');
  });

  it('fails only the item in flight, as an error tile naming the crash', async () => {
    const failed = [...outcomes.entries()].filter(([, outcome]) => !outcome.ok);
    const seen = JSON.stringify({ killed: killed[0]?.filePath, failed, workers: harness.workers });
    expect(failed, seen).toHaveLength(1);
    const [relativePath, outcome] = failed[0]!;
    expect(killed[0]!.filePath.endsWith(relativePath), seen).toBe(true);
    expect(outcome).toMatchObject({ ok: false, status: 422, code: 'worker-crashed', detail: expect.stringContaining('SIGSEGV') });
    const listed = await harness.listAllItems(caseId);
    expect(listed.filter((item) => item.error !== null).map((item) => [item.relativePath, item.error?.code])).toEqual([[relativePath, 'worker-crashed']]);
  });

  it('gives every other item its thumbnail', () => {
    const images = [...outcomes.values()].filter((outcome) => outcome.ok);
    expect(images).toHaveLength(IMAGE_COUNT - 1);
    for (const image of images) if (image.ok) expect(image.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('replaces each dead worker', () => {
    for (const { worker } of killed) expect(worker.ended).toEqual({ code: null, signal: 'SIGSEGV' });
    expect(harness.workers).toHaveLength(3);
    expect(harness.workers.filter((worker) => worker.ended === null)).toHaveLength(1);
    console.log(
      `[reliability] SIGSEGV mid-burst: 1 of ${IMAGE_COUNT} items failed 'worker-crashed', ${IMAGE_COUNT - 1} thumbnails made, worker restarted twice (${harness.workers.length} started for a pool of 1)`,
    );
  });

  it('still completes the import with every file listed', async () => {
    const final = await harness.importEnded(caseId);
    expect(final).toMatchObject({ phase: 'done', failure: null, filesFound: IMAGE_COUNT + 1, filesProcessed: IMAGE_COUNT + 1 });
    expect((await harness.listAllItems(caseId)).map((item) => item.relativePath)).toEqual(items.map((item) => item.relativePath));
    const { problems } = await harness.services.handlers.listProblems({ caseId, offset: 0, limit: 10 });
    expect(problems.map((problem) => problem.relativePath)).toEqual(['zz-padding.bin']);
    // Waits for the import's end, whatever the machine: reading the 2 GiB padding for MD5, SHA-1
    // and SHA-256 took past vitest's 30 s default with both cores busy (test:stress).
  }, 180_000);
});
