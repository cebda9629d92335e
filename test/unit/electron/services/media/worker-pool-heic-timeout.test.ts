import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner, settle, workerAt as worker } from './fake-worker.js';

function job(name: string): DeriveJob {
  return { filePath: `/case/${name}`, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('time-out of a HEIC job', () => {
  it('gives a HEIC (decoded in WebAssembly, 4–20 s for 12 MP on a busy machine) its longer time-out, and any other file the usual one', async () => {
    const spawner = fakeSpawner();
    const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker: 1, log: vi.fn() });
    const heic = pool.run(job('IMG_0001.HEIC'), { format: 'heic' });
    const jpeg = pool.run(job('IMG_0002.JPG'), { format: 'jpeg' });
    const first = worker(spawner.workers, 0);
    first.ready();
    // 25 s: past the usual 20 s, well within a busy machine's time for one HEIC.
    vi.advanceTimersByTime(25_000);
    await settle();
    expect(first.killed).toBe(false);
    first.succeed();
    await expect(heic).resolves.toMatchObject({ ok: true });
    vi.advanceTimersByTime(20_000);
    await expect(jpeg).resolves.toEqual({ ok: false, error: { code: 'timed-out', detail: 'no result after 20000 ms; the worker was restarted' } });
    pool.close();
  });

  it('still fails a HEIC that never finishes, after its own time-out', async () => {
    const spawner = fakeSpawner();
    const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker: 1, log: vi.fn(), heicJobTimeoutMs: 45_000 });
    const heic = pool.run(job('loop.heic'), { format: 'heic' });
    worker(spawner.workers, 0).ready();
    vi.advanceTimersByTime(44_999);
    await settle();
    expect(worker(spawner.workers, 0).killed).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(heic).resolves.toEqual({ ok: false, error: { code: 'timed-out', detail: 'no result after 45000 ms; the worker was restarted' } });
    expect(worker(spawner.workers, 0).killed).toBe(true);
    pool.close();
  });
});
