import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkWorkerChannel } from '../../../../../electron/services/media/fork-worker.js';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';
import { decodeRgb, maxChannelSpread } from '../../media-worker/image-metrics.js';

/** Real worker processes running the TypeScript entry through tsx, as in fork-worker.test.ts. */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const workerEntry = path.join(repoRoot, 'electron/media-worker/worker-main.ts');
const heic = (name: string): string => path.join(repoRoot, 'test/fixtures/heic', name);
const pools: MediaWorkerPool[] = [];

function makePool(options: Partial<ConstructorParameters<typeof MediaWorkerPool>[0]> = {}): MediaWorkerPool {
  const pool = new MediaWorkerPool({ spawnWorker: () => forkWorkerChannel(workerEntry, ['--import', 'tsx']), size: 1, log: () => {}, ...options });
  pools.push(pool);
  return pool;
}

function thumbJob(filePath: string): DeriveJob {
  return { filePath, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
});

describe('HEIC and filter styles through real worker processes', () => {
  it('decodes a HEIC in the worker process, in each style, and carries a hostile file’s reason back', async () => {
    const pool = makePool();
    for (const style of ['blur', 'illustration', 'silhouette'] as const) {
      const outcome = await pool.run({ ...thumbJob(heic('gradient-landscape.heic')), style });
      if (!outcome.ok) throw new Error(`${style}: ${outcome.error.code} ${outcome.error.detail}`);
      expect(maxChannelSpread(await decodeRgb(outcome.bytes))).toBeLessThanOrEqual(2);
    }
    await expect(pool.run(thumbJob(heic('huge-declared.heic')))).resolves.toMatchObject({
      ok: false,
      error: { code: 'too-many-pixels', reason: { code: 'image-declares-too-many-pixels' } },
    });
    await expect(pool.run(thumbJob(heic('truncated.heic')))).resolves.toMatchObject({
      ok: false,
      error: { code: 'decode-failed', reason: { code: 'heic-damaged' } },
    });
  });

  it('holds a HEIC decode to the job time limit: the worker is killed and replaced', async () => {
    // Loading libheif's WebAssembly alone takes far longer than 1 ms.
    const pool = makePool({ jobTimeoutMs: 1 });
    await expect(pool.run(thumbJob(heic('gradient-portrait.heic')))).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
  });
});
