/** The jobs of the media worker pool (worker-pool.ts) as it tracks them, queued and running. */
import type { Failure, JobReply, RequestBody } from './worker-pool-replies.js';
import type { JobPriority } from './job-queue.js';

export interface PendingJob {
  readonly jobId: number;
  readonly body: RequestBody;
  readonly priority: JobPriority;
  /** How long a worker may take over it before it is failed 'timed-out'. */
  readonly timeoutMs: number;
  /** Set when a worker died with this job and others in flight: it then runs alone. */
  solo: boolean;
  /** The caller's signal: a job whose caller gave up while it ran is not run again (a streamed one is also stopped in its worker). */
  readonly signal: AbortSignal | undefined;
  /** Streamed jobs only: each part as it comes. */
  readonly onChunk?: (bytes: Uint8Array) => void;
  /** Streamed jobs only: how long one may run in all, however steadily its parts come. */
  readonly overallTimeoutMs?: number;
  /** Resolves the caller with the worker's reply; false, settling nothing, when the reply is not the kind this job asked for. */
  answer(reply: JobReply): boolean;
  blame(failure: Failure): void;
  fail(error: unknown): void;
}

export interface RunningJob {
  readonly pending: PendingJob;
  /** Started again by each part of a streamed job: only a stall is timed out, up to `deadlineAtMs`. */
  timer: ReturnType<typeof setTimeout>;
  /** Streamed jobs only: when the job is timed out whatever it sends. */
  readonly deadlineAtMs?: number;
}

export function isBackground(pending: PendingJob): boolean {
  return pending.priority === 'background';
}

export function describeExit(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

/** How many of a worker's running jobs are background ones. */
export function backgroundIn(jobs: Map<number, RunningJob>): number {
  let count = 0;
  for (const running of jobs.values()) if (isBackground(running.pending)) count += 1;
  return count;
}

/** Whether a worker runs a job that must run alone (it then takes nothing new). */
export function runsSolo(jobs: Map<number, RunningJob>): boolean {
  for (const running of jobs.values()) if (running.pending.solo) return true;
  return false;
}
