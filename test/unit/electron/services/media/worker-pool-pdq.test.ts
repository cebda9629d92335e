import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner, settle, workerAt as worker, type FakeWorker } from './fake-worker.js';

const HASH = { hex: 'a5'.repeat(32), quality: 87, widthPx: 1024, heightPx: 768 };

function thumb(name: string, withPdq?: boolean): DeriveJob {
  return { filePath: `/case/${name}.jpg`, longEdgePx: 320, greyscale: true, blur: 'strong', ...(withPdq === undefined ? {} : { withPdq }) };
}

function pdqJob(name: string): { filePath: string } {
  return { filePath: `/case/${name}.jpg` };
}

const paths = (fake: FakeWorker) => fake.posted.map((p) => p.filePath);

function jobIdOf(fake: FakeWorker, name: string): number {
  const posted = fake.posted.find((p) => p.filePath === `/case/${name}.jpg`);
  if (posted === undefined) throw new Error(`${name} was never posted`);
  return posted.jobId;
}

function makePool(overrides: Partial<ConstructorParameters<typeof MediaWorkerPool>[0]> = {}) {
  const spawner = fakeSpawner();
  const pool = new MediaWorkerPool({ spawnWorker: spawner.spawn, size: 1, jobsPerWorker: 1, jobTimeoutMs: 20_000, log: vi.fn(), ...overrides });
  return { pool, workers: spawner.workers };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MediaWorkerPool PDQ-only jobs', () => {
  it('sends a PDQ-only request and resolves with the hash, or null for a picture PDQ cannot hash', async () => {
    const { pool, workers } = makePool();
    const hashed = pool.runPdq(pdqJob('a'));
    const tiny = pool.runPdq(pdqJob('tiny'));
    const w = worker(workers, 0);
    w.ready();
    expect(w.posted[0]).toEqual({ jobId: expect.any(Number), pdqOnly: true, filePath: '/case/a.jpg' });
    w.succeedPdq(HASH);
    await expect(hashed).resolves.toEqual({ ok: true, pdq: HASH });
    w.succeedPdq(null);
    await expect(tiny).resolves.toEqual({ ok: true, pdq: null });
  });

  it('passes a failed decode through as the outcome, as for a derivative', async () => {
    const { pool, workers } = makePool();
    const result = pool.runPdq(pdqJob('bad'));
    worker(workers, 0).ready();
    worker(workers, 0).fail('decode-failed');
    await expect(result).resolves.toEqual({ ok: false, error: { code: 'decode-failed', detail: 'fake decode-failed' } });
  });

  it('runs background jobs only after every queued view and thumbnail, even those asked later', async () => {
    const { pool, workers } = makePool();
    void pool.runPdq(pdqJob('pdq-1'));
    void pool.runPdq(pdqJob('pdq-2'));
    void pool.run(thumb('thumb'), { priority: 'thumb' });
    void pool.run(thumb('view'), { priority: 'view' });
    const w = worker(workers, 0);
    w.ready();
    w.succeed();
    w.succeed();
    w.succeedPdq(HASH);
    expect(paths(w)).toEqual(['/case/view.jpg', '/case/thumb.jpg', '/case/pdq-1.jpg', '/case/pdq-2.jpg']);
  });

  it('keeps one of a worker’s two slots free of background work, so a thumbnail asked meanwhile starts at once', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    void pool.runPdq(pdqJob('pdq-1'));
    void pool.runPdq(pdqJob('pdq-2'));
    const w = worker(workers, 0);
    w.ready();
    expect(paths(w)).toEqual(['/case/pdq-1.jpg']);
    expect(pool.status).toMatchObject({ busy: 0, queued: 0, background: 2 });
    const asked = pool.run(thumb('visible'));
    expect(paths(w)).toEqual(['/case/pdq-1.jpg', '/case/visible.jpg']);
    // Pictures someone waits for are counted apart from the background pass (the import's read gate watches them).
    expect(pool.status).toMatchObject({ busy: 1, queued: 0, background: 2 });
    w.succeed(jobIdOf(w, 'visible'));
    await expect(asked).resolves.toMatchObject({ ok: true });
    w.succeedPdq(HASH, jobIdOf(w, 'pdq-1'));
    expect(paths(w)).toEqual(['/case/pdq-1.jpg', '/case/visible.jpg', '/case/pdq-2.jpg']);
  });

  it('withdraws a queued background job when its caller aborts, and never sends it', async () => {
    const { pool, workers } = makePool();
    const first = pool.runPdq(pdqJob('first'));
    const controller = new AbortController();
    const second = pool.runPdq(pdqJob('second'), { signal: controller.signal });
    controller.abort(new Error('case closed'));
    await expect(second).rejects.toThrow('case closed');
    const w = worker(workers, 0);
    w.ready();
    w.succeedPdq(HASH);
    await expect(first).resolves.toMatchObject({ ok: true });
    expect(paths(w)).toEqual(['/case/first.jpg']);
    expect(pool.status.background).toBe(0);
  });

  it('blames a background job that crashes its worker alone, and runs a thumbnail beside a crash again alone', async () => {
    const { pool, workers } = makePool({ jobsPerWorker: 2 });
    pool.warm();
    worker(workers, 0).ready();
    const background = pool.runPdq(pdqJob('crasher'));
    const visible = pool.run(thumb('visible'));
    expect(paths(worker(workers, 0))).toEqual(['/case/crasher.jpg', '/case/visible.jpg']);
    worker(workers, 0).exit(null, 'SIGSEGV');
    await settle();
    worker(workers, 1).ready();
    expect(paths(worker(workers, 1))).toEqual(['/case/crasher.jpg']);
    worker(workers, 1).exit(null, 'SIGSEGV');
    await expect(background).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    worker(workers, 2).ready();
    expect(paths(worker(workers, 2))).toEqual(['/case/visible.jpg']);
    worker(workers, 2).succeed();
    await expect(visible).resolves.toMatchObject({ ok: true });
  });

  it('fails a background job that runs too long alone with timed-out', async () => {
    const { pool, workers } = makePool({ jobTimeoutMs: 5000 });
    const result = pool.runPdq(pdqJob('slow'));
    worker(workers, 0).ready();
    vi.advanceTimersByTime(5000);
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    expect(worker(workers, 0).killed).toBe(true);
  });
});

