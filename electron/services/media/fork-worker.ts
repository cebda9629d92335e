import { fork } from 'node:child_process';
import type { WorkerChannel } from './worker-channel.js';

/**
 * The worker's JavaScript heap cap: its own objects are small (pixels live in buffers, FFmpeg and
 * WebAssembly outside the heap), so a heap past this is a runaway, stopped at once by V8. The rest of
 * its memory is bounded by the pool's resident-memory check (worker-pool-memory.ts).
 */
const WORKER_HEAP_MB = 512;

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
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`, ...execArgv],
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
  };
}
