import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWorkerPool, PoolUnavailableError, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner, settle, workerAt as worker, type FakeWorker } from './fake-worker.js';

function job(name: string): DeriveJob {
  return { filePath: `/case/${name}.jpg`, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

function makePool(overrides: Partial<ConstructorParameters<typeof MediaWorkerPool>[0]> = {}) {
  const spawner = fakeSpawner();
  const log = vi.fn();
  const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker: 1, jobTimeoutMs: 20_000, log, ...overrides });
  return { pool, workers: spawner.workers, log };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MediaWorkerPool scheduling', () => {
  it('starts workers on first use and gives each one job at a time', async () => {
    const { pool, workers } = makePool({ size: 2 });
    expect(workers).toHaveLength(0);
    const results = [pool.run(job('a')), pool.run(job('b')), pool.run(job('c'))];
    expect(workers).toHaveLength(2);
    worker(workers, 0).ready();
    worker(workers, 1).ready();
    expect(worker(workers, 0).posted.map((p) => p.filePath)).toEqual(['/case/a.jpg']);
    expect(worker(workers, 1).posted.map((p) => p.filePath)).toEqual(['/case/b.jpg']);
    worker(workers, 1).succeed();
    expect(worker(workers, 1).posted.map((p) => p.filePath)).toEqual(['/case/b.jpg', '/case/c.jpg']);
    worker(workers, 0).succeed();
    worker(workers, 1).succeed();
    const outcomes = await Promise.all(results);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('starts its workers on warm(), before any job, so the first job does not wait for one to load', () => {
    const { pool, workers } = makePool({ size: 2 });
    pool.warm();
    expect(workers).toHaveLength(2);
    worker(workers, 0).ready();
    void pool.run(job('a'));
    expect(worker(workers, 0).posted.map((p) => p.filePath)).toEqual(['/case/a.jpg']);
    pool.warm();
    expect(workers).toHaveLength(2);
  });

  it('serves queued view jobs before thumbnails', async () => {
    const { pool, workers } = makePool();
    void pool.run(job('thumb-1'), { priority: 'thumb' });
    void pool.run(job('thumb-2'), { priority: 'thumb' });
    void pool.run(job('view'), { priority: 'view' });
    const w = worker(workers, 0);
    w.ready();
    w.succeed();
    w.succeed();
    expect(w.posted.map((p) => p.filePath)).toEqual(['/case/view.jpg', '/case/thumb-1.jpg', '/case/thumb-2.jpg']);
  });

  it('passes the worker’s failure through as the job’s outcome', async () => {
    const { pool, workers } = makePool();
    const result = pool.run(job('bad'));
    worker(workers, 0).ready();
    worker(workers, 0).fail('decode-failed');
    await expect(result).resolves.toEqual({ ok: false, error: { code: 'decode-failed', detail: 'fake decode-failed' } });
  });

  it('ignores a reply for a job the worker does not have', async () => {
    const { pool, workers } = makePool();
    let done = false;
    void pool.run(job('a')).then(() => (done = true));
    const w = worker(workers, 0);
    w.ready();
    w.succeed(w.lastJobId() + 100);
    await settle();
    expect(done).toBe(false);
    w.succeed();
    await settle();
    expect(done).toBe(true);
  });
});

describe('MediaWorkerPool abort', () => {
  it('drops a queued job whose caller gave up, and never sends it', async () => {
    const { pool, workers } = makePool();
    const first = pool.run(job('first'));
    const controller = new AbortController();
    const second = pool.run(job('second'), { signal: controller.signal });
    controller.abort(new Error('scrolled away'));
    await expect(second).rejects.toThrow('scrolled away');
    const w = worker(workers, 0);
    w.ready();
    w.succeed();
    await expect(first).resolves.toMatchObject({ ok: true });
    expect(w.posted.map((p) => p.filePath)).toEqual(['/case/first.jpg']);
    expect(pool.status.queued).toBe(0);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const { pool, workers } = makePool();
    await expect(pool.run(job('a'), { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
    expect(workers).toHaveLength(0);
  });

  it('lets a job a worker already has finish and resolve', async () => {
    const { pool, workers } = makePool();
    const controller = new AbortController();
    const result = pool.run(job('a'), { signal: controller.signal });
    worker(workers, 0).ready();
    controller.abort();
    worker(workers, 0).succeed();
    await expect(result).resolves.toMatchObject({ ok: true });
  });
});

describe('MediaWorkerPool failures', () => {
  it('fails a job that runs too long with timed-out, kills its worker and starts another', async () => {
    const { pool, workers } = makePool({ jobTimeoutMs: 5000 });
    const slow = pool.run(job('slow'));
    const next = pool.run(job('next'));
    worker(workers, 0).ready();
    vi.advanceTimersByTime(4999);
    await settle();
    expect(worker(workers, 0).killed).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(slow).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    expect(worker(workers, 0).killed).toBe(true);
    expect(workers).toHaveLength(2);
    worker(workers, 1).ready();
    expect(worker(workers, 1).posted.map((p) => p.filePath)).toEqual(['/case/next.jpg']);
    worker(workers, 1).succeed();
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  it('fails only the job in flight when its worker crashes, naming the signal, then carries on', async () => {
    const { pool, workers } = makePool();
    const victim = pool.run(job('crasher'));
    const after = pool.run(job('after'));
    worker(workers, 0).ready();
    worker(workers, 0).exit(null, 'SIGSEGV');
    const outcome = await victim;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    expect(outcome.ok ? '' : outcome.error.detail).toContain('SIGSEGV');
    expect(workers).toHaveLength(2);
    worker(workers, 1).ready();
    worker(workers, 1).succeed();
    await expect(after).resolves.toMatchObject({ ok: true });
  });

  it('treats a malformed reply as a broken worker', async () => {
    const { pool, workers } = makePool();
    const result = pool.run(job('a'));
    worker(workers, 0).ready();
    worker(workers, 0).send({ jobId: worker(workers, 0).lastJobId(), ok: true, bytes: 'not bytes' });
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    expect(worker(workers, 0).killed).toBe(true);
  });

  it('backs off after start-up failures and gives up after the limit instead of spinning', async () => {
    const { pool, workers, log } = makePool({ maxStartFailures: 3, restartBackoffMs: 100 });
    const queued = pool.run(job('a'));
    worker(workers, 0).exit(1, null);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(99);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    worker(workers, 1).exit(1, null);
    vi.advanceTimersByTime(200);
    expect(workers).toHaveLength(3);
    worker(workers, 2).exit(1, null);
    await expect(queued).rejects.toBeInstanceOf(PoolUnavailableError);
    await expect(queued).rejects.toThrow(/failed to start 3 times/);
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(3);
    await expect(pool.run(job('b'))).rejects.toMatchObject({ reason: 'broken' });
    expect(pool.status.broken).toBe(true);
    expect(log).toHaveBeenCalled();
  });

  it('counts a worker that never says it is ready as a failed start', async () => {
    const { pool, workers } = makePool({ startTimeoutMs: 1000, maxStartFailures: 1 });
    const queued = pool.run(job('a'));
    vi.advanceTimersByTime(1000);
    expect(worker(workers, 0).killed).toBe(true);
    await expect(queued).rejects.toThrow(/not ready after 1000 ms/);
  });

  it('forgives start-up failures once a worker comes up', async () => {
    const { pool, workers } = makePool({ maxStartFailures: 2, restartBackoffMs: 10 });
    const first = pool.run(job('a'));
    worker(workers, 0).exit(1, null);
    vi.advanceTimersByTime(10);
    worker(workers, 1).ready();
    worker(workers, 1).succeed();
    await expect(first).resolves.toMatchObject({ ok: true });
    worker(workers, 1).exit(null, 'SIGKILL');
    const second = pool.run(job('b'));
    worker(workers, 2).exit(1, null);
    vi.advanceTimersByTime(10);
    worker(workers, 3).ready();
    worker(workers, 3).succeed();
    await expect(second).resolves.toMatchObject({ ok: true });
  });

  it('treats a spawn that throws as a failed start', async () => {
    let calls = 0;
    const pool = new MediaWorkerPool({
      spawnWorker: () => {
        calls += 1;
        throw new Error('no such file: worker.js');
      },
      maxStartFailures: 2,
      restartBackoffMs: 5,
      log: () => {},
    });
    const queued = pool.run(job('a'));
    vi.advanceTimersByTime(5);
    await expect(queued).rejects.toThrow(/no such file: worker.js/);
    expect(calls).toBe(2);
  });
});

describe('MediaWorkerPool close', () => {
  it('kills every worker and rejects queued and running jobs', async () => {
    const { pool, workers } = makePool();
    const running = pool.run(job('a'));
    const queued = pool.run(job('b'));
    worker(workers, 0).ready();
    pool.close();
    await expect(running).rejects.toMatchObject({ reason: 'closed' });
    await expect(queued).rejects.toMatchObject({ reason: 'closed' });
    expect(worker(workers, 0).killed).toBe(true);
    await expect(pool.run(job('c'))).rejects.toBeInstanceOf(PoolUnavailableError);
    expect(workers).toHaveLength(1);
  });

  it('refuses a malformed job rather than sending it', async () => {
    const { pool, workers } = makePool();
    await expect(pool.run({ ...job('a'), longEdgePx: 0 })).rejects.toThrow();
    expect(workers).toHaveLength(0);
  });
});

describe('MediaWorkerPool with two jobs per worker', () => {
  const paths = (fake: FakeWorker) => fake.posted.map((p) => p.filePath);

  it('gives one worker two jobs at once and the third when one is done', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    const results = [pool.run(job('a')), pool.run(job('b')), pool.run(job('c'))];
    worker(workers, 0).ready();
    expect(paths(worker(workers, 0))).toEqual(['/case/a.jpg', '/case/b.jpg']);
    expect(pool.status).toMatchObject({ workers: 1, busy: 2, queued: 1 });
    worker(workers, 0).succeed(worker(workers, 0).posted[0]?.jobId);
    expect(paths(worker(workers, 0))).toEqual(['/case/a.jpg', '/case/b.jpg', '/case/c.jpg']);
    worker(workers, 0).succeed(worker(workers, 0).posted[1]?.jobId);
    worker(workers, 0).succeed();
    expect((await Promise.all(results)).every((o) => o.ok)).toBe(true);
  });

  it('blames neither file when the worker crashes with both, runs each again alone, and blames only the one that crashes alone', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    const innocent = pool.run(job('innocent'));
    const crasher = pool.run(job('crasher'));
    const waiting = pool.run(job('waiting'));
    worker(workers, 0).ready();
    worker(workers, 0).exit(null, 'SIGSEGV');
    await settle();
    // Alone, one at a time, before the job that was waiting.
    worker(workers, 1).ready();
    expect(paths(worker(workers, 1))).toEqual(['/case/innocent.jpg']);
    worker(workers, 1).succeed();
    await expect(innocent).resolves.toMatchObject({ ok: true });
    expect(paths(worker(workers, 1))).toEqual(['/case/innocent.jpg', '/case/crasher.jpg']);
    worker(workers, 1).exit(null, 'SIGSEGV');
    await expect(crasher).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    worker(workers, 2).ready();
    expect(paths(worker(workers, 2))).toEqual(['/case/waiting.jpg']);
    worker(workers, 2).succeed();
    await expect(waiting).resolves.toMatchObject({ ok: true });
  });

  it('runs a job that ran too long beside another again alone (it may only have been slowed), and blames it only when alone', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2, jobTimeoutMs: 5000 });
    const slow = pool.run(job('slow'));
    const quick = pool.run(job('quick'));
    worker(workers, 0).ready();
    vi.advanceTimersByTime(5000);
    await settle();
    expect(worker(workers, 0).killed).toBe(true);
    worker(workers, 1).ready();
    expect(paths(worker(workers, 1))).toEqual(['/case/slow.jpg']);
    vi.advanceTimersByTime(5000);
    await expect(slow).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    worker(workers, 2).ready();
    expect(paths(worker(workers, 2))).toEqual(['/case/quick.jpg']);
    worker(workers, 2).succeed();
    await expect(quick).resolves.toMatchObject({ ok: true });
  });

  it('stops giving a worker jobs once a send to it fails, and runs them on the next worker', async () => {
    const { pool, workers, log } = makePool({ jobsPerWorker: 2 });
    pool.warm();
    worker(workers, 0).ready();
    worker(workers, 0).killed = true; // its channel closed; the exit has not been reported yet
    const result = pool.run(job('a'));
    expect(log.mock.calls.filter(([line]) => String(line).includes('could not send')).length).toBe(1);
    worker(workers, 1).ready();
    expect(paths(worker(workers, 1))).toEqual(['/case/a.jpg']);
    worker(workers, 1).succeed();
    await expect(result).resolves.toMatchObject({ ok: true });
  });

  it('does not run again a job whose caller gave up while it ran', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    const controller = new AbortController();
    const kept = pool.run(job('kept'));
    const abandoned = pool.run(job('abandoned'), { signal: controller.signal });
    worker(workers, 0).ready();
    controller.abort(new Error('scrolled away'));
    worker(workers, 0).exit(null, 'SIGSEGV');
    await expect(abandoned).rejects.toThrow('scrolled away');
    worker(workers, 1).ready();
    expect(paths(worker(workers, 1))).toEqual(['/case/kept.jpg']);
    worker(workers, 1).succeed();
    await expect(kept).resolves.toMatchObject({ ok: true });
  });

  it('lets a caller withdraw a job waiting to run again alone', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    const controller = new AbortController();
    const first = pool.run(job('first'));
    const withdrawn = pool.run(job('withdrawn'), { signal: controller.signal });
    worker(workers, 0).ready();
    worker(workers, 0).exit(null, 'SIGSEGV');
    controller.abort(new Error('gone'));
    await expect(withdrawn).rejects.toThrow('gone');
    worker(workers, 1).ready();
    worker(workers, 1).succeed();
    await expect(first).resolves.toMatchObject({ ok: true });
    expect(paths(worker(workers, 1))).toEqual(['/case/first.jpg']);
  });
});
