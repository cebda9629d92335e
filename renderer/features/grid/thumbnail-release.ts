/** Thumbnails that leave the screen within this long go to the main side together. */
export const RELEASE_BATCH_MS = 100;
/** A picture that fails this soon after its item was released may have been caught by the release: it is asked for again once. */
const RELEASED_RECENTLY_MS = 10_000;
/** The contract's cap on ids per request. */
const MAX_IDS_PER_CALL = 2000;

/**
 * Tells the main side which grid thumbnails left the screen before their picture arrived,
 * so their jobs leave the media workers' queue and the ones on screen go first. This goes
 * over the contract because Electron's protocol.handle never aborts a request whose <img>
 * is gone; the browser host gets the same call, so both adapters behave alike.
 */
export class ThumbnailReleaser {
  private readonly mounted = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly releasedAtMs = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (itemIds: string[]) => Promise<unknown>,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  /** A tile showing `itemId` was mounted. */
  track(itemId: string): void {
    this.mounted.set(itemId, (this.mounted.get(itemId) ?? 0) + 1);
  }

  /** A tile showing `itemId` was unmounted; `loaded` when its picture had arrived (then nothing is waiting). */
  untrack(itemId: string, loaded: boolean): void {
    const left = (this.mounted.get(itemId) ?? 1) - 1;
    if (left > 0) this.mounted.set(itemId, left);
    else this.mounted.delete(itemId);
    if (loaded) return;
    this.pending.add(itemId);
    this.timer ??= setTimeout(this.flush, RELEASE_BATCH_MS);
  }

  /** True when `itemId` was released a moment ago: a failure of its picture may be the release, not the file. */
  releasedRecently(itemId: string): boolean {
    const atMs = this.releasedAtMs.get(itemId);
    return atMs !== undefined && this.nowMs() - atMs < RELEASED_RECENTLY_MS;
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private readonly flush = (): void => {
    this.timer = null;
    const nowMs = this.nowMs();
    for (const [itemId, atMs] of this.releasedAtMs) if (nowMs - atMs >= RELEASED_RECENTLY_MS) this.releasedAtMs.delete(itemId);
    // A tile scrolled back into view meanwhile wants its picture after all.
    const itemIds = [...this.pending].filter((itemId) => !this.mounted.has(itemId));
    this.pending.clear();
    for (const itemId of itemIds) this.releasedAtMs.set(itemId, nowMs);
    for (let start = 0; start < itemIds.length; start += MAX_IDS_PER_CALL) {
      // Best effort: a release that does not arrive only leaves the old order in the queue.
      this.send(itemIds.slice(start, start + MAX_IDS_PER_CALL)).catch(() => undefined);
    }
  };
}
