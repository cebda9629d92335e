import type { VeilClient } from '../../../shared/client.js';
import type { MediaError, MediaItem } from '../../../shared/case/media-item.js';
import type { ItemView } from '../../../shared/known/item-match.js';
import type { ShowFailure } from '../media-labels/media-labels';

/** How long an unexplained picture failure is shown before the tile asks again. */
export const PASSING_FAILURE_RETRY_MS = 5000;

/** The grid's "Show" choice when a case opens: the review queue. */
export const DEFAULT_ITEM_VIEW: ItemView = 'to-review';

/** Items per listItems request, unless a store is told otherwise. */
export const ITEM_PAGE_SIZE = 500;

export interface ItemStoreOptions {
  /** The grid's "Show" choice whose items the store lists; the review queue unless told otherwise. */
  view?: ItemView;
  /** Items per listItems request. */
  pageSize?: number;
  /**
   * The first page as start-up read it, shown at once so the first screen's pictures are
   * asked for with the first render. Taken as stale: the import may have listed more since,
   * so it is read again when first looked at.
   */
  firstPage?: readonly MediaItem[];
  /** Pages kept in memory; the least recently wanted go first. */
  maxPages?: number;
  /** After a failed page request, how long before it is tried again. */
  retryAfterMs?: number;
  nowMs?: () => number;
}

interface PageEntry {
  items: readonly MediaItem[];
  /** Set by a caseChanged: still shown, fetched again when next wanted. */
  stale: boolean;
}

/**
 * The items of one case in one "Show" view, fetched lazily in pages and kept in a small LRU cache, so a
 * 100,000-item case costs only the pages the grid and viewer look at. Components read
 * it during render and re-render on `subscribe` (useSyncExternalStore).
 */
export class ItemStore {
  /** The "Show" view listed; positions count within it. */
  readonly view: ItemView;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly retryAfterMs: number;
  private readonly nowMs: () => number;
  /** Map order is recency order: the first key is the least recently wanted page. */
  private readonly pages = new Map<number, PageEntry>();
  private readonly inFlight = new Set<number>();
  private readonly failedAtMs = new Map<number, number>();
  private readonly failures = new Map<string, ShowFailure>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Bumped by invalidate(), so a page whose request was sent before a case change is not taken as current. */
  private invalidations = 0;

  constructor(
    private readonly client: VeilClient,
    readonly caseId: string,
    options: ItemStoreOptions = {},
  ) {
    this.view = options.view ?? DEFAULT_ITEM_VIEW;
    this.pageSize = options.pageSize ?? ITEM_PAGE_SIZE;
    this.maxPages = options.maxPages ?? 24;
    this.retryAfterMs = options.retryAfterMs ?? 2000;
    this.nowMs = options.nowMs ?? (() => Date.now());
    if (options.firstPage) this.pages.set(0, { items: options.firstPage.slice(0, this.pageSize), stale: true });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything a reader could see changes. */
  readonly getVersion = (): number => this.version;

  /** The item at a grid position, or undefined while its page is not loaded. */
  getItem(index: number): MediaItem | undefined {
    const page = Math.floor(index / this.pageSize);
    return this.pages.get(page)?.items[index - page * this.pageSize];
  }

  /** A failure learnt after the item was listed (itemFailed, or its picture failed to load). */
  getFailure(itemId: string): ShowFailure | undefined {
    return this.failures.get(itemId);
  }

  /** Fetches the pages covering [firstIndex, lastIndex] that are missing or stale. */
  ensureRange(firstIndex: number, lastIndex: number): void {
    if (lastIndex < firstIndex || lastIndex < 0) return;
    const firstPage = Math.floor(Math.max(0, firstIndex) / this.pageSize);
    const lastPage = Math.floor(lastIndex / this.pageSize);
    for (let page = firstPage; page <= lastPage; page += 1) {
      const entry = this.pages.get(page);
      if (entry) {
        this.pages.delete(page);
        this.pages.set(page, entry);
      }
      if ((!entry || entry.stale) && !this.inFlight.has(page) && !this.recentlyFailed(page)) void this.fetchPage(page);
    }
    this.evict(firstPage, lastPage);
  }

  /** The case changed (e.g. more files imported): keep showing what we have, refetch on demand. */
  invalidate(): void {
    for (const entry of this.pages.values()) entry.stale = true;
    this.invalidations += 1;
    this.failedAtMs.clear();
    this.notify();
  }

  /** Records why an item cannot be shown (from the itemFailed event). */
  recordFailure(itemId: string, error: MediaError | null): void {
    this.failures.set(itemId, { error });
    this.notify();
  }

  /**
   * An item's picture failed to load: asks the back end why (getItems) and records
   * the answer, or an unknown reason when it has none or cannot be asked.
   */
  async learnWhyFailed(itemId: string): Promise<void> {
    if (this.failures.has(itemId)) return;
    let error: MediaError | null = null;
    try {
      const [item] = await this.client.call('getItems', { caseId: this.caseId, ids: [itemId] });
      // Found to be a near match since it was listed (from this very thumbnail's PDQ): the back end
      // serves it only through the strongest veil, which the tile asks for once its page is read again.
      if (item && item.error === null && item.match?.type === 'near') return this.invalidate();
      error = item?.error ?? null;
    } catch {
      error = null;
    }
    this.recordFailure(itemId, error);
    // The back end knows nothing wrong with the file: the failure was passing (a worker
    // restarting, a dropped connection). Show it briefly, then let the tile try again.
    if (error === null) {
      setTimeout(() => {
        if (this.failures.get(itemId)?.error !== null) return;
        this.failures.delete(itemId);
        this.notify();
      }, PASSING_FAILURE_RETRY_MS);
    }
  }

  private recentlyFailed(page: number): boolean {
    const at = this.failedAtMs.get(page);
    return at !== undefined && this.nowMs() - at < this.retryAfterMs;
  }

  private async fetchPage(page: number): Promise<void> {
    this.inFlight.add(page);
    const invalidationsAtRequest = this.invalidations;
    try {
      const result = await this.client.call('listItems', {
        caseId: this.caseId,
        offset: page * this.pageSize,
        limit: this.pageSize,
        view: this.view,
      });
      this.pages.delete(page);
      // The import may have listed more items while this answer was on its way: then it is shown, and asked again.
      this.pages.set(page, { items: result.items, stale: invalidationsAtRequest !== this.invalidations });
      this.failedAtMs.delete(page);
    } catch {
      this.failedAtMs.set(page, this.nowMs());
    } finally {
      this.inFlight.delete(page);
      this.notify();
    }
  }

  private evict(keepFirst: number, keepLast: number): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) return;
      if (page >= keepFirst && page <= keepLast) continue;
      this.pages.delete(page);
    }
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
