// utilityProcess backed by a real Node child process, with Electron's event contract:
// 'spawn' once started (pid undefined before it and after 'exit'); 'message' with what the
// child posted on process.parentPort; 'error' ('FatalError', location, report) when the child
// dies of a fatal error (V8 aborts: SIGABRT, SIGTRAP, SIGILL, SIGSEGV), always followed by
// 'exit'. 'exit' carries a number: the exit code, or the signal number for a crash (waitpid),
// and 0 after kill() (Electron turns its own SIGTERM into 0). Only after ready.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { report, requireReady, StandInEmitter } from './stand-in-state.mjs';

const CHILD_SHIM = new URL('./utility-child.mjs', import.meta.url).href;
const FATAL_SIGNALS = new Set(['SIGABRT', 'SIGTRAP', 'SIGILL', 'SIGSEGV', 'SIGBUS']);
const children = new Set();
/** The UtilityProcess objects whose child has not exited, for app.getAppMetrics(). */
const live = new Set();

class UtilityProcess extends StandInEmitter {
  #child;
  #pid = undefined;
  #killed = false;
  serviceName;

  constructor(modulePath, args, options) {
    super();
    this.serviceName = options.serviceName ?? 'Node Utility Process';
    this.#child = fork(modulePath, args, {
      serialization: 'advanced',
      execArgv: ['--import', CHILD_SHIM, ...(options.execArgv ?? [])],
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(this.#child);
    live.add(this);
    this.#child.once('spawn', () => {
      this.#pid = this.#child.pid;
      report('worker-spawned', { pid: this.#pid });
      this.emit('spawn');
    });
    this.#child.on('message', (message) => this.emit('message', message));
    this.#child.once('exit', (code, signal) => {
      children.delete(this.#child);
      live.delete(this);
      this.#pid = undefined;
      if (signal !== null && FATAL_SIGNALS.has(signal)) {
        // Emitted like Electron's: an 'error' nobody listens to throws ERR_UNHANDLED_ERROR here, in main.
        this.emit('error', 'FatalError', `stand-in: the child died of ${signal}`, '{}');
      }
      const exitCode = signal === null ? (code ?? 0) : this.#killed ? 0 : constants.signals[signal];
      report('worker-exit', { code: exitCode });
      this.emit('exit', exitCode);
    });
  }

  get pid() {
    return this.#pid;
  }

  postMessage(message) {
    // Electron queues messages posted before 'spawn'; a closed channel drops them.
    if (this.#child.connected) this.#child.send(message);
  }

  kill() {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return false;
    this.#killed = true;
    return this.#child.kill('SIGTERM');
  }
}

/** A process's resident memory in kilobytes, as Electron's MemoryInfo gives it (Linux: VmRSS). */
export function workingSetKb(pid) {
  try {
    return Number(/^VmRSS:\s*(\d+)\s*kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** app.getAppMetrics()'s entries for utility processes: those between 'spawn' and 'exit'. */
export function utilityMetrics() {
  return [...live].flatMap((child) => {
    if (child.pid === undefined) return [];
    const kb = workingSetKb(child.pid);
    return [
      {
        pid: child.pid,
        type: 'Utility',
        name: child.serviceName,
        serviceName: 'node.mojom.NodeService',
        creationTime: 0,
        cpu: { percentCPUUsage: 0, idleWakeupsPerSecond: 0 },
        memory: { workingSetSize: kb, peakWorkingSetSize: kb },
        sandboxed: false,
      },
    ];
  });
}

export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    requireReady('utilityProcess.fork');
    return new UtilityProcess(modulePath, args, options);
  },
};

// Electron ends utility processes together with the app.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
