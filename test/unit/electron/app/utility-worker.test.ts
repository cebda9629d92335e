import { afterEach, describe, expect, it, vi } from 'vitest';
import { utilityWorkerChannel } from '../../../../electron/app/utility-worker.js';
import { MediaWorkerPool } from '../../../../electron/services/media/worker-pool.js';
import { electronFake } from '../../electron-fake.js';

const GIB_IN_KB = 1024 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

describe('the media worker as an Electron utility process', () => {
  it("survives the worker's fatal error in main: 'error' is handled and the exit still reaches the pool", () => {
    const channel = utilityWorkerChannel('/app/dist/media-worker/worker.js');
    const child = electronFake.utilityProcesses[0];
    if (!child) throw new Error('no utility process was forked');
    const exits: Array<[number | null, string | null]> = [];
    channel.onExit((code, signal) => exits.push([code, signal]));
    child.spawned(4242);
    expect(channel.pid).toBe(4242);

    expect(() => child.dieOfFatalError(6)).not.toThrow();
    expect(exits).toEqual([[6, null]]);
    expect(() => channel.postMessage({ jobId: 1 } as never)).toThrow(/exited/);
  });

  it('starts with the JS heap cap and reports its own memory in bytes, from spawn to exit only', async () => {
    const channel = utilityWorkerChannel('/app/dist/media-worker/worker.js');
    const child = electronFake.utilityProcesses[0];
    if (!child) throw new Error('no utility process was forked');
    expect(child.options['execArgv']).toEqual(['--max-old-space-size=512']);
    expect(await channel.residentBytes?.()).toBeNull();
    child.spawned(4242);
    child.workingSetKb = 700 * 1024;
    expect(await channel.residentBytes?.()).toBe(700 * 1024 * 1024);
    child.dieOfFatalError();
    expect(await channel.residentBytes?.()).toBeNull();
  });

  it('is killed by the pool above the memory limit as Electron measures it (no /proc needed), its job failing with media-memory-limit', async () => {
    vi.useFakeTimers();
    const pool = new MediaWorkerPool({ spawnWorker: () => utilityWorkerChannel('/app/dist/media-worker/worker.js'), log: () => {} });
    const outcome = pool.run({ filePath: '/case/huge.heic', longEdgePx: 320, greyscale: true, blur: 'strong' });
    const child = electronFake.utilityProcesses[0];
    if (!child) throw new Error('no utility process was forked');
    child.spawned(4243);
    child.emit('message', { ready: true });
    // 2.5 GiB is under the default 3 GiB limit and 3.5 GiB over it; read as bytes, both would be far under it.
    child.workingSetKb = 2.5 * GIB_IN_KB;
    await vi.advanceTimersByTimeAsync(1000);
    expect(child.killed).toBe(false);
    child.workingSetKb = 3.5 * GIB_IN_KB;
    await vi.advanceTimersByTimeAsync(1000);
    expect(child.killed).toBe(true);
    await expect(outcome).resolves.toMatchObject({ ok: false, error: { reason: { code: 'media-memory-limit', params: { limitMb: 3072 } } } });
    pool.close();
  });
});
