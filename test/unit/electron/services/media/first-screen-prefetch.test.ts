import { describe, expect, it, vi } from 'vitest';
import { createFirstScreenPrefetch } from '../../../../../electron/services/media/first-screen-prefetch.js';
import type { MediaService, StillResult } from '../../../../../electron/services/media/media-service.js';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import type { MediaRequest } from '../../../../../shared/media/derivative.js';
import type { FilterProfile } from '../../../../../shared/media/filter-profile.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

function item(index: number, change: Partial<MediaItem> = {}): MediaItem {
  return mediaItemFixture({ id: `item-${String(index).padStart(5, '0')}`, name: `photo-${index}.jpg`, ...change });
}

function setUp(count = 3) {
  const getStill = vi.fn(async (_request: MediaRequest): Promise<StillResult> => ({
    ok: true,
    bytes: new Uint8Array(1),
    mime: 'image/jpeg',
    widthPx: 1,
    heightPx: 1,
  }));
  const media: Pick<MediaService, 'getStill'> = { getStill };
  const profile: FilterProfile = { greyscale: true, blur: 'strong', style: 'blur' };
  const prefetch = createFirstScreenPrefetch({ media, profile: () => profile, count });
  return { prefetch, asked: () => getStill.mock.calls.map(([request]) => request) };
}

describe('first-screen prefetch', () => {
  it('asks for the thumbnails of the first items in grid order, through the grid’s profile, as they are listed', () => {
    const { prefetch, asked } = setUp(3);
    prefetch.itemsListed('case-0001', [item(0), item(1)]);
    expect(asked()).toEqual([
      { itemId: 'item-00000', kind: 'thumb', greyscale: true, blur: 'strong', style: 'blur' },
      { itemId: 'item-00001', kind: 'thumb', greyscale: true, blur: 'strong', style: 'blur' },
    ]);
    prefetch.itemsListed('case-0001', [item(2), item(3), item(4)]);
    expect(asked().map((request) => request.itemId)).toEqual(['item-00000', 'item-00001', 'item-00002']);
  });

  it('counts videos and failed items as places on the screen but asks nothing for them', () => {
    const { prefetch, asked } = setUp(3);
    prefetch.itemsListed('case-0001', [
      item(0, { kind: 'video', format: 'mp4' }),
      item(1, { error: { code: 'decode-failed', detail: 'x' } }),
      item(2),
      item(3),
    ]);
    expect(asked().map((request) => request.itemId)).toEqual(['item-00002']);
  });

  it('never asks for a known item, and gives its place to the next item to review', () => {
    const { prefetch, asked } = setUp(2);
    const known = { type: 'known', setId: 1, setName: 'Set', scheme: 'vic-us', category: '1', matchedBy: 'md5' } as const;
    prefetch.itemsListed('case-0001', [item(0, { match: known }), item(1), item(2, { match: known }), item(3), item(4)]);
    expect(asked().map((request) => request.itemId)).toEqual(['item-00001', 'item-00003']);
  });

  it('starts again for the next case opened', () => {
    const { prefetch, asked } = setUp(1);
    prefetch.itemsListed('case-0001', [item(0), item(1)]);
    prefetch.itemsListed('case-0002', [item(7), item(8)]);
    expect(asked().map((request) => request.itemId)).toEqual(['item-00000', 'item-00007']);
  });
});
