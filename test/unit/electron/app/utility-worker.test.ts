import { describe, expect, it } from 'vitest';
import { utilityWorkerChannel } from '../../../../electron/app/utility-worker.js';
import { electronFake } from '../../electron-fake.js';

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
});
