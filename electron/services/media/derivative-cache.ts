import { LRUCache } from 'lru-cache';
import type { MediaRequest } from '../../../shared/media/derivative.js';
import type { DeriveOutcome } from './worker-pool.js';

export type CachedStill = Extract<DeriveOutcome, { ok: true }>;

/** Bookkeeping per entry beyond its bytes (key, object, LRU links), so many tiny entries still count. */
const ENTRY_OVERHEAD_BYTES = 256;

/** The cache key of a still: item, derivative kind and the whole filter profile (a blur is never served for a silhouette). */
export function derivativeKey(request: MediaRequest): string {
  return `${request.itemId}/${request.kind}/${request.greyscale ? 'grey' : 'colour'}/${request.blur}/${request.style ?? 'blur'}`;
}

/** The item id and derivative kind a key was made from (item ids never hold a '/'). */
export function keyItemAndKind(key: string): { itemId: string; kind: string } {
  const [itemId = '', kind = ''] = key.split('/', 2);
  return { itemId, kind };
}

/**
 * Why a job was withdrawn: the page no longer shows its item. Not the file's fault, and
 * not an error to show: the request that waited on it is answered as cancelled.
 */
export class StillWithdrawnError extends Error {
  constructor() {
    super('the picture is no longer on screen');
    this.name = 'StillWithdrawnError';
  }
}

/** Settings hold the cache size in mebibytes. */
export function cacheBytesFromMb(mediaCacheMb: number): number {
  return Math.max(1, Math.round(mediaCacheMb * 1024 * 1024));
}

interface InFlight {
  readonly promise: Promise<DeriveOutcome>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Derived stills, in memory only (a derivative of case media is never written to disk),
 * bounded by bytes with least-recently-used eviction. Concurrent requests for the same
 * key share one job; the job is withdrawn only when every waiter has given up.
 */
export class DerivativeCache {
  private lru: LRUCache<string, CachedStill>;
  private readonly inFlight = new Map<string, InFlight>();
  /** Bumped by clear(), so a job started before it cannot refill the cache afterwards. */
  private generation = 0;

  constructor(maxBytes: number) {
    this.lru = DerivativeCache.makeLru(maxBytes);
  }

  private static makeLru(maxBytes: number): LRUCache<string, CachedStill> {
    return new LRUCache<string, CachedStill>({
      maxSize: Math.max(1, Math.floor(maxBytes)),
      sizeCalculation: (still) => still.bytes.byteLength + ENTRY_OVERHEAD_BYTES,
    });
  }

  get maxBytes(): number {
    return this.lru.maxSize;
  }

  /** Bytes held now, including per-entry overhead. */
  get sizeBytes(): number {
    return this.lru.calculatedSize;
  }

  get entryCount(): number {
    return this.lru.size;
  }

  get(key: string): CachedStill | undefined {
    return this.lru.get(key);
  }

  has(key: string): boolean {
    return this.lru.has(key);
  }

  /**
   * Changes the byte limit at run time (the user changed mediaCacheMb). Keeps the most
   * recently used entries that fit.
   */
  setMaxBytes(maxBytes: number): void {
    const next = DerivativeCache.makeLru(maxBytes);
    // rkeys() runs from least to most recently used, so recency order survives; peek()
    // reads without touching recency.
    for (const key of this.lru.rkeys()) {
      const value = this.lru.peek(key);
      if (value !== undefined) next.set(key, value);
    }
    this.lru = next;
  }

  /** Drops every still (a case was closed); jobs still running will not be stored. */
  clear(): void {
    this.generation += 1;
    this.lru.clear();
    this.inFlight.clear();
  }

  /**
   * Withdraws the jobs in flight whose key `matches`, for every waiter at once: a job still
   * queued leaves the queue and its waiters reject with StillWithdrawnError; a job a worker
   * already has finishes and fills the cache as usual. Returns how many were withdrawn.
   * For adapters whose request signal never aborts (Electron's protocol.handle).
   */
  withdraw(matches: (key: string) => boolean): number {
    let withdrawn = 0;
    for (const [key, flight] of this.inFlight) {
      if (flight.controller.signal.aborted || !matches(key)) continue;
      flight.controller.abort(new StillWithdrawnError());
      withdrawn += 1;
    }
    return withdrawn;
  }

  /**
   * The cached still for `key`, or the outcome of `create` (shared with anyone asking
   * for the same key meanwhile). Only successes are cached. Rejects with `signal`'s
   * reason as soon as this caller aborts; a job already running still completes and
   * fills the cache for next time.
   */
  getOrCreate(key: string, create: (signal: AbortSignal) => Promise<DeriveOutcome>, signal?: AbortSignal): Promise<DeriveOutcome> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const hit = this.lru.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const current = this.inFlight.get(key);
    const flight = current === undefined || current.controller.signal.aborted ? this.start(key, create) : current;
    return this.wait(flight, signal);
  }

  private start(key: string, create: (signal: AbortSignal) => Promise<DeriveOutcome>): InFlight {
    const controller = new AbortController();
    const generation = this.generation;
    const promise = create(controller.signal).then((outcome) => {
      if (outcome.ok && generation === this.generation) this.lru.set(key, outcome);
      return outcome;
    });
    const flight: InFlight = { promise, controller, waiters: 0 };
    this.inFlight.set(key, flight);
    const forget = (): void => {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    };
    promise.then(forget, forget);
    return flight;
  }

  private wait(flight: InFlight, signal: AbortSignal | undefined): Promise<DeriveOutcome> {
    flight.waiters += 1;
    if (signal === undefined) return flight.promise;
    return new Promise<DeriveOutcome>((resolve, reject) => {
      const onAbort = (): void => {
        flight.waiters -= 1;
        if (flight.waiters === 0) flight.controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (outcome) => {
          signal.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

/** A cache holding at most `maxBytes` of stills (settings: mediaCacheMb × 1 MiB). */
export function createDerivativeCache(options: { maxBytes: number }): DerivativeCache {
  return new DerivativeCache(options.maxBytes);
}
