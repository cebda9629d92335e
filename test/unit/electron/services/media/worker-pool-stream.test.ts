import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWorkerPool } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner, settle, workerAt as worker } from './fake-worker.js';

const video = { filePath: '/case/clip.mp4', greyscale: true, blur: 'strong' } as const;
const part = (jobId: number) => ({ jobId, chunk: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]) });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a streamed job (veiled video) in the worker pool', () => {
  it('lives past the stall limit while its parts come, but not past its overall limit however steadily they trickle', async () => {
    const spawner = fakeSpawner();
    const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, log: vi.fn(), jobTimeoutMs: 20_000, streamJobTimeoutMs: 60_000 });
    const parts: Uint8Array[] = [];
    const outcome = pool.runVeiledVideo(video, { onChunk: (bytes) => parts.push(bytes) });
    const first = worker(spawner.workers, 0);
    first.ready();
    const jobId = first.lastJobId();
    // A part every 15 s: never a 20 s stall.
    for (let atSec = 15; atSec <= 45; atSec += 15) {
      vi.advanceTimersByTime(15_000);
      first.send(part(jobId));
    }
    await settle();
    expect(first.killed).toBe(false);
    expect(parts).toHaveLength(3);
    vi.advanceTimersByTime(14_000);
    first.send(part(jobId));
    // 59 s: still within the overall limit; the next stall time-out is cut to what is left of it.
    vi.advanceTimersByTime(1_000);
    await expect(outcome).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    expect(first.killed).toBe(true);
    pool.close();
  });

  it('tells its worker to stop when the caller leaves, and answers with the reason', async () => {
    const spawner = fakeSpawner();
    const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, log: vi.fn() });
    const leaving = new AbortController();
    const outcome = pool.runVeiledVideo(video, { signal: leaving.signal, onChunk: vi.fn() });
    const first = worker(spawner.workers, 0);
    first.ready();
    const jobId = first.lastJobId();
    leaving.abort(new Error('nobody watches'));
    await expect(outcome).rejects.toThrow('nobody watches');
    expect(first.posted.at(-1)).toEqual({ cancelJobId: jobId });
    expect(first.killed).toBe(false);
    pool.close();
  });

  it('treats a part sent for a job that streams nothing as a bad reply', async () => {
    const spawner = fakeSpawner();
    const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, log: vi.fn() });
    const still = pool.run({ filePath: '/case/a.jpg', longEdgePx: 320, greyscale: true, blur: 'strong' });
    const first = worker(spawner.workers, 0);
    first.ready();
    first.send(part(first.lastJobId()));
    await expect(still).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    expect(first.killed).toBe(true);
    pool.close();
  });
});
