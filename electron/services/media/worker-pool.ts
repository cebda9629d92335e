import type { MediaError } from '../../../shared/case/media-item.js';
import { WorkerMessageSchema, WorkerRequestSchema, type WorkerRequest } from '../../media-worker/protocol.js';
import { deriveOutcomeOf, pdqOutcomeOf, veiledOutcomeOf, type Failure, type JobReply, type RequestBody } from './worker-pool-replies.js';
import { backgroundIn, describeExit, isBackground, runsSolo, type PendingJob, type RunningJob } from './worker-pool-jobs.js';
import { DEFAULT_MEMORY_LIMIT, MemoryWatch, memoryLimitError } from './worker-pool-memory.js';
import { cancelStreamed, streamDeadline, takeChunk } from './worker-pool-stream.js';
import { JobQueue, type JobPriority } from './job-queue.js';
import type { SpawnWorker, WorkerChannel } from './worker-channel.js';
import { PoolUnavailableError } from './worker-pool-api.js';
import type { DeriveJob, DeriveOutcome, MediaWorkerPoolOptions, PdqJob, PdqOutcome, PoolStatus, RunOptions, StoryboardJob } from './worker-pool-api.js';
import type { VeiledVideoJob, VeiledVideoOutcome, VeiledVideoOptions } from './worker-pool-api.js';

export type { SpawnWorker, WorkerChannel } from './worker-channel.js';
export { PoolUnavailableError } from './worker-pool-api.js';
export type { DeriveJob, DeriveOutcome, MediaWorkerPoolOptions, PdqJob, PdqOutcome, PoolStatus, RunOptions } from './worker-pool-api.js';

interface Slot {
  readonly channel: WorkerChannel;
  state: 'starting' | 'running';
  readonly jobs: Map<number, RunningJob>;
  /** The start-up deadline while 'starting'. */
  startTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * Runs derivative and PDQ jobs on a few worker processes, restarting any that crash or hang.
 * Queued 'view' jobs go before 'thumb' jobs, and both before 'background' (PDQ-only) jobs,
 * which never fill a worker. Workers start on first use and are kept (and replaced) from
 * then on, so a crash costs one file, not the next one's latency.
 */
export class MediaWorkerPool {
  private readonly spawnWorker: SpawnWorker;
  private readonly size: number;
  private readonly jobsPerWorker: number;
  /** Background jobs one worker runs at once: one slot stays free for a picture someone waits for. */
  private readonly backgroundPerWorker: number;
  private readonly jobTimeoutMs: number;
  private readonly heicJobTimeoutMs: number;
  private readonly streamJobTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly maxStartFailures: number;
  private readonly restartBackoffMs: number;
  private readonly log: (message: string) => void;
  private readonly memory: MemoryWatch<Slot>;
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
    this.size = Math.max(1, options.size ?? 1);
    this.jobsPerWorker = Math.max(1, options.jobsPerWorker ?? 2);
    this.backgroundPerWorker = Math.max(1, this.jobsPerWorker - 1);
    this.jobTimeoutMs = options.jobTimeoutMs ?? 20_000;
    this.heicJobTimeoutMs = options.heicJobTimeoutMs ?? 60_000;
    this.streamJobTimeoutMs = options.streamJobTimeoutMs ?? 2 * 60 * 60_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 15_000;
    this.maxStartFailures = Math.max(1, options.maxStartFailures ?? 3);
    this.restartBackoffMs = options.restartBackoffMs ?? 250;
    this.log = options.log ?? ((message) => console.error(`[media-pool] ${message}`));
    const memoryLimit = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
    // Only the channel knows how to read its process's memory (and that its pid is a real process's).
    const busy = () =>
      [...this.slots].flatMap((slot) => {
        const readRssBytes = slot.channel.residentBytes?.bind(slot.channel);
        return slot.jobs.size > 0 && readRssBytes !== undefined ? [{ worker: slot, readRssBytes }] : [];
      });
    this.memory = new MemoryWatch(memoryLimit, busy, (slot, rssBytes) => {
      if (!this.slots.has(slot) || slot.jobs.size === 0) return;
      this.log(`worker ${slot.channel.pid ?? '?'} held ${rssBytes} bytes, above the memory limit; killed`);
      this.discard(slot, memoryLimitError(memoryLimit, rssBytes));
    });
  }

  /**
   * Makes one derivative (with its PDQ hash when `job.withPdq`). Resolves with the image or
   * a MediaError blaming the file (including 'timed-out' and 'worker-crashed'); rejects
   * with the signal's reason when withdrawn while queued, and with PoolUnavailableError
   * when the pool cannot work.
   */
  run(job: DeriveJob, options: RunOptions = {}): Promise<DeriveOutcome> {
    return this.enqueue<DeriveOutcome>(job, options.priority ?? 'thumb', options, (reply) => deriveOutcomeOf(job, reply));
  }

