import type { SpawnWorker, WorkerChannel } from './worker-channel.js';

/**
 * Starts one media worker now and returns a SpawnWorker that hands it out first, then
 * spawns as usual. An entry point calls this before it loads the rest of the app: the
 * worker (Node, sharp, libvips codecs) then loads while the host does, not after it, and
 * the first case's first thumbnails do not wait for it (docs/decisions/one-media-worker.md).
 * What the worker says or does before the pool listens (its ready message, an early exit)
 * is kept and given to the pool's listeners when they attach.
 */
export function spawnAheadOfTime(spawn: SpawnWorker): EarlyWorker {
  let early: WorkerChannel | null = replaying(spawn());
  return {
    spawnWorker: () => {
      const channel = early ?? spawn();
      early = null;
      return channel;
    },
    dispose: () => {
      early?.kill();
      early = null;
    },
  };
}

export interface EarlyWorker {
  spawnWorker: SpawnWorker;
  /** Ends the early worker if nobody took it (the app stopped before its pool started): nothing is left behind. */
  dispose(): void;
}

function replaying(channel: WorkerChannel): WorkerChannel {
  const heldMessages: unknown[] = [];
  let heldExit: [number | null, string | null] | null = null;
  const messageListeners: ((message: unknown) => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  channel.onMessage((message) => {
    if (messageListeners.length === 0) heldMessages.push(message);
    for (const listener of messageListeners) listener(message);
  });
  channel.onExit((code, signal) => {
    if (exitListeners.length === 0) heldExit = [code, signal];
    for (const listener of exitListeners) listener(code, signal);
  });
  return {
    get pid() {
      return channel.pid;
    },
    postMessage: (message) => channel.postMessage(message),
    onMessage(listener) {
      messageListeners.push(listener);
      for (const message of heldMessages.splice(0)) listener(message);
    },
    onExit(listener) {
      exitListeners.push(listener);
      const exit = heldExit;
      heldExit = null;
      if (exit !== null) listener(...exit);
    },
    kill: () => channel.kill(),
  };
}
