import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdqOfImage, pdqValueOf } from '../../../../../electron/media-worker/pdq-of-image.js';
import { forkWorkerChannel } from '../../../../../electron/services/media/fork-worker.js';
import { MediaWorkerPool } from '../../../../../electron/services/media/worker-pool.js';
import { writeSynthetic } from '../../media-worker/synthetic-image.js';

/** Real worker processes running the TypeScript entry through tsx. */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const workerEntry = path.join(repoRoot, 'electron/media-worker/worker-main.ts');

let dir = '';
let photo = '';
let tiny = '';
let pool: MediaWorkerPool;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-pool-pdq-'));
  photo = await writeSynthetic(path.join(dir, 'photo.jpg'), { widthPx: 1200, heightPx: 900, seed: 3 }, 'jpeg');
  tiny = await writeSynthetic(path.join(dir, 'tiny.png'), { widthPx: 4, heightPx: 3, seed: 4 }, 'png');
  pool = new MediaWorkerPool({ spawnWorker: () => forkWorkerChannel(workerEntry, ['--import', 'tsx']), size: 1, log: () => {} });
});

afterAll(async () => {
  pool.close();
  await rm(dir, { recursive: true, force: true });
});

describe('PDQ in a real worker process', () => {
  it('gives a file the same hash and picture size from a PDQ-only job as from its grid thumbnail, and the thumbnail too', async () => {
    const [alone, withThumb] = await Promise.all([
      pool.runPdq({ filePath: photo }),
      pool.run({ filePath: photo, longEdgePx: 320, greyscale: true, blur: 'strong', withPdq: true }),
    ]);
    if (!alone.ok || !withThumb.ok) throw new Error('a PDQ job failed');
    expect(alone.pdq).toMatchObject({ hex: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(alone.pdq?.quality).toBeGreaterThanOrEqual(50);
    // The file's own size, not the decode's (shrunk to 512 px for the hash) nor the thumbnail's.
    expect(alone.pdq).toMatchObject({ widthPx: 1200, heightPx: 900 });
    expect(withThumb.pdq).toEqual(alone.pdq);
    expect(withThumb.bytes.length).toBeGreaterThan(0);
    // And the same as computing it in this process: the worker adds nothing of its own.
    const here = await pdqOfImage(photo);
    if (!here.ok) throw new Error(here.error.detail);
    expect(pdqValueOf(here.pdq, here.picture)).toEqual(alone.pdq);
  });

  it('answers null for a picture too small to hash, and an error for a file that cannot be decoded', async () => {
    await expect(pool.runPdq({ filePath: tiny })).resolves.toEqual({ ok: true, pdq: null });
    const thumbOfTiny = await pool.run({ filePath: tiny, longEdgePx: 320, greyscale: false, blur: 'off', withPdq: true });
    expect(thumbOfTiny).toMatchObject({ ok: true, pdq: null, widthPx: 4, heightPx: 3 });
    const corrupt = path.join(repoRoot, '../shared/corpus/hostile-media/truncated.jpg');
    await expect(pool.runPdq({ filePath: corrupt })).resolves.toMatchObject({ ok: false, error: { code: 'decode-failed' } });
    await expect(pool.runPdq({ filePath: path.join(dir, 'gone.jpg') })).resolves.toMatchObject({ ok: false });
  });
});
