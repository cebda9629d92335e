/**
 * The memory limit of media worker jobs (worker-pool.ts). Nothing portable bounds a whole
 * process's memory from Node (docs/decisions/video-engine.md, "Memory limit"): the JS heap cap
 * (WORKER_HEAP_CAP_ARGV) leaves out what FFmpeg, libheif's WebAssembly and libvips allocate. So the
 * pool asks each busy worker's channel for its resident memory every `checkEveryMs` and kills a
 * worker above `maxRssBytes`, failing its job with the reason `media-memory-limit`. The channel
 * reads it (WorkerChannel.residentBytes): /proc for a forked Node child, Electron's app metrics for
 * a utility process.
 */
import { readFile } from 'node:fs/promises';
import type { MediaError } from '../../../shared/case/media-item.js';
import { reasonOf } from '../../../shared/reasons/reason.js';

const MIB = 1024 * 1024;

/**
 * The worker's JavaScript heap cap, as flags for its executable (child_process.fork and
 * utilityProcess.fork both take them as `execArgv`): its own objects are small (pixels live in
 * buffers, FFmpeg and WebAssembly outside the heap), so a heap past 512 MB is a runaway, stopped
 * at once by V8. The rest of its memory is bounded by the resident-memory check.
 */
export const WORKER_HEAP_CAP_ARGV: readonly string[] = ['--max-old-space-size=512'];

export interface MemoryLimit {
  /** Resident memory a worker may hold while it runs jobs; above it, it is killed with its jobs. */
  maxRssBytes: number;
  checkEveryMs: number;
}

/**
 * A process's resident memory from /proc (Linux). Null elsewhere and for a process that has
 * ended: macOS and Windows have no file to read, and spawning `ps` or `tasklist` every few
 * hundred milliseconds would cost more CPU than a job; under Electron the utility process's
 * channel reads app.getAppMetrics() instead, which covers all three.
 */
export async function procRssBytes(pid: number): Promise<number | null> {
  if (process.platform !== 'linux') return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s*(\d+)\s*kB$/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/**
 * 3 GiB: two jobs at once, each within the pixel limit (a 100-megapixel still is 400 MB of RGBA,
 * a HEIC's WebAssembly heap may grow to 2 GiB), plus Node and the libraries (about 150 MB).
 * Four checks a second: a runaway allocation is caught within a quarter of a second of passing it.
 */
export const DEFAULT_MEMORY_LIMIT: MemoryLimit = { maxRssBytes: 3 * 1024 * MIB, checkEveryMs: 250 };

/** What the job of a worker killed over the limit gets: the file needed more memory than Veil allows. */
export function memoryLimitError(limit: MemoryLimit, rssBytes: number): MediaError {
  return {
    code: 'too-large',
    detail: `the media worker held ${Math.round(rssBytes / MIB)} MB, above the limit of ${Math.round(limit.maxRssBytes / MIB)} MB; it was killed`,
    reason: reasonOf('media-memory-limit', { limitMb: Math.round(limit.maxRssBytes / MIB) }),
  };
}

/** A reading that failed (a process gone between listing and reading) counts as unknown, never as a crash of the pool. */
async function readSafely(read: () => Promise<number | null>): Promise<number | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}

/** A busy worker and how to read its memory. */
interface BusyWorker<W> {
  worker: W;
  readRssBytes(): Promise<number | null>;
}

/**
 * Polls the memory of the workers `busy()` lists, only while there are some, and calls
 * `onOver` for each found above the limit. One round of reads at a time: a slow read
 * (a busy machine) delays the next round rather than piling them up.
 */
export class MemoryWatch<W> {
  private timer: ReturnType<typeof setInterval> | null = null;
  private reading = false;

  constructor(
    private readonly limit: MemoryLimit,
    private readonly busy: () => BusyWorker<W>[],
    private readonly onOver: (worker: W, rssBytes: number) => void,
  ) {}

  /** Starts checking (if not already): a job was just given to a worker. */
  arm(): void {
    this.timer ??= setInterval(() => void this.check(), this.limit.checkEveryMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    if (this.reading) return;
    const busy = this.busy();
    if (busy.length === 0) {
      this.stop();
      return;
    }
    this.reading = true;
    try {
      const readings = await Promise.all(busy.map(async ({ worker, readRssBytes }) => ({ worker, rssBytes: await readSafely(readRssBytes) })));
      for (const { worker, rssBytes } of readings) if (rssBytes !== null && rssBytes > this.limit.maxRssBytes) this.onOver(worker, rssBytes);
    } finally {
      this.reading = false;
    }
  }
}