  /** A video's storyboard grid; resolves, rejects and blames exactly as `run` does (a time-out kills the worker with the job). */
  runStoryboard(job: StoryboardJob, options: RunOptions = {}): Promise<DeriveOutcome> {
    return this.enqueue<DeriveOutcome>({ storyboard: true, ...job }, options.priority ?? 'view', options, (reply) => deriveOutcomeOf({}, reply));
  }

  /**
   * A video's veiled derivative, streamed: its bytes reach `onChunk` as the worker encodes them,
   * and each part starts the job time-out again (a stalled encode is killed, a long video is
   * not, up to `streamJobTimeoutMs` in all). Aborting `signal` while it runs stops the encode
   * in the worker. Resolves with the summary or a MediaError, as `run` does.
   */
  runVeiledVideo(job: VeiledVideoJob, options: VeiledVideoOptions): Promise<VeiledVideoOutcome> {
    return this.enqueue<VeiledVideoOutcome>({ veiledVideo: true, ...job }, 'view', options, veiledOutcomeOf, options.onChunk);
  }

  /**
   * The PDQ hash of an image, no picture back, at the lowest priority: queued behind every
   * view and thumbnail, and never in all of a worker's slots. Resolves, rejects and blames
   * exactly as `run` does.
   */
  runPdq(job: PdqJob, options: Pick<RunOptions, 'signal' | 'format'> = {}): Promise<PdqOutcome> {
    return this.enqueue<PdqOutcome>({ pdqOnly: true, filePath: job.filePath }, 'background', options, pdqOutcomeOf);
  }

