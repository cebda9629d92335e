import type { MediaItem } from '../../../../shared/case/media-item.js';
import type { ItemMatch } from '../../../../shared/known/item-match.js';
import { createFakeVeil, fakeItem, type FakeVeilOptions } from '../../fakes/fake-veil';

const known = (setName: string, scheme: 'vic-us' | 'vic-dhs' | 'uk-abc' | 'custom', category: string | null): ItemMatch => ({
  type: 'known',
  setId: 1,
  setName,
  scheme,
  category,
  matchedBy: 'sha256',
});

/**
 * A 12-item case: four known items (one per kind of category), one near match, one item
 * with two identical copies. To review: 8 items; media files: 14.
 */
function reviewItem(index: number): MediaItem {
  const item = fakeItem(index);
  switch (index) {
    case 1:
      return { ...item, match: known('Set Alpha', 'vic-us', '1') };
    case 2:
      return { ...item, match: { type: 'near', setId: 1, setName: 'Set Alpha', scheme: 'vic-us', category: '1', distance: 12 } };
    case 4:
      return { ...item, match: known('UK set', 'uk-abc', 'A') };
    case 7:
      return { ...item, duplicatePaths: ['copy/photo-000007.jpg', 'old/photo-000007.jpg'], stackSize: 3 };
    case 6:
      return { ...item, match: known('Local set', 'custom', 'Sexting') };
    case 8:
      return { ...item, match: known('Plain set', 'vic-dhs', null) };
    default:
      return item;
  }
}

export const KNOWN_INDEXES = [1, 4, 6, 8];

/** The review case behind the real dispatcher; its summary counts come from its items. */
export function createReviewVeil(options: FakeVeilOptions = {}) {
  return createFakeVeil({ itemCount: 12, items: reviewItem, ...options, summary: { duplicateCount: 2, ...options.summary } });
}
