import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forkWorkerChannel } from '../../../../../electron/services/media/fork-worker.js';
import type { WorkerChannel } from '../../../../../electron/services/media/worker-channel.js';
import { MediaWorkerPool } from '../../../../../electron/services/media/worker-pool.js';
import { writeVideo } from '../../../../fixtures/synthetic-media.js';

/** Real worker processes running the TypeScript entry through tsx; every pid they had is kept. */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const workerEntry = path.join(repoRoot, 'electron/media-worker/worker-main.ts');
const pids: number[] = [];
const spawnTsWorker = (): WorkerChannel => {
  const channel = forkWorkerChannel(workerEntry, ['--import', 'tsx']);
  if (channel.pid !== undefined) pids.push(channel.pid);
  return channel;
};

/** True while the OS still has the process (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dir = '';
let clip = '';
const pools: MediaWorkerPool[] = [];
const board = () => ({ filePath: clip, greyscale: true, blur: 'strong', style: 'blur' }) as const;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-pool-video-'));
  clip = path.join(dir, 'clip.mp4');
  await writeVideo(clip, { format: 'mp4', durationS: 3, widthPx: 320, heightPx: 240 });
}, 120_000);

afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('video jobs in worker processes', () => {
  it('makes a storyboard grid in a real worker process', async () => {
    const pool = new MediaWorkerPool({ spawnWorker: spawnTsWorker, size: 1, log: () => {} });
    pools.push(pool);
    await expect(pool.runStoryboard(board())).resolves.toMatchObject({ ok: true, mime: 'image/jpeg', widthPx: 960, heightPx: 720 });
  }, 120_000);

  it('kills the worker process of a video job that outlives its time limit: no FFmpeg outlives its job', async () => {
    pids.length = 0;
    const pool = new MediaWorkerPool({ spawnWorker: spawnTsWorker, size: 1, jobTimeoutMs: 1, log: () => {} });
    pools.push(pool);
    await expect(pool.runStoryboard(board())).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    const [jobPid] = pids;
    if (jobPid === undefined) throw new Error('no worker process was started');
    await expect.poll(() => alive(jobPid), { timeout: 30_000 }).toBe(false);
  }, 120_000);
});
