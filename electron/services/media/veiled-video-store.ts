import { Readable } from 'node:stream';
import { LRUCache } from 'lru-cache';
import type { MediaError } from '../../../shared/case/media-item.js';
import type { VeiledVideoOutcome } from './worker-pool-api.js';

/**
 * One veiled video as the worker makes it: its bytes so far, in memory only (a derivative of
 * case media is never written to disk), and whether it is still growing.
 */
interface Entry {
  /** In order; a chunk every reader has passed is dropped (undefined) once the video is no longer kept whole. */
  readonly chunks: (Uint8Array | undefined)[];
  /** Bytes held now (dropped chunks not counted). */
  sizeBytes: number;
  state: 'growing' | 'done' | 'failed';
  error: MediaError | null;
  /** Requests waiting for it and responses reading it now: a growing video nobody reads any more is stopped. */
  readers: number;
  /**
   * False once it outgrew the store's bound: it is then neither kept whole nor offered to new
   * requests (they start their own encode, from the time they ask), and its bytes are let go
   * as its readers pass them.
   */
  kept: boolean;
  /** Where each response reading it is: the first chunk not yet given to it. */
  readonly cursors: Set<{ nextChunk: number }>;
  /** Chunks before this one are dropped. */
  droppedUpTo: number;
  readonly controller: AbortController;
  /** Called on every new chunk and at the end. */
  readonly listeners: Set<() => void>;
}

