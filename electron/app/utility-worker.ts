import { app, utilityProcess } from 'electron';
import type { WorkerChannel } from '../services/media/worker-channel.js';
import { WORKER_HEAP_CAP_ARGV } from '../services/media/worker-pool-memory.js';

/**
 * The media worker under Electron: a utilityProcess (a Node process Chromium manages),
 * so a decoder crash takes down only the worker; the pool restarts it. Messages use
 * structured clone, so image bytes cross as Uint8Array, as with the Node adapter. It starts
 * with the same JS heap cap, and reports its memory from Electron's own process metrics, which
 * (unlike /proc) exist on macOS and Windows too, so the pool's memory limit holds there.
 */
export function utilityWorkerChannel(scriptPath: string): WorkerChannel {
  const child = utilityProcess.fork(scriptPath, [], { serviceName: 'Veil media worker', stdio: 'inherit', execArgv: [...WORKER_HEAP_CAP_ARGV] });
  let exited = false;
  // Electron gives the pid only from 'spawn' until 'exit'; kept for the logs after that.
  let knownPid: number | undefined;
  child.once('spawn', () => {
    knownPid = child.pid;
  });
  // Electron emits 'error' when V8 hits a fatal error in the worker (a hostile file can
  // cause one). Without a listener that 'error' would throw ERR_UNHANDLED_ERROR in main
  // and take the whole app down. 'exit' always follows, and the pool restarts the worker.
  child.on('error', (type: string, location: string) => {
    console.error(`[media-worker ${knownPid ?? '?'}] ${type} at ${location}`);
  });
  const exitListeners: Array<(code: number | null, signal: string | null) => void> = [];
  child.once('exit', (code) => {
    exited = true;
    // utilityProcess reports an exit code only; a crash shows as a non-zero code.
    for (const listener of exitListeners) listener(code, null);
  });
  return {
    get pid() {
      return child.pid ?? knownPid;
    },
    postMessage(message) {
      if (exited) throw new Error('the media worker has exited');
      child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill();
    },
    residentBytes() {
      // child.pid is undefined before 'spawn' and after 'exit', so a reused pid is never read.
      const pid = child.pid;
      // Each call also restarts the CPU-usage intervals the metrics report; Veil reads none of them.
      const metric = exited || pid === undefined ? undefined : app.getAppMetrics().find((entry) => entry.pid === pid);
      // Electron reports memory in kilobytes.
      return Promise.resolve(metric === undefined ? null : metric.memory.workingSetSize * 1024);
    },
  };
}
