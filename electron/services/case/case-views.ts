import type { MediaItem } from '../../../shared/case/media-item.js';
import { inItemView, type ItemView } from '../../../shared/known/item-match.js';
import type { CaseIndex } from './case-index.js';

/** How many items each count of the case summary covers. */
interface ViewCounts {
  knownCount: number;
  nearMatchCount: number;
  duplicateStackCount: number;
  toReviewCount: number;
}

export interface CaseViews {
  /** The items of a view, in grid order. `all` is the index's own list; the others are rebuilt after a change. */
  items(view: ItemView): readonly MediaItem[];
  counts(): ViewCounts;
}

/**
 * The grid's "Show" views over a live index. The index only says that something changed
 * (its `version`); a view is rebuilt, in one pass, the first time it is asked for after that.
 * While an import runs that is at most a few times a second (the grid refetches on
 * caseChanged), and a pass over 100,000 items takes a few milliseconds.
 */
export function createCaseViews(index: CaseIndex): CaseViews {
  const built = new Map<ItemView, { version: number; items: readonly MediaItem[] }>();
  let counted: { version: number; counts: ViewCounts } | null = null;

  return {
    items(view) {
      if (view === 'all') return index.items;
      const cached = built.get(view);
      if (cached?.version === index.version) return cached.items;
      const items = index.items.filter((item) => inItemView(item, view));
      built.set(view, { version: index.version, items });
      return items;
    },
    counts() {
      if (counted?.version === index.version) return counted.counts;
      const counts: ViewCounts = { knownCount: 0, nearMatchCount: 0, duplicateStackCount: 0, toReviewCount: 0 };
      for (const item of index.items) {
        if (item.match?.type === 'known') counts.knownCount += 1;
        else counts.toReviewCount += 1;
        if (item.match?.type === 'near') counts.nearMatchCount += 1;
        if (item.stackSize > 1) counts.duplicateStackCount += 1;
      }
      counted = { version: index.version, counts };
      return counts;
    },
  };
}
