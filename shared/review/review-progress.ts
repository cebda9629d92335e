import type { MediaItem } from '../case/media-item.js';
import type { CategoryCode } from './decision-event.js';
import type { NextToReview } from './review-contract.js';
import { createOpenPlaces } from './open-places.js';

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
  append(items: readonly MediaItem[]): void;
}

/**
 * Counts and "Next to review" over the "To review" list, built in one pass and then kept by each
 * decision in the time of the files it touched (a stack's), never the list's, and by items
 * appended in the time of those items. When the list changes otherwise (stacks grow, matches
 * change, a copy is folded in) the caller builds a new one, as the grid's views are rebuilt.
 */
export function createReviewProgress(
  items: readonly MediaItem[],
  pathsOf: (item: MediaItem) => ItemPaths,
  categoryOf: (path: string) => CategoryCode,
): ReviewProgress {
  const listed: MediaItem[] = [];
  const placeOfId = new Map<string, number>();
  const placesOfPath = new Map<string, number[]>();
  const pathsAt: ItemPaths[] = [];
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

  const append = (added: readonly MediaItem[]) => {
    for (const item of added) {
      const place = listed.length;
      listed.push(item);
      placeOfId.set(item.id, place);
      const paths = pathsOf(item);
      pathsAt.push(paths);
      for (const path of [...paths.own, ...paths.stack]) {
        const places = placesOfPath.get(path);
        if (places === undefined) placesOfPath.set(path, [place]);
        else if (places.at(-1) !== place) places.push(place);
      }
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
      const item = place === null ? undefined : listed[place];
      return item === undefined || place === null ? { itemId: null, index: null } : { itemId: item.id, index: place };
    },
    pathsChanged(paths) {
      const touched = new Set<number>();
      for (const path of paths) for (const place of placesOfPath.get(path) ?? []) touched.add(place);
      for (const place of touched) {
        const paths = pathsAt[place];
        if (paths === undefined) continue;
        const code = categoryOfPaths(paths, categoryOf);
        count(categories[place] ?? null, -1);
        count(code, 1);
        categories[place] = code;
        open.setOpen(place, code === null);
      }
    },
    append,
  };
}