describe('MediaWorkerPool thumbnails with PDQ', () => {
  it('asks for PDQ with the thumbnail and resolves with both', async () => {
    const { pool, workers } = makePool();
    const result = pool.run(thumb('a', true));
    const w = worker(workers, 0);
    w.ready();
    expect(w.posted[0]).toMatchObject({ filePath: '/case/a.jpg', withPdq: true });
    w.succeedWithPdq(HASH);
    await expect(result).resolves.toMatchObject({ ok: true, mime: 'image/jpeg', pdq: HASH });
  });

  it('treats a reply of the wrong kind as a broken worker: a thumbnail without the PDQ it asked for, or a hash for a thumbnail', async () => {
    const { pool, workers } = makePool();
    const missing = pool.run(thumb('missing', true));
    worker(workers, 0).ready();
    worker(workers, 0).succeed();
    await expect(missing).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    expect(worker(workers, 0).killed).toBe(true);

    const wrongKind = pool.run(thumb('plain'));
    worker(workers, 1).ready();
    worker(workers, 1).succeedPdq(HASH);
    await expect(wrongKind).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });

    const pictureForHash = pool.runPdq(pdqJob('hash'));
    worker(workers, 2).ready();
    worker(workers, 2).succeedWithPdq(HASH);
    await expect(pictureForHash).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
  });

  it('refuses a hash that is not 64 lower-case hex digits, a quality out of range or a picture without pixels', async () => {
    const { pool, workers } = makePool();
    const upper = pool.runPdq(pdqJob('upper'));
    worker(workers, 0).ready();
    worker(workers, 0).succeedPdq({ ...HASH, hex: 'A5'.repeat(32) });
    await expect(upper).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    const quality = pool.runPdq(pdqJob('quality'));
    worker(workers, 1).ready();
    worker(workers, 1).succeedPdq({ ...HASH, quality: 101 });
    await expect(quality).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    const empty = pool.runPdq(pdqJob('empty'));
    worker(workers, 2).ready();
    worker(workers, 2).succeedPdq({ ...HASH, widthPx: 0 });
    await expect(empty).resolves.toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
  });
});
