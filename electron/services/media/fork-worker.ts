import { fork } from 'node:child_process';
import type { WorkerChannel } from './worker-channel.js';
import { procRssBytes, WORKER_HEAP_CAP_ARGV } from './worker-pool-memory.js';

/**
 * Starts the media worker as a Node child process (browser host, tests, benchmarks).
 * `serialization: 'advanced'` lets image bytes cross as Uint8Array instead of JSON;
 * the worker's stderr is the parent's, so a decoder's complaint or a crash report is
 * not lost. `execArgv` holds none of the parent's flags, only the heap cap and what the caller
 * adds (tests pass ['--import', 'tsx'] to run the TypeScript entry directly).
 */
export function forkWorkerChannel(scriptPath: string, execArgv: string[] = []): WorkerChannel {
  const child = fork(scriptPath, [], {
    serialization: 'advanced',
    execArgv: [...WORKER_HEAP_CAP_ARGV, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Without a listener an 'error' (failed spawn, send on a closed channel) would throw in
  // the parent. The pool learns of the failure from 'exit' or its start-up timeout.
  child.on('error', (error) => console.error(`[media-worker ${child.pid ?? '?'}] ${error.message}`));
  return {
    get pid() {
      return child.pid;
    },
    postMessage(message) {
      if (!child.connected) throw new Error('the media worker channel is closed');
      child.send(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit(listener) {
      child.once('exit', (code, signal) => listener(code, signal));
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    residentBytes() {
      // Once it has ended its pid may be another process's.
      const ended = child.exitCode !== null || child.signalCode !== null;
      return child.pid === undefined || ended ? Promise.resolve(null) : procRssBytes(child.pid);
    },
  };
}
