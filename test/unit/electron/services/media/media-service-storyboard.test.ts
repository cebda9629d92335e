import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDerivativeCache } from '../../../../../electron/services/media/derivative-cache.js';
import { createMediaService, type MediaItemLocation, type MediaService } from '../../../../../electron/services/media/media-service.js';
import type { DeriveOutcome, RunOptions, StoryboardJob } from '../../../../../electron/services/media/worker-pool-api.js';
import { IDS, fakePool, makeCaseFolder, type CaseFolder } from './case-folder.js';

let folder: CaseFolder;

beforeEach(async () => {
  folder = await makeCaseFolder();
});

afterEach(async () => {
  await folder.cleanup();
});

const GRID: DeriveOutcome = { ok: true, bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg', widthPx: 960, heightPx: 720 };

/** A pool that makes storyboards, and a service whose items' known-material flags the test sets as it goes. */
function storyboardService(flags: (itemId: string) => Partial<MediaItemLocation> = () => ({})) {
  const pool = { ...fakePool(), runStoryboard: vi.fn(async (_job: StoryboardJob, _options?: RunOptions): Promise<DeriveOutcome> => GRID) };
  const service: MediaService = createMediaService({
    pool,
    cache: createDerivativeCache({ maxBytes: 1024 * 1024 }),
    lookupItem: (itemId) => {
      const item = folder.lookupItem(itemId);
      return item && { ...item, ...flags(itemId) };
    },
    onItemFailed: vi.fn(),
  });
  return { pool, service };
}

const strongest = { greyscale: true, blur: 'strong', style: 'blur' } as const;

describe('a video’s storyboard through the media service', () => {
  it('is made by the worker from the real path with the whole profile, cached per profile, and only for videos', async () => {
    const { pool, service } = storyboardService();
    await expect(service.getStill({ itemId: IDS.clip, kind: 'storyboard', ...strongest })).resolves.toEqual(GRID);
    await service.getStill({ itemId: IDS.clip, kind: 'storyboard', ...strongest });
    await service.getStill({ itemId: IDS.clip, kind: 'storyboard', greyscale: true, blur: 'strong', style: 'silhouette' });
    const realClip = await realpath(path.join(folder.caseRoot, 'clip.mp4'));
    expect(pool.runStoryboard.mock.calls.map(([job]) => job)).toEqual([
      { filePath: realClip, ...strongest },
      { filePath: realClip, greyscale: true, blur: 'strong', style: 'silhouette' },
    ]);
    await expect(service.getStill({ itemId: IDS.photo, kind: 'storyboard', ...strongest })).resolves.toMatchObject({ ok: false, refused: 'not-a-still' });
    expect(pool.run).not.toHaveBeenCalled();
  });

  it('is never made of known material the investigator has not chosen to see', async () => {
    const { pool, service } = storyboardService(() => ({ knownHidden: true }));
    await expect(service.getStill({ itemId: IDS.clip, kind: 'storyboard', ...strongest })).resolves.toMatchObject({ ok: false, refused: 'known-hidden' });
    expect(pool.runStoryboard).not.toHaveBeenCalled();
  });

  it('of a near match, only through the strongest veil, like its grid thumbnail, even when the match came while it was made', async () => {
    const near = new Set<string>();
    const { pool, service } = storyboardService((itemId) => ({ nearMatch: near.has(itemId) }));
    const weak = { itemId: IDS.clip, kind: 'storyboard', greyscale: false, blur: 'light', style: 'blur' } as const;
    pool.runStoryboard.mockImplementationOnce(async () => {
      near.add(IDS.clip);
      return GRID;
    });
    await expect(service.getStill(weak)).resolves.toMatchObject({ ok: false, refused: 'veil-too-weak' });
    await expect(service.getStill(weak)).resolves.toMatchObject({ ok: false, refused: 'veil-too-weak' });
    for (const style of ['illustration', 'silhouette'] as const) {
      await expect(service.getStill({ itemId: IDS.clip, kind: 'storyboard', greyscale: true, blur: 'strong', style })).resolves.toMatchObject({
        ok: false,
        refused: 'veil-too-weak',
      });
    }
    expect(pool.runStoryboard).toHaveBeenCalledTimes(1);
    await expect(service.getStill({ itemId: IDS.clip, kind: 'storyboard', ...strongest })).resolves.toEqual(GRID);
  });
});
