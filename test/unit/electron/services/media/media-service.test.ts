import { realpath, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService, type MediaItemLocation, type MediaService } from '../../../../../electron/services/media/media-service.js';
import { PoolUnavailableError, type DeriveOutcome } from '../../../../../electron/services/media/worker-pool.js';
import { IDS, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;

beforeEach(async () => {
  folder = await makeCaseFolder();
});

afterEach(async () => {
  await folder.cleanup();
});

function serviceWith(pool: ReturnType<typeof fakePool>) {
  const onItemFailed = vi.fn();
  const service: MediaService = createMediaService({
    pool,
    cache: createDerivativeCache({ maxBytes: 1024 * 1024 }),
    lookupItem: folder.lookupItem,
    onItemFailed,
  });
  return { service, onItemFailed };
}

const grey = { greyscale: true, blur: 'strong' } as const;

/** A service whose items' known-material flags the test sets as it goes. */
function serviceWithMatches(pool: ReturnType<typeof fakePool>, flags: (itemId: string) => Partial<MediaItemLocation>): MediaService {
  return createMediaService({
    pool,
    cache: createDerivativeCache({ maxBytes: 1024 * 1024 }),
    lookupItem: (itemId) => {
      const item = folder.lookupItem(itemId);
      return item && { ...item, ...flags(itemId) };
    },
    onItemFailed: vi.fn(),
  });
}

describe('getStill', () => {
  it('asks the pool for the fixed size of each kind, views first, from the real path', async () => {
    const pool = fakePool();
    const { service } = serviceWith(pool);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: true, mime: 'image/jpeg' });
    await service.getStill({ itemId: IDS.photo, kind: 'view', greyscale: false, blur: 'light' });
    const realPhoto = await realpath(path.join(folder.caseRoot, 'photo.jpg'));
    expect(pool.run.mock.calls.map(([job, options]) => [job, options?.priority])).toEqual([
      [{ filePath: realPhoto, longEdgePx: 320, greyscale: true, blur: 'strong' }, 'thumb'],
      [{ filePath: realPhoto, longEdgePx: 2048, greyscale: false, blur: 'light' }, 'view'],
    ]);
    // The format the import judged: what gives a HEIC its longer time-out in the pool.
    expect(pool.run.mock.calls.map(([, options]) => options?.format)).toEqual(['jpeg', 'jpeg']);
  });

  it('serves a repeated request from the cache', async () => {
    const pool = fakePool();
    const { service } = serviceWith(pool);
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    expect(pool.run).toHaveBeenCalledTimes(1);
  });

  it('reports a failing item once, and does not try it again', async () => {
    const failure: DeriveOutcome = { ok: false, error: { code: 'worker-crashed', detail: 'signal SIGSEGV' } };
    const pool = fakePool(failure);
    const { service, onItemFailed } = serviceWith(pool);
    for (const kind of ['thumb', 'thumb', 'view'] as const) {
      await expect(service.getStill({ itemId: IDS.photo, kind, ...grey })).resolves.toEqual({ ok: false, error: failure.error });
    }
    expect(onItemFailed).toHaveBeenCalledTimes(1);
    expect(onItemFailed).toHaveBeenCalledWith(IDS.photo, failure.error);
    expect(pool.run).toHaveBeenCalledTimes(1);
  });

  it('tries again after reset()', async () => {
    const pool = fakePool({ ok: false, error: { code: 'timed-out', detail: 'slow disk' } });
    const { service, onItemFailed } = serviceWith(pool);
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    service.reset();
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    expect(pool.run).toHaveBeenCalledTimes(2);
    expect(onItemFailed).toHaveBeenCalledTimes(2);
  });

  it('makes and serves no picture of known material the investigator has not chosen to see, cached or not', async () => {
    const pool = fakePool();
    const hidden = new Set<string>();
    const service = serviceWithMatches(pool, (itemId) => ({ knownHidden: hidden.has(itemId) }));
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: true });
    hidden.add(IDS.photo).add(IDS.clip);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: false, refused: 'known-hidden' });
    await expect(service.getStill({ itemId: IDS.photo, kind: 'view', ...grey })).resolves.toMatchObject({ ok: false, refused: 'known-hidden' });
    await expect(service.openOriginal(IDS.clip)).resolves.toMatchObject({ ok: false, refused: 'known-hidden' });
    expect(pool.run).toHaveBeenCalledTimes(1);

    // Made known (a set imported) while its picture was being made: the finished picture is not served.
    hidden.clear();
    pool.run.mockImplementationOnce(async () => {
      hidden.add(IDS.photo);
      return { ok: true, bytes: new Uint8Array([1]), mime: 'image/jpeg', widthPx: 1, heightPx: 1 };
    });
    await expect(service.getStill({ itemId: IDS.photo, kind: 'view', greyscale: false, blur: 'light' })).resolves.toMatchObject({ refused: 'known-hidden' });
  });

  it('makes a near match’s grid thumbnail only through the strongest veil, even when its own thumbnail found the match', async () => {
    const pool = fakePool();
    const near = new Set<string>();
    const service = serviceWithMatches(pool, (itemId) => ({ nearMatch: near.has(itemId) }));
    const weak = { itemId: IDS.photo, kind: 'thumb', greyscale: false, blur: 'light' } as const;
    // The thumbnail whose decode gave the PDQ hash that matched: made, but not served so weakly veiled.
    pool.run.mockImplementationOnce(async () => {
      near.add(IDS.photo);
      return { ok: true, bytes: new Uint8Array([1]), mime: 'image/jpeg', widthPx: 1, heightPx: 1 };
    });
    await expect(service.getStill(weak)).resolves.toMatchObject({ ok: false, refused: 'veil-too-weak' });
    // Nor from the cache afterwards; the strongest veil is served, and the viewer's view is the investigator's to choose.
    await expect(service.getStill(weak)).resolves.toMatchObject({ ok: false, refused: 'veil-too-weak' });
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: true });
    await expect(service.getStill({ ...weak, kind: 'view' })).resolves.toMatchObject({ ok: true });
  });

  it('asks the pool for the style requested, and serves a near match’s grid thumbnail only blurred', async () => {
    const pool = fakePool();
    const near = new Set<string>();
    const service = serviceWithMatches(pool, (itemId) => ({ nearMatch: near.has(itemId) }));
    await expect(service.getStill({ itemId: IDS.photo, kind: 'view', ...grey, style: 'silhouette' })).resolves.toMatchObject({ ok: true });
    expect(pool.run.mock.calls.at(-1)?.[0]).toMatchObject({ longEdgePx: 2048, greyscale: true, blur: 'strong', style: 'silhouette' });
    near.add(IDS.photo);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey, style: 'illustration' })).resolves.toMatchObject({
      ok: false,
      refused: 'veil-too-weak',
    });
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey, style: 'blur' })).resolves.toMatchObject({ ok: true });
  });

  it('refuses unknown ids, videos and originals without touching the pool', async () => {
    const pool = fakePool();
    const { service, onItemFailed } = serviceWith(pool);
    await expect(service.getStill({ itemId: 'unknown-01', kind: 'thumb', ...grey })).resolves.toMatchObject({ refused: 'unknown-item' });
    await expect(service.getStill({ itemId: IDS.clip, kind: 'thumb', ...grey })).resolves.toMatchObject({ refused: 'not-an-image' });
    await expect(service.getStill({ itemId: IDS.photo, kind: 'original', ...grey })).resolves.toMatchObject({ refused: 'not-a-still' });
    expect(pool.run).not.toHaveBeenCalled();
    expect(onItemFailed).not.toHaveBeenCalled();
  });

  it('refuses a file that now leads outside the case, without decoding it', async () => {
    const pool = fakePool();
    const { service, onItemFailed } = serviceWith(pool);
    await expect(service.getStill({ itemId: IDS.photoLink, kind: 'thumb', ...grey })).resolves.toMatchObject({
      ok: false,
      error: { code: 'symlink-skipped' },
    });
    expect(pool.run).not.toHaveBeenCalled();
    expect(onItemFailed).toHaveBeenCalledWith(IDS.photoLink, expect.objectContaining({ code: 'symlink-skipped' }));
  });

  it('does not serve a cached thumbnail once its file has been swapped for a link leading out of the case', async () => {
    const pool = fakePool();
    const { service } = serviceWith(pool);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: true });
    const photo = path.join(folder.caseRoot, 'photo.jpg');
    await rm(photo);
    await symlink(path.join(folder.root, 'outside', 'secret.jpg'), photo);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: false, error: { code: 'symlink-skipped' } });
    expect(pool.run).toHaveBeenCalledTimes(1);
  });

  it('reports a deleted file as vanished', async () => {
    const { service } = serviceWith(fakePool());
    await expect(service.getStill({ itemId: IDS.gone, kind: 'thumb', ...grey })).resolves.toMatchObject({ error: { code: 'vanished' } });
  });

  it('does not blame the item when the pool is down', async () => {
    const pool = fakePool(() => Promise.reject(new PoolUnavailableError('closed', 'shut down')));
    const { service, onItemFailed } = serviceWith(pool);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ refused: 'unavailable' });
    expect(onItemFailed).not.toHaveBeenCalled();
  });

  it('answers aborted when the caller gives up', async () => {
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const pool = fakePool(() => {
      markStarted();
      return new Promise<DeriveOutcome>(() => {});
    });
    const { service, onItemFailed } = serviceWith(pool);
    const controller = new AbortController();
    const pending = service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey }, controller.signal);
    await started;
    controller.abort();
    await expect(pending).resolves.toMatchObject({ refused: 'aborted' });
    expect(onItemFailed).not.toHaveBeenCalled();
  });
});

describe('openOriginal', () => {
  it('opens a video read-only', async () => {
    const { service } = serviceWith(fakePool());
    const opened = await service.openOriginal(IDS.clip);
    if (!opened.ok) throw new Error('expected the video to open');
    expect(opened.sizeBytes).toBe(5000);
    expect(opened.format).toBe('mp4');
    await expect(opened.handle.write(new Uint8Array([1]))).rejects.toThrow();
    await opened.handle.close();
  });

  it('refuses images and unknown ids', async () => {
    const { service } = serviceWith(fakePool());
    await expect(service.openOriginal(IDS.photo)).resolves.toMatchObject({ ok: false, refused: 'not-a-video' });
    await expect(service.openOriginal('unknown-01')).resolves.toMatchObject({ ok: false, refused: 'unknown-item' });
  });

  it('refuses a video symlinked to outside the case', async () => {
    const { service } = serviceWith(fakePool());
    await expect(service.openOriginal(IDS.clipLink)).resolves.toMatchObject({ ok: false, error: { code: 'symlink-skipped' } });
  });
});
