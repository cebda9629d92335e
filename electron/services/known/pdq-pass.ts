import { setImmediate } from 'node:timers/promises';
/**
 * The background PDQ pass: hashes the open case's images that no grid thumbnail has hashed
 * yet, so near matches and near stacks fill in while the investigator already works. Jobs
 * go to the media pool's lowest lane ('background'), so they wait behind every view and
 * thumbnail and never take a worker's last slot (worker-pool.ts).
 */
import type { PdqValue } from '../../media-worker/protocol.js';
import { resolveInsideCase } from '../media/contained-file.js';
import { PoolUnavailableError, type MediaWorkerPool } from '../media/worker-pool.js';

/** Jobs the pass keeps in the pool at once: one per core, and the pool keeps one slot free besides. */
const DEFAULT_IN_FLIGHT = 2;
/** Progress at most this often, as for a hash-set import: many small images must not flood the renderer. */
const PROGRESS_INTERVAL_MS = 250;

/** An image to hash, as the case session knows it; the path is checked against the case root before use. */
export interface PdqPassItem {
  itemId: string;
  absolutePath: string;
  caseRoot: string;
}

export interface PdqPassProgress {
  /** Items hashed, found hashed meanwhile, or given up on (a file that cannot be decoded or left the case). */
  doneCount: number;
  totalCount: number;
}

export interface PdqPassDeps {
  pool: Pick<MediaWorkerPool, 'runPdq'>;
  /** False once the item has a PDQ hash (a thumbnail hashed it meanwhile), or is no longer in the case: it is skipped. */
  stillNeedsPdq: (itemId: string) => boolean;
  /** A hash the pass computed; null when the picture cannot be hashed. */
  onPdq: (itemId: string, pdq: PdqValue) => void;
  /** At the start, at most every 250 ms, and at the end of a pass that was not cancelled. */
  onProgress: (progress: PdqPassProgress) => void;
  nowMs: () => number;
  /** Stops the pass, as `cancel()` does (the case was closed or opened again). */
  signal?: AbortSignal;
  /** Jobs in the pool at once (default 2). */
  inFlight?: number;
  log?: (message: string) => void;
}

interface PdqPassResult {
  /** 'unavailable': the media pool shut down or broke, so the rest was not hashed. */
  outcome: 'finished' | 'cancelled' | 'unavailable';
  doneCount: number;
  totalCount: number;
}

export interface PdqPass {
  /** Withdraws the queued jobs and ignores the running ones' results. */
  cancel(): void;
  /** Settles when the pass has stopped; never rejects. */
  readonly done: Promise<PdqPassResult>;
}

/**
 * Hashes `items` (the case's images still without PDQ, in grid order, so the first screens
 * come first) with PDQ-only jobs, at most `inFlight` at a time. A failed decode counts as
 * done without a hash: the thumbnail path reports the file's error. A listener that throws
 * is logged and the pass goes on; nothing is thrown to the caller.
 */
/** Items a lane goes through before it yields to the event loop, whether or not it hashed them. */
const YIELD_EVERY_ITEMS = 256;

export function startPdqPass(deps: PdqPassDeps, items: readonly PdqPassItem[]): PdqPass {
  const log = deps.log ?? ((message) => console.error(`[pdq-pass] ${message}`));
  const controller = new AbortController();
  const signal = deps.signal === undefined ? controller.signal : AbortSignal.any([deps.signal, controller.signal]);
  const totalCount = items.length;
  let nextIndex = 0;
  let doneCount = 0;
  let lastProgressMs = Number.NEGATIVE_INFINITY;
  let unavailable = false;

  const safely = (what: string, call: () => void): void => {
    try {
      call();
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const stillNeeds = (itemId: string): boolean => {
    try {
      return deps.stillNeedsPdq(itemId);
    } catch (error) {
      log(`stillNeedsPdq failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  const report = (final: boolean): void => {
    const now = deps.nowMs();
    if (!final && now - lastProgressMs < PROGRESS_INTERVAL_MS) return;
    lastProgressMs = now;
    safely('onProgress', () => deps.onProgress({ doneCount, totalCount }));
  };

  async function hashOne(item: PdqPassItem): Promise<void> {
    if (!stillNeeds(item.itemId)) return;
    const contained = await resolveInsideCase(item.absolutePath, item.caseRoot);
    if (!contained.ok || signal.aborted) return;
    const outcome = await deps.pool.runPdq({ filePath: contained.realPath }, { signal });
    // A thumbnail may have hashed it while the job ran: the session hears of each hash once.
    if (outcome.ok && !signal.aborted && stillNeeds(item.itemId)) safely('onPdq', () => deps.onPdq(item.itemId, outcome.pdq));
  }

  async function lane(): Promise<void> {
    while (!signal.aborted && !unavailable) {
      const item = items[nextIndex];
      if (item === undefined) return;
      nextIndex += 1;
      // Items hashed meanwhile are skipped without a job, in microtasks: let the loop breathe now and then.
      if (nextIndex % YIELD_EVERY_ITEMS === 0) await setImmediate();
      try {
        await hashOne(item);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof PoolUnavailableError) {
          unavailable = true;
          log(`stopped: ${error.message}`);
          return;
        }
        log(`could not hash an image: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (signal.aborted) return;
      doneCount += 1;
      report(doneCount === totalCount);
    }
  }

  report(totalCount === 0);
  const lanes = Array.from({ length: Math.max(1, deps.inFlight ?? DEFAULT_IN_FLIGHT) }, lane);
  const done = Promise.all(lanes).then((): PdqPassResult => {
    const outcome = signal.aborted ? 'cancelled' : unavailable ? 'unavailable' : 'finished';
    return { outcome, doneCount, totalCount };
  });
  return { cancel: () => controller.abort(new Error('the PDQ pass was cancelled')), done };
}
