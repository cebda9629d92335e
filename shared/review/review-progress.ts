import type { ListedItem } from '../case/media-item.js';
import type { CategoryCode } from './decision-event.js';
import type { NextToReview } from './review-contract.js';
import { createOpenPlaces } from './open-places.js';
import { ShardedMap } from '../case/sharded-map.js';

/**
 * The files whose categories decide an item's: its own (with its exact copies), then those of
 * its near stack (empty when it is in none).
 */
export interface ItemPaths {
  own: readonly string[];
  stack: readonly string[];
}

/**
 * An item's category: its own files', else that of a file of its stack. Stacks change after a
 * decision (an exact copy chosen to show instead, a near copy joining and becoming the
 * representative as sizes arrive); the decision made on the stack still covers it then, so
 * progress and "Next to review" do not offer it again.
 */
export function categoryOfPaths(paths: ItemPaths, categoryOf: (path: string) => CategoryCode): CategoryCode {
  for (const path of paths.own) {
    const code = categoryOf(path);
    if (code !== null) return code;
  }
  for (const path of paths.stack) {
    const code = categoryOf(path);
    if (code !== null) return code;
  }
  return null;
}

/** Where the review of the "To review" list stands. */
export interface ReviewProgress {
  reviewedCount(): number;
  totalCount(): number;
  /** Items of the list with each category (categories with none are left out). */
  countsByCategory(): ReadonlyMap<string, number>;
  /** The first item without a category after `afterItemId` (from the top when null or not listed), wrapping round. */
  nextAfter(afterItemId: string | null): NextToReview;
  /** The categories of these files changed: only the items they decide are looked at again. */
  pathsChanged(paths: Iterable<string>): void;
  /** Items were added at the end of the list (an import publishing), nothing else of it changed: only they are counted. */
  append(items: readonly ListedItem[]): void;
}

/**
 * Counts and "Next to review" over the "To review" list, built in one pass and then kept by each
 * decision in the time of the files it touched (a stack's), never the list's, and by items
 * appended in the time of those items. When the list changes otherwise (stacks grow, matches
 * change, a copy is folded in) the caller builds a new one, as the grid's views are rebuilt.
 */
export function createReviewProgress(
  items: readonly ListedItem[],
  pathsOf: (item: ListedItem) => ItemPaths,
  categoryOf: (path: string) => CategoryCode,
): ReviewProgress {
  // Only ids and paths are kept, never the items: a progress over 100,000 items lives as long as the case is open,
  // and every object it holds is one more that each of the main side's collections must walk.
  const listed: string[] = [];
  // Sharded: a plain Map of 100,000 entries rehashes them all in one turn when it grows (sharded-map.ts).
  const placeOfId = new ShardedMap<number>();
  /** A path's place, or its places when it decides several items (a stack's files): most decide one, and an array each cost 100,000 arrays. */
  const placesOfPath = new ShardedMap<number | number[]>();
  /** Each place's paths; just its one file's path for an item with no copy and no stack (most), so nothing new is kept for it. */
  const pathsAt: (ItemPaths | string)[] = [];
  const categories: CategoryCode[] = [];
  const counts = new Map<string, number>();
  const open = createOpenPlaces(0, () => false);
  let reviewed = 0;

  const count = (code: CategoryCode, delta: number) => {
    if (code === null) return;
    reviewed += delta;
    const next = (counts.get(code) ?? 0) + delta;
    if (next === 0) counts.delete(code);
    else counts.set(code, next);
  };

  const placeAt = (path: string, place: number) => {
    const places = placesOfPath.get(path);
    if (places === undefined) placesOfPath.set(path, place);
    else if (typeof places === 'number') {
      if (places !== place) placesOfPath.set(path, [places, place]);
    } else if (places.at(-1) !== place) places.push(place);
  };

  const append = (added: readonly ListedItem[]) => {
    for (const item of added) {
      const place = listed.length;
      listed.push(item.id);
      placeOfId.set(item.id, place);
      const paths = pathsOf(item);
      const [single] = paths.own;
      pathsAt.push(paths.own.length === 1 && paths.stack.length === 0 && single !== undefined ? single : paths);
      for (const path of paths.own) placeAt(path, place);
      for (const path of paths.stack) placeAt(path, place);
      const code = categoryOfPaths(paths, categoryOf);
      categories.push(code);
      count(code, 1);
      open.append(code === null);
    }
  };
  append(items);

  return {
    reviewedCount: () => reviewed,
    totalCount: () => listed.length,
    countsByCategory: () => new Map(counts),
    nextAfter(afterItemId) {
      const start = afterItemId === null ? 0 : (placeOfId.get(afterItemId) ?? -1) + 1;
      const place = open.firstOpenFrom(start) ?? open.firstOpenFrom(0);
      const itemId = place === null ? undefined : listed[place];
      return itemId === undefined || place === null ? { itemId: null, index: null } : { itemId, index: place };
    },
    pathsChanged(paths) {
      const touched = new Set<number>();
      for (const path of paths) {
        const places = placesOfPath.get(path);
        if (typeof places === 'number') touched.add(places);
        else for (const place of places ?? []) touched.add(place);
      }
      for (const place of touched) {
        const paths = pathsAt[place];
        if (paths === undefined) continue;
        const code = typeof paths === 'string' ? categoryOf(paths) : categoryOfPaths(paths, categoryOf);
        count(categories[place] ?? null, -1);
        count(code, 1);
        categories[place] = code;
        open.setOpen(place, code === null);
      }
    },
    append,
  };
}
