import type { MediaError } from '../../../shared/case/media-item.js';
import type { BlurLevel } from '../../../shared/media/filter-profile.js';
import { DeriveRequestSchema, WorkerMessageSchema, type DeriveReply } from '../../media-worker/protocol.js';
import { JobQueue, type JobPriority } from './job-queue.js';
import type { SpawnWorker, WorkerChannel } from './worker-channel.js';

export type { SpawnWorker, WorkerChannel } from './worker-channel.js';

export interface DeriveJob {
  filePath: string;
  longEdgePx: number;
  greyscale: boolean;
  blur: BlurLevel;
}

export type DeriveOutcome = { ok: true; bytes: Uint8Array; mime: 'image/jpeg'; widthPx: number; heightPx: number } | { ok: false; error: MediaError };

/** The pool cannot take work: shut down, or its worker keeps dying at start-up. Not the file's fault. */
export class PoolUnavailableError extends Error {
  constructor(
    readonly reason: 'closed' | 'broken',
    message: string,
  ) {
    super(message);
    this.name = 'PoolUnavailableError';
  }
}

export interface MediaWorkerPoolOptions {
  spawnWorker: SpawnWorker;
  /** Worker processes; each runs one job at a time so a crash blames exactly one file. */
  size?: number;
  /** A job without a reply after this long is failed 'timed-out' and its worker killed. */
  jobTimeoutMs?: number;
  /** A worker that has not said it is ready after this long counts as a failed start. */
  startTimeoutMs?: number;
  /** After this many start-up failures in a row the pool gives up (PoolUnavailableError 'broken'). */
  maxStartFailures?: number;
  /** Wait before restarting after a failed start; doubles with each further failure. */
  restartBackoffMs?: number;
  log?: (message: string) => void;
}

export interface RunOptions {
  priority?: JobPriority;
  /** Withdraws the job while it is queued. Once a worker has it, it finishes and resolves. */
  signal?: AbortSignal;
}

export interface PoolStatus {
  workers: number;
  busy: number;
  queued: number;
  broken: boolean;
  closed: boolean;
}

interface PendingJob {
  readonly jobId: number;
  readonly job: DeriveJob;
  readonly priority: JobPriority;
  settle(outcome: DeriveOutcome): void;
  fail(error: unknown): void;
}

interface Slot {
  readonly channel: WorkerChannel;
  state: 'starting' | 'idle' | 'busy';
  job: PendingJob | null;
  timer: ReturnType<typeof setTimeout> | null;
}

