import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService } from '../../../../../electron/services/media/media-service.js';
import { handleMediaRequest } from '../../../../../electron/services/media/media-route.js';
import { IDS, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;

beforeEach(async () => {
  folder = await makeCaseFolder();
});

afterEach(async () => {
  await folder.cleanup();
});

describe('a file the referral locks', () => {
  it('gets no pixels from any media route, cached or not, veiled or not, until it is unlocked', async () => {
    const pool = fakePool();
    const locked = new Set<string>();
    const service = createMediaService({
      pool,
      cache: createDerivativeCache({ maxBytes: 1 << 20 }),
      lookupItem: (itemId) => {
        const item = folder.lookupItem(itemId);
        return item && { ...item, referralLocked: locked.has(itemId) };
      },
      onItemFailed: () => {},
    });
    const get = (pathAfterPrefix: string, query: string) => handleMediaRequest(service, pathAfterPrefix, new URLSearchParams(query), {});
    // A thumbnail made before the manifest was loaded is in the cache: it must not be served afterwards.
    expect((await get(`${IDS.photo}/thumb`, 'grey=1&blur=strong')).status).toBe(200);
    locked.add(IDS.photo).add(IDS.clip);
    const routes = [
      [`${IDS.photo}/thumb`, 'grey=1&blur=strong'],
      [`${IDS.photo}/thumb`, 'grey=0&blur=off'],
      [`${IDS.photo}/view`, 'grey=1&blur=strong'],
      [`${IDS.photo}/view`, 'grey=0&blur=off'],
      [`${IDS.clip}/original`, ''],
    ] as const;
    for (const [pathAfterPrefix, query] of routes) {
      const response = await get(pathAfterPrefix, query);
      expect(response.status, pathAfterPrefix).toBe(403);
      expect(response.headers['Content-Type']).toMatch(/^application\/json/);
      expect(JSON.parse(new TextDecoder().decode(response.body instanceof Uint8Array ? response.body : new Uint8Array()))).toMatchObject({
        code: 'referral-locked',
      });
    }
    expect(pool.run).toHaveBeenCalledTimes(1);
    await expect(service.openOriginal(IDS.clip)).resolves.toMatchObject({ ok: false, refused: 'referral-locked' });

    locked.clear();
    expect((await get(`${IDS.photo}/view`, 'grey=1&blur=strong')).status).toBe(200);
    const original = await get(`${IDS.clip}/original`, '');
    expect(original.status).toBe(200);
    if (original.body !== null && !(original.body instanceof Uint8Array)) original.body.destroy();
  });
});
