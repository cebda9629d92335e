import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forkWorkerChannel } from '../../../../../electron/services/media/fork-worker.js';
import type { WorkerChannel } from '../../../../../electron/services/media/worker-channel.js';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import { decodeRgb, maxChannelSpread } from '../../media-worker/image-metrics.js';
import { writeSynthetic } from '../../media-worker/synthetic-image.js';
import { planDerivative } from '../../../../../electron/media-worker/derive-plan.js';

/** Real worker processes running the TypeScript entry through tsx. */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const workerEntry = path.join(repoRoot, 'electron/media-worker/worker-main.ts');
const spawnTsWorker = (): WorkerChannel => forkWorkerChannel(workerEntry, ['--import', 'tsx']);

let dir = '';
const files: string[] = [];
let bigFile = '';
const pools: MediaWorkerPool[] = [];

function thumbJob(filePath: string): DeriveJob {
  return { filePath, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

function makePool(options: Partial<ConstructorParameters<typeof MediaWorkerPool>[0]> = {}): MediaWorkerPool {
  const pool = new MediaWorkerPool({ spawnWorker: spawnTsWorker, size: 2, log: () => {}, ...options });
  pools.push(pool);
  return pool;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-pool-'));
  for (let i = 0; i < 6; i += 1) {
    const widthPx = 640 + i * 40;
    files.push(await writeSynthetic(path.join(dir, `item-${i}.jpg`), { widthPx, heightPx: 480, seed: i + 1 }, 'jpeg'));
  }
  bigFile = await writeSynthetic(path.join(dir, 'big.png'), { widthPx: 3000, heightPx: 2000, seed: 9 }, 'png');
});

afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('forkWorkerChannel', () => {
  it('says ready, answers a request with bytes, and refuses a malformed request by job id', async () => {
    const channel = spawnTsWorker();
    const messages: unknown[] = [];
    let notify: () => void = () => {};
    channel.onMessage((message) => {
      messages.push(message);
      notify();
    });
    const nextMessage = async (): Promise<unknown> => {
      while (messages.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      return messages.shift();
    };
    const exited = new Promise<string | null>((resolve) => channel.onExit((_code, signal) => resolve(signal)));
    try {
      expect(await nextMessage()).toEqual({ ready: true });
      channel.postMessage({ jobId: 1, ...thumbJob(files[0] ?? '') });
      const reply = await nextMessage();
      // A strong thumbnail is written at the reduced size the browser enlarges (blur-scales.md).
      expect(reply).toMatchObject({ jobId: 1, ok: true, mime: 'image/jpeg', widthPx: planDerivative(640, 480, 320, 'strong').widthPx });
      expect((reply as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
      channel.postMessage({ jobId: 2, ...thumbJob('relative/path.jpg'), longEdgePx: -5 });
      expect(await nextMessage()).toMatchObject({ jobId: 2, ok: false, error: { code: 'unreadable' } });
    } finally {
      channel.kill();
    }
    expect(await exited).toBe('SIGKILL');
  });
});

describe('MediaWorkerPool with real worker processes', () => {
  it('derives several images in parallel on two processes, each correct', async () => {
    const pool = makePool();
    const outcomes = await Promise.all(files.map((file) => pool.run(thumbJob(file))));
    expect(pool.status.workers).toBe(2);
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.detail}`);
      const plan = planDerivative(640 + i * 40, 480, 320, 'strong');
      expect([outcome.widthPx, outcome.heightPx]).toEqual([plan.widthPx, plan.heightPx]);
      const decoded = await decodeRgb(outcome.bytes);
      expect([decoded.widthPx, decoded.heightPx]).toEqual([outcome.widthPx, outcome.heightPx]);
      expect(maxChannelSpread(decoded)).toBe(0);
    }
  });

  it('reports a hostile file as an error without losing the worker', async () => {
    const pool = makePool({ size: 1 });
    const corrupt = path.join(repoRoot, '../shared/corpus/hostile-media/truncated.jpg');
    await expect(pool.run(thumbJob(corrupt))).resolves.toMatchObject({ ok: false, error: { code: 'decode-failed' } });
    await expect(pool.run(thumbJob(files[0] ?? ''))).resolves.toMatchObject({ ok: true });
    expect(pool.status.workers).toBe(1);
  });

  it('fails only the job whose worker dies with SIGSEGV, even with two jobs in that worker, restarts, and later jobs succeed', async () => {
    const victimPath = files[1] ?? '';
    const killed: number[] = [];
    // Crash the worker right after it receives the victim's job: the process dies mid-job.
    const spawnWorker = (): WorkerChannel => {
      const channel = spawnTsWorker();
      return {
        get pid() {
          return channel.pid;
        },
        postMessage(message) {
          channel.postMessage(message);
          if ('filePath' in message && message.filePath === victimPath && channel.pid !== undefined) {
            killed.push(channel.pid);
            process.kill(channel.pid, 'SIGSEGV');
          }
        },
        onMessage: (listener) => channel.onMessage(listener),
        onExit: (listener) => channel.onExit(listener),
        kill: () => channel.kill(),
      };
    };
    const pool = makePool({ spawnWorker, size: 1, jobsPerWorker: 2 });
    const outcomes = await Promise.all(files.map((file) => pool.run(thumbJob(file))));
    const failed = outcomes.filter((o) => !o.ok);
    expect(failed).toHaveLength(1);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'worker-crashed' } });
    expect(outcomes[1]?.ok ? '' : outcomes[1]?.error.detail).toContain('SIGSEGV');
    // First with the first file beside it (neither blamed, both run again alone), then alone.
    expect(killed).toHaveLength(2);
    const later = await pool.run(thumbJob(files[2] ?? ''));
    expect(later).toMatchObject({ ok: true });
    expect(pool.status.workers).toBe(1);
  });

  it('fails a job that outlives the timeout with timed-out and replaces the worker', async () => {
    const pool = makePool({ size: 1, jobTimeoutMs: 1 });
    await expect(pool.run({ ...thumbJob(bigFile), longEdgePx: 2048, blur: 'off' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'timed-out' },
    });
    expect(pool.status.workers).toBe(1);
  });
});
