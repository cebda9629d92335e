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
  /** The caller's signal: a job whose caller gave up while it ran is not run again. */
  readonly signal: AbortSignal | undefined;
  /** Resolves the caller with the worker's reply; false, settling nothing, when the reply is not the kind this job asked for. */
  answer(reply: JobReply): boolean;
  blame(failure: Failure): void;
  fail(error: unknown): void;
}

export interface RunningJob {
  readonly pending: PendingJob;
  readonly timer: ReturnType<typeof setTimeout>;
}

export function isBackground(pending: PendingJob): boolean {
  return pending.priority === 'background';
}

export function describeExit(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}
