import { Readable } from 'node:stream';
import { LRUCache } from 'lru-cache';
import type { MediaError } from '../../../shared/case/media-item.js';
import type { VeiledVideoOutcome } from './worker-pool-api.js';

/**
 * One veiled video as the worker makes it: its bytes so far, in memory only (a derivative of
 * case media is never written to disk), and whether it is still growing.
 */
interface Entry {
  readonly chunks: Uint8Array[];
  sizeBytes: number;
  state: 'growing' | 'done' | 'failed';
  error: MediaError | null;
  /** Responses reading it now: a growing video nobody reads any more is stopped. */
  readers: number;
  readonly controller: AbortController;
  /** Called on every new chunk and at the end. */
  readonly listeners: Set<() => void>;
}

/** Starts the job that makes a veiled video: `onChunk` gets its bytes in order. */
export type StartVeiledVideo = (signal: AbortSignal, onChunk: (bytes: Uint8Array) => void) => Promise<VeiledVideoOutcome>;

export type VeiledVideoRead =
  { ok: true; complete: true; bytes: Buffer } | { ok: true; complete: false; stream: (signal?: AbortSignal) => Readable } | { ok: false; error: MediaError };

/**
 * Veiled videos, growing and whole. A video is made once per profile and shared by every
 * request for it; a finished one stays (bounded by bytes, least recently used first) so that
 * replaying and seeking are served with byte ranges. A growing one is read as it grows, and
 * stopped in its worker when its last reader leaves (the viewer moved to another item).
 */
export class VeiledVideoStore {
  private readonly finished: LRUCache<string, Buffer>;
  private readonly growing = new Map<string, Entry>();
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = Math.max(1, maxBytes);
    this.finished = new LRUCache<string, Buffer>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (bytes) => Math.max(1, bytes.byteLength) });
  }

  /**
   * The video for `key`: whole when it is finished, else a stream of it from its first byte that
   * follows it as it grows. Waits for its first bytes (or its failure), so a file that cannot be
   * shown is answered as an error rather than an empty video. With `whole`, waits until it is
   * finished (a player that must seek in it).
   */
  async read(key: string, start: StartVeiledVideo, options: { whole?: boolean } = {}): Promise<VeiledVideoRead> {
    const whole = this.finished.get(key);
    if (whole !== undefined) return { ok: true, complete: true, bytes: whole };
    const entry = this.growing.get(key) ?? this.start(key, start);
    // A request waiting for it counts as a reader: a player that reloads it to seek must not stop it by leaving the stream.
    entry.readers += 1;
    await new Promise<void>((resolve) => {
      const ready = () => entry.state !== 'growing' || (entry.sizeBytes > 0 && options.whole !== true);
      if (ready()) return resolve();
      const listener = () => {
        if (!ready()) return;
        entry.listeners.delete(listener);
        resolve();
      };
      entry.listeners.add(listener);
    });
    entry.readers -= 1;
    if (entry.state === 'failed') return { ok: false, error: entry.error ?? { code: 'decode-failed', detail: 'the veiled video could not be made' } };
    if (entry.state === 'done') return { ok: true, complete: true, bytes: Buffer.concat(entry.chunks) };
    return { ok: true, complete: false, stream: (signal) => this.follow(key, entry, signal) };
  }

  /** Stops every growing video and forgets every finished one (a case was closed). */
  clear(): void {
    for (const entry of this.growing.values()) entry.controller.abort(new Error('the case was closed'));
    this.growing.clear();
    this.finished.clear();
  }

  private start(key: string, start: StartVeiledVideo): Entry {
    const entry: Entry = { chunks: [], sizeBytes: 0, state: 'growing', error: null, readers: 0, controller: new AbortController(), listeners: new Set() };
    this.growing.set(key, entry);
    const tell = () => {
      for (const listener of [...entry.listeners]) listener();
    };
    const onChunk = (bytes: Uint8Array) => {
      entry.chunks.push(bytes);
      entry.sizeBytes += bytes.byteLength;
      this.makeRoom();
      tell();
    };
    const settle = (outcome: VeiledVideoOutcome) => {
      if (this.growing.get(key) === entry) this.growing.delete(key);
      if (outcome.ok) {
        entry.state = 'done';
        this.finished.set(key, Buffer.concat(entry.chunks));
      } else {
        entry.state = 'failed';
        entry.error = outcome.error;
      }
      tell();
    };
    start(entry.controller.signal, onChunk).then(settle, (error: unknown) =>
      settle({ ok: false, error: { code: 'worker-crashed', detail: error instanceof Error ? error.message : String(error) } }),
    );
    return entry;
  }

  /** Growing videos count against the bound too: the least recently used finished ones make room for them. */
  private makeRoom(): void {
    let growingBytes = 0;
    for (const entry of this.growing.values()) growingBytes += entry.sizeBytes;
    while (this.finished.size > 0 && this.finished.calculatedSize + growingBytes > this.maxBytes) this.finished.pop();
  }

  /** A Readable of the entry from byte 0, ending when the video is finished. */
  private follow(key: string, entry: Entry, signal: AbortSignal | undefined): Readable {
    let nextChunk = 0;
    let left = false;
    entry.readers += 1;
    const stream = new Readable({
      read() {
        pump();
      },
      destroy: (error, callback) => {
        leave();
        callback(error);
      },
    });
    const pump = () => {
      while (nextChunk < entry.chunks.length) {
        const chunk = entry.chunks[nextChunk];
        nextChunk += 1;
        if (chunk !== undefined && !stream.push(chunk)) return;
      }
      if (entry.state === 'done') stream.push(null);
      else if (entry.state === 'failed') stream.destroy(new Error(entry.error?.detail ?? 'the veiled video failed'));
    };
    const leave = () => {
      if (left) return;
      left = true;
      entry.listeners.delete(pump);
      signal?.removeEventListener('abort', leave);
      entry.readers -= 1;
      if (entry.readers === 0 && entry.state === 'growing') {
        entry.controller.abort(new Error('nobody watches this video any more'));
        if (this.growing.get(key) === entry) this.growing.delete(key);
      }
    };
    entry.listeners.add(pump);
    signal?.addEventListener('abort', leave, { once: true });
    return stream;
  }
}
