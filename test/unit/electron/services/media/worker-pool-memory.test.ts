import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import type { MemoryLimit } from '../../../../../electron/services/media/worker-pool-memory.js';
import { fakeSpawner, workerAt as worker } from './fake-worker.js';

const MIB = 1024 * 1024;
const CHECK_EVERY_MS = 250;

function job(name: string): DeriveJob {
  return { filePath: `/case/${name}.jpg`, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

/** A pool whose fake workers report the memory the test gives them (100 MB until told otherwise). */
function makePool(jobsPerWorker = 1) {
  const spawner = fakeSpawner();
  const memoryLimit: MemoryLimit = { maxRssBytes: 500 * MIB, checkEveryMs: CHECK_EVERY_MS };
  const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker, jobTimeoutMs: 20_000, log: vi.fn(), memoryLimit });
  return { pool, workers: spawner.workers };
}

const memoryLimitFailure = {
  ok: false,
  error: {
    code: 'too-large',
    detail: 'the media worker held 900 MB, above the limit of 500 MB; it was killed',
    reason: { code: 'media-memory-limit', params: { limitMb: 500 } },
  },
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('memory limit of media worker jobs', () => {
  it('kills a worker that holds more memory than allowed, fails its job with the reason, and runs the next job in a fresh worker', async () => {
    const { pool, workers } = makePool();
    const hog = pool.run(job('hog'));
    const next = pool.run(job('next'));
    const first = worker(workers, 0);
    first.ready();
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(first.killed).toBe(false);
    first.rssBytes = 900 * MIB;
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(first.killed).toBe(true);
    await expect(hog).resolves.toEqual(memoryLimitFailure);
    const fresh = worker(workers, 1);
    fresh.ready();
    expect(fresh.posted.map((p) => p.filePath)).toEqual(['/case/next.jpg']);
    fresh.succeed();
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  it('blames neither of two jobs sharing a worker over the limit: each runs again alone, and only the one over it alone fails', async () => {
    const { pool, workers } = makePool(2);
    const hog = pool.run(job('hog'));
    const innocent = pool.run(job('innocent'));
    const first = worker(workers, 0);
    first.ready();
    expect(first.posted).toHaveLength(2);
    first.rssBytes = 900 * MIB;
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(first.killed).toBe(true);
    const second = worker(workers, 1);
    second.ready();
    // Alone first: the hog again, which passes the limit again.
    expect(second.posted.map((p) => p.filePath)).toEqual(['/case/hog.jpg']);
    second.rssBytes = 900 * MIB;
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    await expect(hog).resolves.toEqual(memoryLimitFailure);
    const third = worker(workers, 2);
    third.ready();
    expect(third.posted.map((p) => p.filePath)).toEqual(['/case/innocent.jpg']);
    third.succeed();
    await expect(innocent).resolves.toMatchObject({ ok: true });
  });

  it('stops reading memory once no job runs', async () => {
    const { pool, workers } = makePool();
    const done = pool.run(job('a'));
    const w = worker(workers, 0);
    w.ready();
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(w.memoryReads).toBeGreaterThan(0);
    w.succeed();
    await done;
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    const readsWhenIdle = w.memoryReads;
    await vi.advanceTimersByTimeAsync(10 * CHECK_EVERY_MS);
    expect(w.memoryReads).toBe(readsWhenIdle);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps a worker whose memory cannot be told (or cannot be read) running: no guess, no kill', async () => {
    const { pool, workers } = makePool();
    const done = pool.run(job('a'));
    const w = worker(workers, 0);
    w.ready();
    w.rssBytes = null;
    await vi.advanceTimersByTimeAsync(4 * CHECK_EVERY_MS);
    w.residentBytes = () => Promise.reject(new Error('the process is gone'));
    await vi.advanceTimersByTimeAsync(4 * CHECK_EVERY_MS);
    w.residentBytes = () => {
      throw new Error('no metrics');
    };
    await vi.advanceTimersByTimeAsync(4 * CHECK_EVERY_MS);
    expect(w.killed).toBe(false);
    w.succeed();
    await expect(done).resolves.toMatchObject({ ok: true });
  });
});
