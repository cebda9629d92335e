import { describe, expect, it, vi } from 'vitest';
import { cacheBytesFromMb, createDerivativeCache, derivativeKey, type CachedStill } from '../../../../../electron/services/media/derivative-cache.js';
import type { DeriveOutcome } from '../../../../../electron/services/media/worker-pool.js';

function still(sizeBytes: number, marker = 0): CachedStill {
  return { ok: true, bytes: new Uint8Array(sizeBytes).fill(marker), mime: 'image/jpeg', widthPx: 10, heightPx: 10 };
}

/** A job the test finishes by hand. */
function deferred() {
  let resolve: (outcome: DeriveOutcome) => void = () => {};
  const promise = new Promise<DeriveOutcome>((r) => (resolve = r));
  return { promise, resolve };
}

describe('derivativeKey', () => {
  it('differs by item, kind and every part of the profile', () => {
    const base = { itemId: 'item-0001', kind: 'thumb', greyscale: true, blur: 'strong' } as const;
    const keys = new Set([
      derivativeKey(base),
      derivativeKey({ ...base, itemId: 'item-0002' }),
      derivativeKey({ ...base, kind: 'view' }),
      derivativeKey({ ...base, greyscale: false }),
      derivativeKey({ ...base, blur: 'light' }),
      derivativeKey({ ...base, style: 'illustration' }),
      derivativeKey({ ...base, style: 'silhouette' }),
    ]);
    expect(keys.size).toBe(7);
  });

  it('gives a request without a style the blur’s key, as it always had', () => {
    const base = { itemId: 'item-0001', kind: 'thumb', greyscale: true, blur: 'strong' } as const;
    expect(derivativeKey(base)).toBe(derivativeKey({ ...base, style: 'blur' }));
  });
});

describe('DerivativeCache', () => {
  it('converts the settings value from MiB', () => {
    expect(cacheBytesFromMb(256)).toBe(256 * 1024 * 1024);
  });

  it('evicts the least recently used stills once the byte limit is reached', async () => {
    const cache = createDerivativeCache({ maxBytes: 4000 });
    for (const key of ['a', 'b', 'c']) await cache.getOrCreate(key, async () => still(1000));
    expect(cache.entryCount).toBe(3);
    cache.get('a'); // a is now more recent than b
    await cache.getOrCreate('d', async () => still(1000));
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('d')).toBe(true);
    expect(cache.sizeBytes).toBeLessThanOrEqual(4000);
  });

  it('shrinks at run time, keeping the most recently used', async () => {
    const cache = createDerivativeCache({ maxBytes: 100_000 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.getOrCreate(key, async () => still(1000));
    cache.get('a');
    cache.setMaxBytes(2600);
    expect(cache.maxBytes).toBe(2600);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('d')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('c')).toBe(false);
    cache.setMaxBytes(100_000);
    await cache.getOrCreate('e', async () => still(1000));
    expect(cache.entryCount).toBe(3);
  });

  it('does not keep a still larger than the whole cache', async () => {
    const cache = createDerivativeCache({ maxBytes: 500 });
    const outcome = await cache.getOrCreate('big', async () => still(1000));
    expect(outcome.ok).toBe(true);
    expect(cache.entryCount).toBe(0);
  });

  it('answers from memory the second time', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const create = vi.fn(async () => still(100, 7));
    await cache.getOrCreate('k', create);
    const again = await cache.getOrCreate('k', create);
    expect(create).toHaveBeenCalledTimes(1);
    expect(again.ok && again.bytes[0]).toBe(7);
  });

  it('never caches a failure', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const create = vi.fn(async (): Promise<DeriveOutcome> => ({ ok: false, error: { code: 'timed-out', detail: 'slow' } }));
    await cache.getOrCreate('k', create);
    await cache.getOrCreate('k', create);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('shares one job between concurrent requests for the same key', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const job = deferred();
    const create = vi.fn(() => job.promise);
    const waiting = [cache.getOrCreate('k', create), cache.getOrCreate('k', create), cache.getOrCreate('k', create)];
    job.resolve(still(100));
    const outcomes = await Promise.all(waiting);
    expect(create).toHaveBeenCalledTimes(1);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('keeps a shared job alive while anyone still waits, and withdraws it when all have gone', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const job = deferred();
    let jobSignal: AbortSignal | undefined;
    const create = (signal: AbortSignal) => {
      jobSignal = signal;
      return job.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.getOrCreate('k', create, first.signal);
    const b = cache.getOrCreate('k', create, second.signal);
    first.abort(new Error('first left'));
    await expect(a).rejects.toThrow('first left');
    expect(jobSignal?.aborted).toBe(false);
    second.abort(new Error('second left'));
    await expect(b).rejects.toThrow('second left');
    expect(jobSignal?.aborted).toBe(true);
  });

  it('stores a job that finishes after its callers left, for next time', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const job = deferred();
    const controller = new AbortController();
    const waiting = cache.getOrCreate('k', () => job.promise, controller.signal);
    controller.abort(new Error('left'));
    await expect(waiting).rejects.toThrow('left');
    job.resolve(still(100));
    await job.promise;
    await Promise.resolve();
    expect(cache.has('k')).toBe(true);
  });

  it('starts afresh after a withdrawn job instead of joining it', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const withdrawn = deferred();
    const controller = new AbortController();
    void cache.getOrCreate('k', () => withdrawn.promise, controller.signal).catch(() => {});
    controller.abort();
    const fresh = vi.fn(async () => still(100));
    await expect(cache.getOrCreate('k', fresh)).resolves.toMatchObject({ ok: true });
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('does not let a job started before clear() refill the cache', async () => {
    const cache = createDerivativeCache({ maxBytes: 10_000 });
    const job = deferred();
    const waiting = cache.getOrCreate('k', () => job.promise);
    cache.clear();
    job.resolve(still(100));
    await waiting;
    expect(cache.has('k')).toBe(false);
  });
});
