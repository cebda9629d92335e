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

/**
 * The grid's "Show" views over a live index. `settle` runs before any view or count is read,
 * so stacks that depend on the items (case-stacks.ts) are up to date first. The index only says that something changed
 * (its `version`); a view is rebuilt, in one pass, the first time it is asked for after that.
 * While an import runs that is at most a few times a second (the grid refetches on
 * caseChanged), and a pass over 100,000 items takes a few milliseconds.
 */
export function createCaseViews(index: CaseIndex, settle: () => void = () => undefined): CaseViews {
  const built = new Map<ItemView, { version: number; items: readonly MediaItem[] }>();
  let counted: { version: number; counts: ViewCounts } | null = null;

  return {
    items(view) {
      settle();
      if (view === 'all') return index.items;
      const cached = built.get(view);
      if (cached?.version === index.version) return cached.items;
      const items = index.items.filter((item) => inItemView(item, view));
      built.set(view, { version: index.version, items });
      return items;
    },
    counts() {
      settle();
      if (counted?.version === index.version) return counted.counts;
      const counts: ViewCounts = { knownCount: 0, nearMatchCount: 0, duplicateStackCount: 0, toReviewCount: 0, nearCopyCount: 0 };
      for (const item of index.items) {
        // Every item is counted once among known, to review and near copies, so the three add up to the items.
        if (item.match?.type === 'known') counts.knownCount += 1;
        else if (inItemView(item, 'to-review')) counts.toReviewCount += 1;
        else counts.nearCopyCount += 1;
        if (item.match?.type === 'near') counts.nearMatchCount += 1;
        if (inItemView(item, 'duplicates')) counts.duplicateStackCount += 1;
      }
      counted = { version: index.version, counts };
      return counts;
    },
  };
}