/** What a request for a video outgrown the store is told when it waits for the whole of it. */
const OUTGROWN: MediaError = {
  code: 'too-large',
  detail: 'this veiled video is larger than Veil keeps in memory: it is played from the time asked, never whole',
};

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
  /**
   * Videos let go of that still hold bytes a reader has not taken: the worker does not wait for a paused reader, so
   * these count against the bound too (else a paused player of a long video would fill memory with the rest of it).
   */
  private readonly outgrown = new Set<Entry>();
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = Math.max(1, maxBytes);
    this.finished = new LRUCache<string, Buffer>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (bytes) => Math.max(1, bytes.byteLength) });
  }

  /**
   * The video for `key`: whole when it is finished, else a stream of it from its first byte that
   * follows it as it grows. Waits for its first bytes (or its failure), so a file that cannot be
   * shown is answered as an error rather than an empty video. With `whole`, waits until it is
   * finished (a player that must seek in it). `orWholeKey` names a finished video that answers
   * instead when it is kept (a derivative from a time is answered by the whole one, which a player seeks in).
   */
  async read(key: string, start: StartVeiledVideo, options: { whole?: boolean; orWholeKey?: string } = {}): Promise<VeiledVideoRead> {
    const whole = this.finished.get(key) ?? (options.orWholeKey === undefined ? undefined : this.finished.get(options.orWholeKey));
    if (whole !== undefined) return { ok: true, complete: true, bytes: whole };
    const entry = this.growing.get(key) ?? this.start(key, start);
    // A request waiting for it counts as a reader: a player that reloads it to seek must not stop it by leaving the stream.
    entry.readers += 1;
    await new Promise<void>((resolve) => {
      const ready = () => entry.state !== 'growing' || (entry.chunks.length > 0 && options.whole !== true) || !entry.kept;
      if (ready()) return resolve();
      const listener = () => {
        if (!ready()) return;
        entry.listeners.delete(listener);
        resolve();
      };
      entry.listeners.add(listener);
    });
    entry.readers -= 1;
    // Nobody follows an outgrown video this request was waiting for: it is stopped (a kept one waits for the response to follow it).
    if (!entry.kept) this.stopIfUnread(key, entry);
    if (entry.state === 'failed') return { ok: false, error: entry.error ?? { code: 'decode-failed', detail: 'the veiled video could not be made' } };
    if (!entry.kept && options.whole === true) return { ok: false, error: OUTGROWN };
    // Its first bytes are gone: this request gets an encode of its own.
    if (!entry.kept && entry.droppedUpTo > 0) return this.read(key, start, options);
    if (entry.state === 'done') return { ok: true, complete: true, bytes: Buffer.concat(this.held(entry)) };
    return { ok: true, complete: false, stream: (signal) => this.follow(key, entry, signal) };
  }

  /** Stops every growing video and forgets every finished one (a case was closed). */
  clear(): void {
    for (const entry of this.growing.values()) entry.controller.abort(new Error('the case was closed'));
    this.growing.clear();
    for (const entry of this.outgrown) entry.controller.abort(new Error('the case was closed'));
    this.outgrown.clear();
    this.finished.clear();
  }

  private start(key: string, start: StartVeiledVideo): Entry {
    const entry: Entry = {
      chunks: [],
      sizeBytes: 0,
      state: 'growing',
      error: null,
      readers: 0,
      kept: true,
      cursors: new Set(),
      droppedUpTo: 0,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.growing.set(key, entry);
    const tell = () => {
      for (const listener of [...entry.listeners]) listener();
    };
    const onChunk = (bytes: Uint8Array) => {
      // A video stopped for memory may still send what its worker had made.
      if (entry.state !== 'growing') return;
      entry.chunks.push(bytes);
      entry.sizeBytes += bytes.byteLength;
      this.makeRoom();
      tell();
    };
    const settle = (outcome: VeiledVideoOutcome) => {
      if (this.growing.get(key) === entry) this.growing.delete(key);
      if (entry.state !== 'growing') return;
      if (outcome.ok) {
        entry.state = 'done';
        if (entry.kept) this.finished.set(key, Buffer.concat(this.held(entry)));
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

  /**
   * Growing videos count against the bound too: the least recently used finished ones make room
   * for them. When growing videos alone pass it, the largest is no longer kept whole
   * (docs/decisions/video-engine.md, "A video larger than the store").
   */
  private makeRoom(): void {
    const heldBytes = () => [...this.growing.values(), ...this.outgrown].reduce((sum, entry) => sum + entry.sizeBytes, 0);
    while (this.finished.size > 0 && this.finished.calculatedSize + heldBytes() > this.maxBytes) this.finished.pop();
    while (heldBytes() > this.maxBytes) {
      const growing = [...this.growing.entries()];
      const largest = growing.length === 0 ? null : growing.reduce((a, b) => (b[1].sizeBytes > a[1].sizeBytes ? b : a));
      const largestOutgrown = [...this.outgrown].reduce<Entry | null>((a, b) => (a === null || b.sizeBytes > a.sizeBytes ? b : a), null);
      if (largest !== null && (largestOutgrown === null || largest[1].sizeBytes >= largestOutgrown.sizeBytes)) this.letGo(largest[0], largest[1]);
      else if (largestOutgrown !== null) this.stopForMemory(largestOutgrown);
      else break;
    }
  }

  /**
   * A video let go of whose readers stay behind (paused) while it still holds more than the bound allows: it is
   * stopped and its bytes freed; its readers' responses end in an error (a player asks again from its time).
   */
  private stopForMemory(entry: Entry): void {
    this.outgrown.delete(entry);
    entry.controller.abort(new Error('this veiled video outgrew memory while its reader was paused'));
    entry.chunks.fill(undefined);
    entry.droppedUpTo = entry.chunks.length;
    entry.sizeBytes = 0;
    entry.state = 'failed';
    entry.error = OUTGROWN;
    for (const listener of [...entry.listeners]) listener();
  }

  /** The entry outgrew the store: new requests start their own encode, and its readers' past bytes are dropped. */
  private letGo(key: string, entry: Entry): void {
    entry.kept = false;
    if (this.growing.get(key) === entry) this.growing.delete(key);
    this.outgrown.add(entry);
    this.dropPassed(entry);
    for (const listener of [...entry.listeners]) listener();
  }

  /** Drops the chunks every reader of an entry no longer kept has passed. */
  private dropPassed(entry: Entry): void {
    if (entry.kept) return;
    let upTo = entry.chunks.length;
    for (const cursor of entry.cursors) upTo = Math.min(upTo, cursor.nextChunk);
    for (; entry.droppedUpTo < upTo; entry.droppedUpTo += 1) {
      entry.sizeBytes -= entry.chunks[entry.droppedUpTo]?.byteLength ?? 0;
      entry.chunks[entry.droppedUpTo] = undefined;
    }
    if (entry.sizeBytes === 0 && entry.state !== 'growing') this.outgrown.delete(entry);
  }

  /** A growing video nobody reads any more is stopped in its worker. */
  private stopIfUnread(key: string, entry: Entry): void {
    if (entry.readers > 0 || entry.state !== 'growing') return;
    entry.controller.abort(new Error('nobody watches this video any more'));
    if (this.growing.get(key) === entry) this.growing.delete(key);
    this.outgrown.delete(entry);
  }

  private held(entry: Entry): Uint8Array[] {
    return entry.chunks.filter((chunk) => chunk !== undefined);
  }

  /** A Readable of the entry from byte 0, ending when the video is finished. */
  private follow(key: string, entry: Entry, signal: AbortSignal | undefined): Readable {
    const cursor = { nextChunk: 0 };
    let left = false;
    // Whether the response takes more now: a new chunk is not pushed past a paused reader's buffer, it stays here, counted.
    let wanting = false;
    entry.readers += 1;
    entry.cursors.add(cursor);
    const stream = new Readable({
      read() {
        wanting = true;
        pump();
      },
      destroy: (error, callback) => {
        leave();
        callback(error);
      },
    });
    const pump = () => {
      while (wanting && cursor.nextChunk < entry.chunks.length) {
        const chunk = entry.chunks[cursor.nextChunk];
        cursor.nextChunk += 1;
        this.dropPassed(entry);
        if (chunk !== undefined && !stream.push(chunk)) wanting = false;
      }
      if (entry.state === 'done' && cursor.nextChunk >= entry.chunks.length) stream.push(null);
      else if (entry.state === 'failed') stream.destroy(new Error(entry.error?.detail ?? 'the veiled video failed'));
    };
    const leave = () => {
      if (left) return;
      left = true;
      entry.listeners.delete(pump);
      entry.cursors.delete(cursor);
      this.dropPassed(entry);
      signal?.removeEventListener('abort', leave);
      entry.readers -= 1;
      this.stopIfUnread(key, entry);
    };
    entry.listeners.add(pump);
    signal?.addEventListener('abort', leave, { once: true });
    return stream;
  }
}
