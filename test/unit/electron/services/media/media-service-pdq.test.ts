import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService } from '../../../../../electron/services/media/media-service.js';
import type { DeriveOutcome } from '../../../../../electron/services/media/worker-pool.js';
import { IDS, fakePool, makeCaseFolder, TINY_JPEG, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;

beforeEach(async () => {
  folder = await makeCaseFolder();
});

afterEach(async () => {
  await folder.cleanup();
});

const HASH = { hex: '3c'.repeat(32), quality: 92, widthPx: 4000, heightPx: 3000 };
const grey = { greyscale: true, blur: 'strong' } as const;

function serviceWith(pool: ReturnType<typeof fakePool>, needsPdq: (itemId: string) => boolean, onPdq = vi.fn()) {
  const service = createMediaService({
    pool,
    cache: createDerivativeCache({ maxBytes: 1024 * 1024 }),
    lookupItem: folder.lookupItem,
    onItemFailed: vi.fn(),
    needsPdq,
    onPdq,
  });
  return { service, onPdq };
}

const withHash: DeriveOutcome = { ok: true, bytes: TINY_JPEG, mime: 'image/jpeg', widthPx: 4, heightPx: 3, pdq: HASH };

describe('PDQ from the thumbnail decode', () => {
  it('asks for PDQ with the thumbnail of an image that has none yet, reports it, and serves the thumbnail without it', async () => {
    const pool = fakePool(withHash);
    const { service, onPdq } = serviceWith(pool, () => true);
    const still = await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    expect(still).toEqual({ ok: true, bytes: TINY_JPEG, mime: 'image/jpeg', widthPx: 4, heightPx: 3 });
    expect(pool.run.mock.calls[0]?.[0]).toMatchObject({ withPdq: true });
    expect(onPdq).toHaveBeenCalledWith(IDS.photo, HASH);
  });

  it('does not ask for PDQ for a view, an image already hashed, or a cached thumbnail', async () => {
    const pool = fakePool();
    const hashed = new Set<string>();
    const needsPdq = vi.fn((itemId: string) => !hashed.has(itemId));
    const { service, onPdq } = serviceWith(pool, needsPdq);
    await service.getStill({ itemId: IDS.photo, kind: 'view', ...grey });
    hashed.add(IDS.photo);
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    await service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    expect(pool.run.mock.calls.map(([job]) => job.withPdq)).toEqual([undefined, undefined]);
    expect(onPdq).not.toHaveBeenCalled();
  });

  it('reports a picture PDQ cannot hash as null, and nothing when the thumbnail fails', async () => {
    const tiny = serviceWith(fakePool({ ...withHash, pdq: null }), () => true);
    await tiny.service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey });
    expect(tiny.onPdq).toHaveBeenCalledWith(IDS.photo, null);
    const broken = serviceWith(fakePool({ ok: false, error: { code: 'decode-failed', detail: 'bad' } }), () => true);
    await expect(broken.service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: false });
    expect(broken.onPdq).not.toHaveBeenCalled();
  });

  it('still serves the thumbnail when the PDQ listener throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service } = serviceWith(
      fakePool(withHash),
      () => true,
      vi.fn(() => {
        throw new Error('session gone');
      }),
    );
    await expect(service.getStill({ itemId: IDS.photo, kind: 'thumb', ...grey })).resolves.toMatchObject({ ok: true });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('session gone'));
    errors.mockRestore();
  });
});
