import { describe, expect, it } from 'vitest';
import { VeiledVideoStore, type StartVeiledVideo } from '../../../../../electron/services/media/veiled-video-store.js';
import type { VeiledVideoOutcome } from '../../../../../electron/services/media/worker-pool-api.js';

/** A scripted encode: the test sends its parts and ends it. */
function scriptedEncode() {
  const runs: { signal: AbortSignal; onChunk: (bytes: Uint8Array) => void; finish: (outcome: VeiledVideoOutcome) => void }[] = [];
  const start: StartVeiledVideo = (signal, onChunk) =>
    new Promise<VeiledVideoOutcome>((resolve, reject) => {
      runs.push({ signal, onChunk, finish: resolve });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { start, runs };
}

const done = (totalBytes: number): VeiledVideoOutcome => ({ ok: true, mime: 'video/webm', widthPx: 64, heightPx: 36, totalBytes });
const bytes = (count: number) => new Uint8Array(count).fill(7);

describe('veiled videos kept in memory', () => {
  it('makes a video once for every request that asks for it at the same time', async () => {
    const store = new VeiledVideoStore(1000);
    const encode = scriptedEncode();
    const first = store.read('a', encode.start, { whole: true });
    const second = store.read('a', encode.start, { whole: true });
    expect(encode.runs).toHaveLength(1);
    encode.runs[0]?.onChunk(bytes(10));
    encode.runs[0]?.finish(done(10));
    await expect(first).resolves.toMatchObject({ ok: true, complete: true });
    await expect(second).resolves.toMatchObject({ ok: true, complete: true });
  });

  it('keeps no more than its bound, counting the videos still being made', async () => {
    const store = new VeiledVideoStore(100);
    const encode = scriptedEncode();
    const a = store.read('a', encode.start, { whole: true });
    encode.runs[0]?.onChunk(bytes(60));
    encode.runs[0]?.finish(done(60));
    await a;
    const b = store.read('b', encode.start);
    encode.runs[1]?.onChunk(bytes(50));
    await b;
    // 60 finished + 50 growing is past 100: the finished one gave way, so asking for it again makes it again.
    void store.read('a', encode.start);
    expect(encode.runs).toHaveLength(3);
  });

  it('never serves a video whose making was stopped as a whole one', async () => {
    const store = new VeiledVideoStore(1000);
    const encode = scriptedEncode();
    const reading = store.read('a', encode.start);
    encode.runs[0]?.onChunk(bytes(10));
    const read = await reading;
    if (!read.ok || read.complete) throw new Error('expected a growing video');
    const viewer = new AbortController();
    const stream = read.stream(viewer.signal);
    stream.on('error', () => undefined).resume();
    // The viewer leaves: the encode is stopped.
    viewer.abort();
    await expect.poll(() => encode.runs[0]?.signal.aborted).toBe(true);
    const again = store.read('a', encode.start, { whole: true });
    expect(encode.runs).toHaveLength(2);
    encode.runs[1]?.onChunk(bytes(20));
    encode.runs[1]?.finish(done(20));
    await expect(again).resolves.toMatchObject({ ok: true, complete: true, bytes: Buffer.from(bytes(20)) });
  });

  it('answers a video from a time with the whole one when that is kept, else makes its own', async () => {
    const store = new VeiledVideoStore(1000);
    const encode = scriptedEncode();
    const fromBefore = store.read('a@30', encode.start, { orWholeKey: 'a' });
    expect(encode.runs).toHaveLength(1);
    encode.runs[0]?.onChunk(bytes(5));
    await expect(fromBefore).resolves.toMatchObject({ ok: true, complete: false });
    const whole = store.read('a', encode.start);
    encode.runs[1]?.onChunk(bytes(10));
    encode.runs[1]?.finish(done(10));
    await whole;
    await expect(store.read('a@40', encode.start, { orWholeKey: 'a' })).resolves.toMatchObject({ ok: true, complete: true, bytes: Buffer.from(bytes(10)) });
    expect(encode.runs).toHaveLength(2);
  });

  it('lets go of a video that alone outgrows the bound: its reader gets every byte, nothing is kept, a new request makes its own', async () => {
    const store = new VeiledVideoStore(100);
    const encode = scriptedEncode();
    const waiting = store.read('big', encode.start);
    encode.runs[0]?.onChunk(bytes(40));
    const read = await waiting;
    if (!read.ok || read.complete) throw new Error('expected a growing video');
    const received: Buffer[] = [];
    const stream = read.stream();
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve) => stream.on('end', resolve));
    // The reader takes each chunk before the next comes (one that does not is stopped: the test after this one).
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      encode.runs[0]?.onChunk(bytes(40));
    }
    // Past 100 bytes it is let go: a new request (a seek back to the start, say) gets an encode of its own...
    const wholeAgain = store.read('big', encode.start, { whole: true });
    expect(encode.runs).toHaveLength(2);
    // ...and one waiting for the whole of a video past the bound is told it is too large, not kept waiting, and its encode stops.
    encode.runs[1]?.onChunk(bytes(120));
    await expect(wholeAgain).resolves.toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(encode.runs[1]?.signal.aborted).toBe(true);
    encode.runs[0]?.finish(done(240));
    await ended;
    expect(Buffer.concat(received).byteLength).toBe(240);
    // Finished, but never kept whole: asking again makes it again.
    void store.read('big', encode.start);
    expect(encode.runs).toHaveLength(3);
  });

  it('stops a video let go of whose reader is paused once it holds more than the bound, instead of holding the rest of it', async () => {
    const store = new VeiledVideoStore(100_000);
    const encode = scriptedEncode();
    const waiting = store.read('big', encode.start);
    encode.runs[0]?.onChunk(bytes(40_000));
    const read = await waiting;
    if (!read.ok || read.complete) throw new Error('expected a growing video');
    // A player that paused: its response reads nothing more.
    const stream = read.stream();
    const failed = new Promise<Error>((resolve) => stream.on('error', resolve));
    encode.runs[0]?.onChunk(bytes(40_000));
    expect(encode.runs[0]?.signal.aborted).toBe(false);
    encode.runs[0]?.onChunk(bytes(40_000));
    // Past 100 kB held (a paused response's own buffer takes one chunk), none of them read: its encode stops and its response ends in an error once read again.
    expect(encode.runs[0]?.signal.aborted).toBe(true);
    stream.resume();
    await expect(failed).resolves.toMatchObject({ message: expect.stringMatching(/larger than Veil keeps in memory/) });
    // The store holds nothing of it: another video fills the whole bound without being let go.
    const other = store.read('other', encode.start, { whole: true });
    encode.runs[1]?.onChunk(bytes(100_000));
    encode.runs[1]?.finish(done(100_000));
    await expect(other).resolves.toMatchObject({ ok: true, complete: true });
  });
});