  private enqueue<O extends { ok: boolean }>(
    body: RequestBody,
    priority: JobPriority,
    { signal, format }: Pick<RunOptions, 'signal' | 'format'>,
    outcomeOf: (reply: JobReply) => O | null,
    onChunk?: (bytes: Uint8Array) => void,
  ): Promise<O | Failure> {
    if (this.closed) return Promise.reject(new PoolUnavailableError('closed', 'the media worker pool is shut down'));
    if (this.brokenDetail !== null) return Promise.reject(new PoolUnavailableError('broken', this.brokenDetail));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const jobId = this.nextJobId++;
    const checked = WorkerRequestSchema.safeParse({ jobId, ...body });
    if (!checked.success) return Promise.reject(checked.error);
    return new Promise<O | Failure>((resolve, reject) => {
      const onAbort = (): void => {
        if (signal && this.queue.remove(pending)) pending.fail(signal.reason);
        else if (signal && onChunk && cancelStreamed(this.slots, pending, signal.reason)) this.pump();
      };
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      const pending: PendingJob = {
        jobId,
        body,
        priority,
        timeoutMs: format === 'heic' ? this.heicJobTimeoutMs : this.jobTimeoutMs,
        solo: false,
        signal,
        ...(onChunk ? { onChunk, overallTimeoutMs: this.streamJobTimeoutMs } : {}),
        answer(reply) {
          const outcome = outcomeOf(reply);
          if (outcome === null) return false;
          done();
          resolve(outcome);
          return true;
        },
        blame(failure) {
          done();
          resolve(failure);
        },
        fail(error) {
          done();
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
    const running = [...this.slots].flatMap((slot) => [...slot.jobs.values()].map((job) => job.pending));
    const runningBackground = running.filter(isBackground).length;
    const queuedBackground = this.queue.countWhere(isBackground);
    return {
      workers: this.slots.size,
      busy: running.length - runningBackground,
      queued: this.queue.size - queuedBackground,
      background: runningBackground + queuedBackground,
      broken: this.brokenDetail !== null,
      closed: this.closed,
    };
  }

  /** Kills every worker; queued and running jobs reject with PoolUnavailableError('closed'). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.memory.stop();
    if (this.respawnTimer !== null) clearTimeout(this.respawnTimer);
    this.respawnTimer = null;
    const error = new PoolUnavailableError('closed', 'the media worker pool is shut down');
    for (const pending of this.queue.drain()) pending.fail(error);
    for (const slot of [...this.slots]) {
      const jobs = this.retire(slot);
      slot.channel.kill();
      for (const pending of jobs) pending.fail(error);
    }
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.state !== 'running') continue;
      const alone = slot.jobs.size === 0 ? this.queue.takeAlone() : undefined;
      if (alone !== undefined) {
        this.dispatch(slot, alone);
        continue;
      }
      // While a job waits to run alone, workers take nothing new, so one of them empties.
      while (this.queue.aloneCount === 0 && slot.jobs.size < this.jobsPerWorker && !runsSolo(slot.jobs)) {
        const next = this.queue.take(backgroundIn(slot.jobs) < this.backgroundPerWorker);
        // A failed send retires the worker and queues the job again: stop giving it work.
        if (next === undefined || !this.dispatch(slot, next)) break;
      }
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
    const slot: Slot = { channel, state: 'starting', jobs: new Map(), startTimer: null };
    this.slots.add(slot);
    slot.startTimer = setTimeout(() => this.onStartTimeout(slot), this.startTimeoutMs);
    channel.onMessage((message) => this.onWorkerMessage(slot, message));
    channel.onExit((code, signal) => this.onWorkerExit(slot, code, signal));
  }

  /** False when the worker could not take the job (it is then retired and the job queued again). */
  private dispatch(slot: Slot, pending: PendingJob): boolean {
    const timer = setTimeout(() => this.onJobTimeout(slot, pending.timeoutMs), pending.timeoutMs);
    slot.jobs.set(pending.jobId, { pending, timer, ...streamDeadline(pending, Date.now()) });
    if (slot.channel.residentBytes !== undefined) this.memory.arm();
    try {
      const request: WorkerRequest = { jobId: pending.jobId, ...pending.body };
      slot.channel.postMessage(request);
      return true;
    } catch (error) {
      // The worker vanished before it got the job: not the file's fault, so queue it again.
      this.log(`could not send job to worker ${slot.channel.pid ?? '?'}: ${String(error)}`);
      const others = this.retire(slot).filter((job) => job !== pending);
      slot.channel.kill();
      this.requeue(pending);
      this.retryAlone(others);
      return false;
    }
  }

  /** Back to the head of the lane it came from. */
  private requeue(pending: PendingJob): void {
    this.queue.pushFront(pending, pending.solo ? 'alone' : pending.priority);
  }

  /**
   * A worker died (or misbehaved) with these jobs in flight. One job alone takes the blame;
   * several are each run again alone, as only one of them may be at fault.
   */
  private blameOrRetry(jobs: PendingJob[], error: MediaError): void {
    const [only] = jobs;
    if (jobs.length === 1 && only !== undefined) only.blame({ ok: false, error });
    else this.retryAlone(jobs);
  }

  private retryAlone(jobs: PendingJob[]): void {
    for (const pending of jobs) {
      if (pending.signal?.aborted) {
        pending.fail(pending.signal.reason);
        continue;
      }
      pending.solo = true;
      this.queue.pushAlone(pending);
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
      this.clearStartTimer(slot);
      slot.state = 'running';
      this.consecutiveStartFailures = 0;
      this.pump();
      return;
    }
    const running = slot.jobs.get(data.jobId);
    if (running === undefined) return;
    if ('chunk' in data) {
      // A part of a job that streams nothing is as bad as a malformed reply.
      const taken = takeChunk(running, data.chunk, Date.now(), () => this.onJobTimeout(slot, running.pending.timeoutMs));
      if (!taken) this.discard(slot, { code: 'worker-crashed', detail: 'the media worker sent parts for a job that streams nothing' });
      return;
    }
    // Settled only when the reply fits the job; a reply of the wrong kind is as bad as a malformed one.
    if (!running.pending.answer(data)) {
      this.log(`worker ${slot.channel.pid ?? '?'} replied to job ${data.jobId} with the wrong kind of reply`);
      this.discard(slot, { code: 'worker-crashed', detail: 'the media worker sent an invalid reply' });
      return;
    }
    clearTimeout(running.timer);
    slot.jobs.delete(data.jobId);
    this.pump();
  }

  private onWorkerExit(slot: Slot, code: number | null, signal: string | null): void {
    if (!this.slots.has(slot)) return;
    const { state } = slot;
    const how = describeExit(code, signal);
    const jobs = this.retire(slot);
    if (state === 'starting') {
      this.onStartFailure(`exited at start-up (${how})`);
      return;
    }
    this.log(`worker ${slot.channel.pid ?? '?'} ended (${how})${jobs.length > 0 ? ` during ${jobs.length} job(s)` : ''}`);
    this.blameOrRetry(jobs, { code: 'worker-crashed', detail: `the media worker ended (${how}) while reading this file` });
    this.pump();
  }

  /**
   * A job alone in its worker that runs past the limit is blamed. With others beside it, it
   * may only have been slowed by them (they share the cores): all of them run again alone.
   */
  private onJobTimeout(slot: Slot, timeoutMs: number): void {
    if (!this.slots.has(slot)) return;
    const jobs = this.retire(slot);
    slot.channel.kill();
    this.blameOrRetry(jobs, { code: 'timed-out', detail: `no result after ${timeoutMs} ms; the worker was restarted` });
    this.pump();
  }

  private onStartTimeout(slot: Slot): void {
    if (!this.slots.has(slot)) return;
    this.retire(slot);
    slot.channel.kill();
    this.onStartFailure(`not ready after ${this.startTimeoutMs} ms`);
  }

  /** Kills a worker we no longer trust and replaces it; its jobs are blamed or run again alone. */
  private discard(slot: Slot, error: MediaError): void {
    const jobs = this.retire(slot);
    slot.channel.kill();
    this.blameOrRetry(jobs, error);
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

  /** Forgets a worker (its later messages and exit are ignored) and returns the jobs it had. */
  private retire(slot: Slot): PendingJob[] {
    this.clearStartTimer(slot);
    this.slots.delete(slot);
    const jobs = [...slot.jobs.values()].map((running) => {
      clearTimeout(running.timer);
      return running.pending;
    });
    slot.jobs.clear();
    return jobs;
  }

  private clearStartTimer(slot: Slot): void {
    if (slot.startTimer !== null) clearTimeout(slot.startTimer);
    slot.startTimer = null;
  }
}
