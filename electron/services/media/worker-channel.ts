import type { CancelJob, WorkerRequest } from '../../media-worker/protocol.js';

/**
 * One media worker process as the pool sees it. Small on purpose: the Node adapter
 * (fork-worker.ts) and the Electron adapter (utilityProcess) each implement it in a few
 * lines. Messages from the worker arrive unvalidated; the pool checks them.
 */
export interface WorkerChannel {
  /** OS process id, when known (for logs and for tests that kill the process). */
  readonly pid: number | undefined;
  postMessage(message: WorkerRequest | CancelJob): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended; `signal` is null where the platform does not report it. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends the process at once (SIGKILL or the platform's equivalent). */
  kill(): void;
  /**
   * The process's resident memory in bytes, for the pool's memory limit (worker-pool-memory.ts);
   * null while the platform cannot tell or the process has ended. A channel without it is not checked.
   */
  residentBytes?(): Promise<number | null>;
}

export type SpawnWorker = () => WorkerChannel;
