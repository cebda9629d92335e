import type { ListedItem } from '../../../shared/case/media-item.js';
import type { NextToReview } from '../../../shared/review/review-contract.js';

/**
 * The item of `items` (the "To review" list, in the grid's order) a remembered path names, and
 * its place there; null when the file is no longer listed (removed by a
 * re-import, or now known). Paths, not ids, are remembered: ids are new at each launch. A path
 * may have become an exact copy folded into another item: that item stands for it.
 */
export function placeOfPath(items: readonly ListedItem[], itemPath: string): NextToReview | null {
  const index = items.findIndex((item) => item.relativePath === itemPath || item.duplicatePaths.includes(itemPath));
  const item = items[index];
  return item === undefined ? null : { itemId: item.id, index };
}
