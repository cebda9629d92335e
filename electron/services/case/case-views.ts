import type { MediaItem } from '../../../shared/case/media-item.js';
import { inItemView, type ItemView } from '../../../shared/known/item-match.js';
import type { CaseIndex } from './case-index.js';

/** How many items each count of the case summary covers. */
interface ViewCounts {
  knownCount: number;
  nearMatchCount: number;
  duplicateStackCount: number;
  toReviewCount: number;
  nearCopyCount: number;
}

export interface CaseViews {
  /** The items of a view, in grid order. `all` is the index's own list; the others are rebuilt after a change. */
  items(view: ItemView): readonly MediaItem[];
  counts(): ViewCounts;
}

/** What a view or the counts were made from: the index's version and rewrites then, and how many items. */
interface MadeFrom {
  version: number;
  rewrites: number;
  itemCount: number;
}

const NO_COUNTS: ViewCounts = { knownCount: 0, nearMatchCount: 0, duplicateStackCount: 0, toReviewCount: 0, nearCopyCount: 0 };

/**
 * The grid's "Show" views over a live index. `settle` runs before any view or count is read,
 * so stacks that depend on the items (case-stacks.ts) are up to date first. The index only says that something changed
 * (its `version`); a view or the counts are made again the first time they are asked for after that.
 * When only new items were appended since (the index's `rewrites` stood still: an import
 * publishing), only those are taken in: a pass over 100,000 items took 25 ms of the main loop
 * at load, and a summary is made twice a second while an import runs (bench:reopen).
 * Any other change (a match, a stack, a copy folded in) makes them again in one pass.
 */
export function createCaseViews(index: CaseIndex, settle: () => void = () => undefined): CaseViews {
  const built = new Map<ItemView, MadeFrom & { items: MediaItem[] }>();
  let counted: MadeFrom & { counts: ViewCounts } = { version: -1, rewrites: -1, itemCount: 0, counts: NO_COUNTS };

  /** The items appended since `made`, or null when the index changed otherwise (everything must be gone through). */
  const appendedSince = (made: MadeFrom): readonly MediaItem[] | null =>
    made.rewrites === index.rewrites && made.itemCount <= index.items.length ? index.items.slice(made.itemCount) : null;

  const madeNow = (): MadeFrom => ({ version: index.version, rewrites: index.rewrites, itemCount: index.items.length });

  return {
    items(view) {
      settle();
      if (view === 'all') return index.items;
      const cached = built.get(view);
      if (cached?.version === index.version) return cached.items;
      const appended = cached ? appendedSince(cached) : null;
      const items = appended && cached ? cached.items : [];
      for (const item of appended ?? index.items) if (inItemView(item, view)) items.push(item);
      built.set(view, { ...madeNow(), items });
      return items;
    },
    counts() {
      settle();
      if (counted.version === index.version) return counted.counts;
      const appended = appendedSince(counted);
      const counts: ViewCounts = appended ? { ...counted.counts } : { ...NO_COUNTS };
      for (const item of appended ?? index.items) {
        // Every item is counted once among known, to review and near copies, so the three add up to the items.
        if (item.match?.type === 'known') counts.knownCount += 1;
        else if (inItemView(item, 'to-review')) counts.toReviewCount += 1;
        else counts.nearCopyCount += 1;
        if (item.match?.type === 'near') counts.nearMatchCount += 1;
        if (inItemView(item, 'duplicates')) counts.duplicateStackCount += 1;
      }
      counted = { ...madeNow(), counts };
      return counts;
    },
  };
}
