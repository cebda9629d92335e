import type { WorkerRequest } from '../../../../../electron/media-worker/protocol.js';
import type { WorkerChannel } from '../../../../../electron/services/media/worker-channel.js';

/** A scripted worker process: the test says when it is ready, replies, crashes or hangs. */
export class FakeWorker implements WorkerChannel {
  readonly posted: WorkerRequest[] = [];
  killed = false;
  /** What it reports as its resident memory (null: cannot tell, as a platform without a reader). Never a real process's. */
  rssBytes: number | null = 100 * 1024 * 1024;
  /** How many times the pool asked for its memory. */
  memoryReads = 0;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly exitListeners: ((code: number | null, signal: string | null) => void)[] = [];

  constructor(readonly pid: number) {}

  postMessage(message: WorkerRequest): void {
    if (this.killed) throw new Error('channel closed');
    this.posted.push(message);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    this.exit(null, 'SIGKILL');
  }

  residentBytes(): Promise<number | null> {
    this.memoryReads += 1;
    return Promise.resolve(this.rssBytes);
  }

  send(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }

  ready(): void {
    this.send({ ready: true });
  }

  /** Replies to the most recent job with a tiny image. */
  succeed(jobId = this.lastJobId()): void {
    this.send({ jobId, ok: true, bytes: new Uint8Array([0xff, 0xd8, jobId & 0xff]), mime: 'image/jpeg', widthPx: 10, heightPx: 5 });
  }

  /** Replies to a PDQ-only job (the most recent by default) with a hash, or null for a picture PDQ cannot hash. */
  succeedPdq(pdq: { hex: string; quality: number; widthPx: number; heightPx: number } | null, jobId = this.lastJobId()): void {
    this.send({ jobId, ok: true, pdq });
  }

  /** Replies to a derive job that asked for PDQ with a tiny image and the hash. */
  succeedWithPdq(pdq: { hex: string; quality: number; widthPx: number; heightPx: number } | null, jobId = this.lastJobId()): void {
    this.send({ jobId, ok: true, bytes: new Uint8Array([0xff, 0xd8, jobId & 0xff]), mime: 'image/jpeg', widthPx: 10, heightPx: 5, pdq });
  }

  fail(code: string, jobId = this.lastJobId()): void {
    this.send({ jobId, ok: false, error: { code, detail: `fake ${code}` } });
  }

  exit(code: number | null, signal: string | null): void {
    for (const listener of this.exitListeners) listener(code, signal);
  }

  lastJobId(): number {
    const last = this.posted.at(-1);
    if (last === undefined) throw new Error('no job was posted');
    return last.jobId;
  }
}

/** A spawnWorker that records every fake it made. */
export function fakeSpawner(): { spawn: () => FakeWorker; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn() {
      const worker = new FakeWorker(1000 + workers.length);
      workers.push(worker);
      return worker;
    },
  };
}

/** The fake a pool started `index`-th; throws when it never started one. */
export function workerAt(workers: FakeWorker[], index: number): FakeWorker {
  const found = workers[index];
  if (found === undefined) throw new Error(`worker ${index} was never started`);
  return found;
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
