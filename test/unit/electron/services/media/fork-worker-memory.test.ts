import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkWorkerChannel } from '../../../../../electron/services/media/fork-worker.js';
import type { WorkerChannel } from '../../../../../electron/services/media/worker-channel.js';
import { procRssBytes } from '../../../../../electron/services/media/worker-pool-memory.js';
import { MediaWorkerPool, type DeriveJob } from '../../../../../electron/services/media/worker-pool.js';

const MIB = 1024 * 1024;
const hogEntry = path.resolve(import.meta.dirname, '../../../../fixtures/memory-hog-worker.ts');
const pools: MediaWorkerPool[] = [];

function job(name: string): DeriveJob {
  return { filePath: `/case/${name}.jpg`, longEdgePx: 320, greyscale: true, blur: 'strong' };
}

afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
});

// /proc is where a forked worker's channel reads its memory; elsewhere it tells nothing (Electron's channel reads app metrics).
describe.runIf(process.platform === 'linux')('memory limit on real worker processes', () => {
  it('kills a worker whose memory passes the limit, fails the job with the reason, and runs the next job in a fresh process', async () => {
    const channels: WorkerChannel[] = [];
    const pool = new MediaWorkerPool({
      spawnWorker: () => {
        const channel = forkWorkerChannel(hogEntry, ['--import', 'tsx']);
        channels.push(channel);
        return channel;
      },
      jobsPerWorker: 1,
      // Starting tsx on a loaded machine can take many seconds: a start counted as failed would fork a third process.
      startTimeoutMs: 120_000,
      log: () => {},
      memoryLimit: { maxRssBytes: 400 * MIB, checkEveryMs: 100 },
    });
    pools.push(pool);
    const hog = await pool.run(job('hog'));
    expect(hog).toMatchObject({ ok: false, error: { code: 'too-large', reason: { code: 'media-memory-limit', params: { limitMb: 400 } } } });
    const hogPid = channels[0]?.pid ?? -1;
    // Gone (or a zombie, which holds no memory): /proc has no resident size for it.
    await expect.poll(() => procRssBytes(hogPid), { timeout: 10_000 }).toBeNull();
    // Its channel no longer reads a pid the system may give to another process.
    await expect.poll(() => channels[0]?.residentBytes?.(), { timeout: 10_000 }).toBeNull();
    const next = await pool.run(job('next'));
    expect(next.ok).toBe(true);
    expect(channels).toHaveLength(2);
    expect(channels[1]?.pid).not.toBe(hogPid);
  }, 60_000);

  it('reads the resident memory of a live process and nothing for one that has ended', async () => {
    const own = await procRssBytes(process.pid);
    expect(own).toBeGreaterThan(10 * MIB);
    expect(await procRssBytes(2 ** 30)).toBeNull();
  });
});
