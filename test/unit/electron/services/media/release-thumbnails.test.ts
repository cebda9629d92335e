import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { handleMediaRequest } from '../../../../../electron/services/media/media-route.js';
import { createMediaService, type MediaItemLocation, type MediaService } from '../../../../../electron/services/media/media-service.js';
import { MediaWorkerPool } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner, type FakeWorker } from './fake-worker.js';

const IDS = ['shown-0001', 'gone-00001', 'shown-0002'] as const;
let caseRoot: string;

beforeEach(async () => {
  caseRoot = await realpath(await mkdtemp(path.join(os.tmpdir(), 'veil-release-')));
  for (const id of IDS) await writeFile(path.join(caseRoot, `${id}.jpg`), 'stand-in; the fake worker does not read it');
});

afterEach(async () => {
  await rm(caseRoot, { recursive: true, force: true });
});

function setUp(): { service: MediaService; pool: MediaWorkerPool; worker: () => FakeWorker } {
  const spawner = fakeSpawner();
  const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker: 1, log: () => undefined });
  const lookupItem = (itemId: string): MediaItemLocation | null =>
    (IDS as readonly string[]).includes(itemId)
      ? { absolutePath: path.join(caseRoot, `${itemId}.jpg`), kind: 'image', format: 'jpeg', caseRoot, knownHidden: false }
      : null;
  const service = createMediaService({ pool, cache: createDerivativeCache({ maxBytes: 1 << 20 }), lookupItem, onItemFailed: () => undefined });
  pool.warm();
  return {
    service,
    pool,
    worker() {
      const found = spawner.workers[0];
      if (!found) throw new Error('no worker started');
      return found;
    },
  };
}

const postedFiles = (worker: FakeWorker) => worker.posted.map((job) => path.basename(job.filePath));

/** Electron's protocol.handle gives a Request whose signal never aborts: requests here get none that does. */
const neverAborts = new AbortController().signal;

/** Waits for the state, however slow the machine (a number of event-loop turns ran out under load). */
async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error('condition never held');
    },
    { timeout: 15_000, interval: 2 },
  );
}

describe('releasing thumbnails that left the screen (no request signal ever aborts)', () => {
  it('drops a queued thumbnail so the one still on screen is decoded first, and answers its request as cancelled', async () => {
    const { service, pool, worker } = setUp();
    worker().ready();
    const query = new URLSearchParams('grey=1&blur=strong');
    const first = handleMediaRequest(service, `${IDS[0]}/thumb`, query, {}, neverAborts);
    await until(() => worker().posted.length === 1);
    const scrolledAway = handleMediaRequest(service, `${IDS[1]}/thumb`, query, {}, neverAborts);
    const stillShown = handleMediaRequest(service, `${IDS[2]}/thumb`, query, {}, neverAborts);
    await until(() => pool.status.queued === 2);

    expect(service.releaseThumbnails([IDS[1]])).toBe(1);
    await expect(scrolledAway).resolves.toMatchObject({ status: 499 });

    worker().succeed();
    await expect(first).resolves.toMatchObject({ status: 200 });
    await until(() => worker().posted.length === 2);
    expect(postedFiles(worker())).toEqual([`${IDS[0]}.jpg`, `${IDS[2]}.jpg`]);
    worker().succeed();
    await expect(stillShown).resolves.toMatchObject({ status: 200 });
  });

  it('lets a thumbnail a worker already has finish, and serves it from the cache afterwards', async () => {
    const { service, worker } = setUp();
    worker().ready();
    const request = { itemId: IDS[0], kind: 'thumb', greyscale: true, blur: 'strong' } as const;
    const running = service.getStill(request, neverAborts);
    await until(() => worker().posted.length === 1);
    service.releaseThumbnails([IDS[0]]);
    worker().succeed();
    await expect(running).resolves.toMatchObject({ ok: true });
    await expect(service.getStill(request)).resolves.toMatchObject({ ok: true });
    expect(worker().posted).toHaveLength(1);
  });

  it('makes a released thumbnail again when it is asked for later', async () => {
    const { service, pool, worker } = setUp();
    const request = { itemId: IDS[1], kind: 'thumb', greyscale: true, blur: 'strong' } as const;
    const released = service.getStill(request, neverAborts);
    await until(() => pool.status.queued === 1);
    service.releaseThumbnails([IDS[1]]);
    await expect(released).resolves.toMatchObject({ ok: false, refused: 'aborted' });
    const again = service.getStill(request, neverAborts);
    worker().ready();
    await until(() => worker().posted.length === 1);
    worker().succeed();
    await expect(again).resolves.toMatchObject({ ok: true });
  });

  it('leaves views alone', async () => {
    const { service, pool, worker } = setUp();
    const view = service.getStill({ itemId: IDS[0], kind: 'view', greyscale: true, blur: 'strong' }, neverAborts);
    await until(() => pool.status.queued === 1);
    expect(service.releaseThumbnails([IDS[0]])).toBe(0);
    worker().ready();
    await until(() => worker().posted.length === 1);
    worker().succeed();
    await expect(view).resolves.toMatchObject({ ok: true });
  });
});
