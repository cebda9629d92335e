/** The streamed jobs of the media worker pool (worker-pool.ts): a veiled video's parts, its stall and overall limits, its cancel. */
import type { WorkerChannel } from './worker-channel.js';
import type { PendingJob, RunningJob } from './worker-pool-jobs.js';

interface StreamSlot {
  readonly channel: WorkerChannel;
  readonly jobs: Map<number, RunningJob>;
}

/** When a streamed job is timed out whatever it sends (nothing for other jobs). */
export function streamDeadline(pending: PendingJob, nowMs: number): Pick<RunningJob, 'deadlineAtMs'> {
  return pending.overallTimeoutMs === undefined ? {} : { deadlineAtMs: nowMs + pending.overallTimeoutMs };
}

/**
 * One part of a streamed job arrived: the stall time-out starts again, but never past the
 * job's overall deadline, so a worker trickling parts cannot keep a job (and its worker) forever.
 * False when the job is not a streamed one: a part it never asked for is a bad reply.
 */
export function takeChunk(running: RunningJob, chunk: Uint8Array, nowMs: number, onTimeout: () => void): boolean {
  const { onChunk, timeoutMs } = running.pending;
  if (onChunk === undefined) return false;
  clearTimeout(running.timer);
  const leftMs = running.deadlineAtMs === undefined ? timeoutMs : Math.min(timeoutMs, Math.max(0, running.deadlineAtMs - nowMs));
  running.timer = setTimeout(onTimeout, leftMs);
  onChunk(chunk);
  return true;
}

/**
 * A streamed job whose caller left: its worker is told to stop, and nothing more of it is
 * awaited. False when no worker runs it (it is queued, or done).
 */
export function cancelStreamed(slots: Iterable<StreamSlot>, pending: PendingJob, reason: unknown): boolean {
  for (const slot of slots) {
    const running = slot.jobs.get(pending.jobId);
    if (running === undefined) continue;
    clearTimeout(running.timer);
    slot.jobs.delete(pending.jobId);
    try {
      slot.channel.postMessage({ cancelJobId: pending.jobId });
    } catch {
      // The worker is gone already: nothing left to stop.
    }
    pending.fail(reason);
    return true;
  }
  return false;
}
