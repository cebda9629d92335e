import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { detectTransport } from '../../../../electron/media-worker/worker-transport.js';

/** A stand-in for `process`: an emitter with whichever parent channel the test gives it. */
function fakeProcess(extra: Record<string, unknown>): NodeJS.Process {
  return Object.assign(new EventEmitter(), extra) as unknown as NodeJS.Process;
}

describe('detectTransport', () => {
  it('uses Electron’s parentPort when present, unwrapping message events', () => {
    const port = Object.assign(new EventEmitter(), { postMessage: vi.fn() });
    const transport = detectTransport(fakeProcess({ parentPort: port, send: vi.fn() }));
    expect(transport?.kind).toBe('electron-utility');
    const received: unknown[] = [];
    transport?.onMessage((data) => received.push(data));
    port.emit('message', { data: { jobId: 1 }, ports: [] });
    port.emit('message', 'not an event');
    expect(received).toEqual([{ jobId: 1 }]);
    transport?.send({ ready: true });
    expect(port.postMessage).toHaveBeenCalledWith({ ready: true });
  });

  it('uses process.send and message events under child_process.fork', () => {
    const send = vi.fn();
    const emitter = new EventEmitter();
    const transport = detectTransport(Object.assign(emitter, { send }) as unknown as NodeJS.Process);
    expect(transport?.kind).toBe('node-fork');
    const received: unknown[] = [];
    transport?.onMessage((data) => received.push(data));
    emitter.emit('message', { jobId: 2 });
    expect(received).toEqual([{ jobId: 2 }]);
    transport?.send({ ready: true });
    expect(send).toHaveBeenCalledWith({ ready: true });
    const gone = vi.fn();
    transport?.onParentGone(gone);
    emitter.emit('disconnect');
    expect(gone).toHaveBeenCalled();
  });

  it('finds nothing when there is no parent to talk to', () => {
    expect(detectTransport(fakeProcess({}))).toBeNull();
    expect(detectTransport(fakeProcess({ parentPort: { on: 'not a function' } }))).toBeNull();
  });
});