function describeExit(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

function outcomeOf(reply: DeriveReply): DeriveOutcome {
  if (!reply.ok) return { ok: false, error: reply.error };
  return { ok: true, bytes: reply.bytes, mime: reply.mime, widthPx: reply.widthPx, heightPx: reply.heightPx };
}

/**
 * Runs derivative jobs on a few worker processes, restarting any that crash or hang.
 * Queued 'view' jobs go before 'thumb' jobs. Workers start on first use and are kept
 * (and replaced) from then on, so a crash costs one file, not the next one's latency.
 */
export class MediaWorkerPool {
  private readonly spawnWorker: SpawnWorker;
  private readonly size: number;
  private readonly jobTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly maxStartFailures: number;
  private readonly restartBackoffMs: number;
  private readonly log: (message: string) => void;
  private readonly slots = new Set<Slot>();
  private readonly queue = new JobQueue<PendingJob>();
  private nextJobId = 1;
  private started = false;
  private closed = false;
  private brokenDetail: string | null = null;
  private consecutiveStartFailures = 0;
  private respawnTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: MediaWorkerPoolOptions) {
    this.spawnWorker = options.spawnWorker;
    this.size = Math.max(1, options.size ?? 2);
    this.jobTimeoutMs = options.jobTimeoutMs ?? 20_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 15_000;
    this.maxStartFailures = Math.max(1, options.maxStartFailures ?? 3);
    this.restartBackoffMs = options.restartBackoffMs ?? 250;
    this.log = options.log ?? ((message) => console.error(`[media-pool] ${message}`));
  }

  /**
   * Makes one derivative. Resolves with the image or a MediaError blaming the file
   * (including 'timed-out' and 'worker-crashed'); rejects with the signal's reason when
   * withdrawn while queued, and with PoolUnavailableError when the pool cannot work.
   */
  run(job: DeriveJob, options: RunOptions = {}): Promise<DeriveOutcome> {
    if (this.closed) return Promise.reject(new PoolUnavailableError('closed', 'the media worker pool is shut down'));
    if (this.brokenDetail !== null) return Promise.reject(new PoolUnavailableError('broken', this.brokenDetail));
    const { signal, priority = 'thumb' } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const jobId = this.nextJobId++;
    const checked = DeriveRequestSchema.safeParse({ jobId, ...job });
    if (!checked.success) return Promise.reject(checked.error);
    return new Promise<DeriveOutcome>((resolve, reject) => {
      const onAbort = (): void => {
        if (signal && this.queue.remove(pending)) pending.fail(signal.reason);
      };
      const pending: PendingJob = {
        jobId,
        job,
        priority,
        settle(outcome) {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
        fail(error) {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.started = true;
      this.queue.push(pending, priority);
      this.pump();
    });
  }

  /**
   * Starts the workers now instead of on the first job, so a case being opened does not
   * wait for Node and sharp to load when its first thumbnails are asked for.
   */
  warm(): void {
    if (this.closed) return;
    this.started = true;
    this.pump();
  }

  get status(): PoolStatus {
    const busy = [...this.slots].filter((slot) => slot.state === 'busy').length;
    return { workers: this.slots.size, busy, queued: this.queue.size, broken: this.brokenDetail !== null, closed: this.closed };
  }

  /** Kills every worker; queued and running jobs reject with PoolUnavailableError('closed'). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.respawnTimer !== null) clearTimeout(this.respawnTimer);
    this.respawnTimer = null;
    const error = new PoolUnavailableError('closed', 'the media worker pool is shut down');
    for (const pending of this.queue.drain()) pending.fail(error);
    for (const slot of [...this.slots]) {
      const job = slot.job;
      this.retire(slot);
      slot.channel.kill();
      job?.fail(error);
    }
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.state !== 'idle') continue;
      const next = this.queue.take();
      if (next === undefined) break;
      this.dispatch(slot, next);
    }
    while (this.started && this.slots.size < this.size && this.canSpawn()) this.spawn();
  }

  private canSpawn(): boolean {
    return !this.closed && this.brokenDetail === null && this.respawnTimer === null;
  }

  private spawn(): void {
    let channel: WorkerChannel;
    try {
      channel = this.spawnWorker();
    } catch (error) {
      this.onStartFailure(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const slot: Slot = { channel, state: 'starting', job: null, timer: null };
    this.slots.add(slot);
    slot.timer = setTimeout(() => this.onStartTimeout(slot), this.startTimeoutMs);
    channel.onMessage((message) => this.onWorkerMessage(slot, message));
    channel.onExit((code, signal) => this.onWorkerExit(slot, code, signal));
  }

  private dispatch(slot: Slot, pending: PendingJob): void {
    slot.state = 'busy';
    slot.job = pending;
    slot.timer = setTimeout(() => this.onJobTimeout(slot), this.jobTimeoutMs);
    try {
      slot.channel.postMessage({ jobId: pending.jobId, ...pending.job });
    } catch (error) {
      // The worker vanished before it got the job: not the file's fault, so queue it again.
      this.log(`could not send job to worker ${slot.channel.pid ?? '?'}: ${String(error)}`);
      this.retire(slot);
      slot.channel.kill();
      this.queue.pushFront(pending, pending.priority);
    }
  }

  private onWorkerMessage(slot: Slot, message: unknown): void {
    if (!this.slots.has(slot)) return;
    const parsed = WorkerMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.log(`invalid message from worker ${slot.channel.pid ?? '?'}: ${parsed.error.message}`);
      this.discard(slot, { code: 'worker-crashed', detail: 'the media worker sent an invalid reply' });
      return;
    }
    const data = parsed.data;
    if ('ready' in data) {
      if (slot.state !== 'starting') return;
      this.clearTimer(slot);
      slot.state = 'idle';
      this.consecutiveStartFailures = 0;
      this.pump();
      return;
    }
    const job = slot.job;
    if (slot.state !== 'busy' || job === null || data.jobId !== job.jobId) return;
    this.clearTimer(slot);
    slot.state = 'idle';
    slot.job = null;
    job.settle(outcomeOf(data));
    this.pump();
  }

  private onWorkerExit(slot: Slot, code: number | null, signal: string | null): void {
    if (!this.slots.has(slot)) return;
    const { state, job } = slot;
    const how = describeExit(code, signal);
    this.retire(slot);
    if (state === 'starting') {
      this.onStartFailure(`exited at start-up (${how})`);
      return;
    }
    this.log(`worker ${slot.channel.pid ?? '?'} ended (${how})${job ? ' during a job' : ''}`);
    job?.settle({ ok: false, error: { code: 'worker-crashed', detail: `the media worker ended (${how}) while reading this file` } });
    this.pump();
  }

  private onJobTimeout(slot: Slot): void {
    this.discard(slot, { code: 'timed-out', detail: `no result after ${this.jobTimeoutMs} ms; the worker was restarted` });
  }

  private onStartTimeout(slot: Slot): void {
    if (!this.slots.has(slot)) return;
    this.retire(slot);
    slot.channel.kill();
    this.onStartFailure(`not ready after ${this.startTimeoutMs} ms`);
  }

  /** Kills a worker we no longer trust, fails its job with `error`, and replaces it. */
  private discard(slot: Slot, error: MediaError): void {
    const job = slot.job;
    this.retire(slot);
    slot.channel.kill();
    job?.settle({ ok: false, error });
    this.pump();
  }

  private onStartFailure(detail: string): void {
    this.consecutiveStartFailures += 1;
    this.log(`worker start failed (${this.consecutiveStartFailures}/${this.maxStartFailures}): ${detail}`);
    if (this.consecutiveStartFailures >= this.maxStartFailures) {
      this.brokenDetail = `the media worker failed to start ${this.consecutiveStartFailures} times in a row (last: ${detail})`;
      const error = new PoolUnavailableError('broken', this.brokenDetail);
      for (const pending of this.queue.drain()) pending.fail(error);
      return;
    }
    const delayMs = this.restartBackoffMs * 2 ** (this.consecutiveStartFailures - 1);
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = null;
      this.pump();
    }, delayMs);
  }

  /** Forgets a worker: its later messages and exit are ignored. */
  private retire(slot: Slot): void {
    this.clearTimer(slot);
    this.slots.delete(slot);
    slot.job = null;
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }
}
