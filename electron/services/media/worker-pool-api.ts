/** What callers of the media worker pool (worker-pool.ts) give it and get back. */
import type { MediaError } from '../../../shared/case/media-item.js';
import type { BlurLevel, FilterStyle } from '../../../shared/media/filter-profile.js';
import type { MediaFormat } from '../../../shared/media/media-kinds.js';
import type { PdqValue } from '../../media-worker/protocol.js';
import type { JobPriority } from './job-queue.js';
import type { SpawnWorker } from './worker-channel.js';
import type { MemoryLimit } from './worker-pool-memory.js';

export interface DeriveJob {
  filePath: string;
  longEdgePx: number;
  greyscale: boolean;
  blur: BlurLevel;
  /** How detail is taken away; 'blur' when absent. */
  style?: FilterStyle;
  /** Also hash the picture with PDQ from the same decode; the outcome then carries `pdq`. */
  withPdq?: boolean;
}

export type DeriveOutcome =
  { ok: true; bytes: Uint8Array; mime: 'image/jpeg'; widthPx: number; heightPx: number; pdq?: PdqValue } | { ok: false; error: MediaError };

/** A video's storyboard grid, filtered like a thumbnail (electron/media-worker/video-storyboard.ts). */
export type StoryboardJob = Omit<DeriveJob, 'longEdgePx' | 'withPdq'>;

/** A video's veiled derivative (electron/media-worker/video-veiled.ts), streamed; from `startSec` when given. */
export type VeiledVideoJob = StoryboardJob & { startSec?: number };

export type VeiledVideoOutcome = { ok: true; mime: 'video/webm'; widthPx: number; heightPx: number; totalBytes: number } | { ok: false; error: MediaError };

export interface VeiledVideoOptions {
  /** Aborted when nobody watches any more: the encode stops in the worker. */
  signal?: AbortSignal;
  onChunk(bytes: Uint8Array): void;
}

/** PDQ alone, no picture back (the background pass). */
export interface PdqJob {
  filePath: string;
}

/** `pdq` is null for a picture PDQ cannot hash; a file that cannot be decoded is an error, as for a derivative. */
export type PdqOutcome = { ok: true; pdq: PdqValue } | { ok: false; error: MediaError };

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
  /** Worker processes (default 1: each costs about half a second of CPU to start, see docs/decisions/one-media-worker.md). */
  size?: number;
  /**
   * Jobs one worker runs at once (default 2, one per core: libvips decodes each on its own
   * thread). A crash or a malformed reply with several jobs in flight blames none of them:
   * each is run again alone, so only the file that brings a worker down alone is blamed.
   * Background jobs take at most all but one of them (one when there is one), so a thumbnail
   * or a view asked for while the PDQ pass runs starts at once.
   */
  jobsPerWorker?: number;
  /**
   * Each busy worker's resident memory is checked against this; one above it is killed and its
   * job failed with the reason 'media-memory-limit' (DEFAULT_MEMORY_LIMIT when absent).
   */
  memoryLimit?: MemoryLimit;
  /** A job without a reply after this long is failed 'timed-out' and its worker killed (default 20 s). */
  jobTimeoutMs?: number;
  /**
   * The same for a HEIC (default 60 s): libheif decodes HEVC in WebAssembly on one thread and
   * cannot shrink on load, so a 12 MP photo takes 4–20 s on a busy 2-core machine (heic-decoder.md).
   */
  heicJobTimeoutMs?: number;
  /**
   * A streamed job (a veiled video) is timed out only when it stalls for `jobTimeoutMs`, but
   * never runs longer than this in all (default 2 h): a hostile file that makes the encoder
   * trickle parts forever still ends.
   */
  streamJobTimeoutMs?: number;
  /** A worker that has not said it is ready after this long counts as a failed start. */
  startTimeoutMs?: number;
  /** After this many start-up failures in a row the pool gives up (PoolUnavailableError 'broken'). */
  maxStartFailures?: number;
  /** Wait before restarting after a failed start; doubles with each further failure. */
  restartBackoffMs?: number;
  log?: (message: string) => void;
}

export interface RunOptions {
  /** 'thumb' by default; 'background' is for PDQ-only jobs (runPdq). */
  priority?: Exclude<JobPriority, 'background'>;
  /** Withdraws the job while it is queued. Once a worker has it, it finishes and resolves. */
  signal?: AbortSignal;
  /** The file's format as the import judged it (by content): a HEIC gets `heicJobTimeoutMs`. */
  format?: MediaFormat;
}

export interface PoolStatus {
  workers: number;
  /** Jobs running for someone waiting on a picture (views, thumbnails); background jobs are apart. */
  busy: number;
  queued: number;
  /** Background (PDQ-only) jobs running or queued. */
  background: number;
  broken: boolean;
  closed: boolean;
}
