import { describe, expect, it } from 'vitest';
import { spawnAheadOfTime } from '../../../../../electron/services/media/early-worker.js';
import { MediaWorkerPool } from '../../../../../electron/services/media/worker-pool.js';
import { fakeSpawner } from './fake-worker.js';

describe('a media worker started ahead of the app', () => {
  it('is started at once and handed to the pool first, which then gets fresh ones', () => {
    const spawner = fakeSpawner();
    const { spawnWorker } = spawnAheadOfTime(spawner.spawn);
    expect(spawner.workers).toHaveLength(1);
    expect(spawnWorker().pid).toBe(spawner.workers[0]?.pid);
    expect(spawner.workers).toHaveLength(1);
    spawnWorker();
    expect(spawner.workers).toHaveLength(2);
  });

  it('keeps the ready message it sent before the pool listened, so its first job is not held back', async () => {
    const spawner = fakeSpawner();
    const { spawnWorker } = spawnAheadOfTime(spawner.spawn);
    spawner.workers[0]?.ready();
    const pool = new MediaWorkerPool({ spawnWorker, log: () => undefined });
    const result = pool.run({ filePath: '/case/a.jpg', longEdgePx: 320, greyscale: true, blur: 'strong' });
    const early = spawner.workers[0];
    expect(early?.posted.map((job) => job.filePath)).toEqual(['/case/a.jpg']);
    early?.succeed();
    await expect(result).resolves.toMatchObject({ ok: true });
    pool.close();
  });

  it('reports an exit that happened before the pool listened, so the pool starts another', () => {
    const spawner = fakeSpawner();
    const { spawnWorker } = spawnAheadOfTime(spawner.spawn);
    spawner.workers[0]?.exit(1, null);
    const log: string[] = [];
    const pool = new MediaWorkerPool({ spawnWorker, log: (line) => log.push(line), restartBackoffMs: 0 });
    pool.warm();
    expect(log.join('\n')).toContain('exited at start-up (exit code 1)');
    pool.close();
  });

  it('is ended when the app stops before its pool took it, and left alone once the pool has it', () => {
    const spawner = fakeSpawner();
    const unused = spawnAheadOfTime(spawner.spawn);
    unused.dispose();
    expect(spawner.workers[0]?.killed).toBe(true);
    const taken = spawnAheadOfTime(spawner.spawn);
    taken.spawnWorker();
    taken.dispose();
    expect(spawner.workers[1]?.killed).toBe(false);
  });
});
