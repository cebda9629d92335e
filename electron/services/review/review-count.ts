import type { ListedItem } from '../../../shared/case/media-item.js';
import type { ReviewProgress } from '../../../shared/review/review-progress.js';
import type { CaseReview, ReviewServiceDeps } from './case-review.js';

/** A version of the case's lists, and the session's count of changes to their items then (null: unknown). */
export interface ListMoment {
  version: number | null;
  rewrites: number | null;
}

/** What a count needs of the service's deps. */
type ReviewCountDeps = Pick<ReviewServiceDeps, 'session' | 'yieldToLoop' | 'monotonicMs' | 'sliceItems'>;

const LIST_PAGE = 5000;
/**
 * At most this many items, and this long, counted in one turn of the event loop. One item costs 3–8 µs on the main
 * side, far more on a loaded machine, so the clock ends a slice too; 8 ms leaves the 20 ms goal (part 6) room for the
 * collector and the import's own work (4 ms made twice the turns for no lower stall at load 10).
 */
const SLICE_ITEMS = 1000;
const SLICE_BUDGET_MS = 8;
/** Items asked of the session at once within a slice; the clock is read between two asks. */
const SLICE_STEP = 200;
/**
 * A request waits for a count in slices; when the list was rewritten under it this many times (a PDQ pass regrouping
 * stacks), it counts in one pass instead, so its answer is never put off for long.
 */
const REQUEST_TRIES = 3;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Counting "To review" for a review as its list moves: the progress kept while the list's version stays, items an
 * import appended counted into it, a new one built after any other change, and all of it in slices that leave the
 * main side's event loop free (issue 10 part 6 §1), for the background recount and for requests alike.
 */
export function createReviewCounts(deps: ReviewCountDeps, emptyProgress: (review: CaseReview) => ReviewProgress) {
  const clockMs = deps.monotonicMs ?? (() => performance.now());
  const yieldToLoop = deps.yieldToLoop ?? nextTurn;
  const sliceItems = deps.sliceItems ?? SLICE_ITEMS;

  /** The open case's list version (it moves whenever a view's items or their stacks change); null when unknown. */
  function listVersion(caseId: string): number | null {
    const summary = deps.session.summary?.();
    return summary && summary.caseId === caseId ? summary.listVersion : null;
  }

  /** The lists as they are now (read together, after the session settled its stacks). */
  function listMoment(caseId: string): ListMoment {
    const version = listVersion(caseId);
    return { version, rewrites: version === null ? null : (deps.session.listRewrites?.(caseId) ?? null) };
  }

  /**
   * The offset from which a view made at `made` only gained items at its end, given its length then; null when it
   * changed otherwise (or the session does not say) and must be gone through again.
   */
  function appendedFrom(made: ListMoment | null, now: ListMoment, madeLength: number): number | null {
    if (made === null || made.rewrites === null || made.rewrites !== now.rewrites) return null;
    return madeLength;
  }

  /** Every item of a view from `offset` on, a page at a time (not copied: the session hands out its own, read-only). */
  function viewFrom(caseId: string, view: 'to-review' | 'known', offset: number): { total: number; items: ListedItem[] } {
    const all: ListedItem[] = [];
    for (let at = offset; ; at += LIST_PAGE) {
      const page = deps.session.listForReview(caseId, at, LIST_PAGE, view);
      all.push(...page.items);
      if (at + LIST_PAGE >= page.total) return { total: page.total, items: all };
    }
  }

  /** The progress kept, when it covers the list as it is now; null when the list moved since. */
  function upToDate(review: CaseReview): ReviewProgress | null {
    const kept = review.progress;
    const now = listVersion(review.caseId);
    return kept !== null && now !== null && kept.version === now ? kept.tracker : null;
  }

  /**
   * Progress for the list as it is now, counted at once: appended items into the kept progress, else a new one in one
   * pass (half a second of the main side at 100,000 items). Only for a session that does not say what changed, and
   * for a request whose count in slices the list kept rewriting.
   */
  function countedAtOnce(review: CaseReview): ReviewProgress {
    const now = listMoment(review.caseId);
    const kept = review.progress;
    if (kept !== null && now.version !== null && kept.version === now.version) return kept.tracker;
    const from = kept === null ? null : appendedFrom(kept, now, kept.tracker.totalCount());
    const appended = from === null ? null : viewFrom(review.caseId, 'to-review', from);
    if (kept !== null && appended !== null && appended.total >= kept.tracker.totalCount()) {
      kept.tracker.append(appended.items);
      review.progress = { ...now, tracker: kept.tracker };
      return kept.tracker;
    }
    const tracker = emptyProgress(review);
    tracker.append(viewFrom(review.caseId, 'to-review', 0).items);
    review.progress = { ...now, tracker };
    return tracker;
  }

  /**
   * Counts from where the tracker is, at most `SLICE_ITEMS` items and `SLICE_BUDGET_MS` per turn. Items the import
   * appended go into the kept progress; after any other change a new one is built beside it (told of decisions
   * meanwhile through `review.building`) and put in its place once whole. False when the list was rewritten before
   * the end or the review is no longer `wanted` (the case was left).
   */
  async function countInSlices(review: CaseReview, wanted: () => boolean): Promise<boolean> {
    const start = listMoment(review.caseId);
    const kept = review.progress;
    if (kept !== null && start.version !== null && kept.version === start.version) return true;
    // A session that does not say what changed: one pass.
    if (start.rewrites === null) {
      countedAtOnce(review);
      return true;
    }
    const tracker = kept !== null && appendedFrom(kept, start, kept.tracker.totalCount()) !== null ? kept.tracker : emptyProgress(review);
    if (tracker !== kept?.tracker) review.building = tracker;
    try {
      for (;;) {
        if (!wanted()) return false;
        // Read once a slice: nothing else runs on the main side until it yields.
        const now = listMoment(review.caseId);
        if (now.rewrites !== start.rewrites) return false;
        const sliceStartMs = clockMs();
        // At least one step a slice, however slow: the count always moves on.
        for (let counted = 0; ;) {
          // From what is counted so far: a request may have counted appended items into the kept progress meanwhile.
          const step = Math.min(SLICE_STEP, sliceItems - counted);
          const page = deps.session.listForReview(review.caseId, tracker.totalCount(), step, 'to-review');
          tracker.append(page.items);
          if (tracker.totalCount() >= page.total) {
            review.progress = { ...now, tracker };
            return true;
          }
          counted += step;
          if (counted >= sliceItems || clockMs() - sliceStartMs >= SLICE_BUDGET_MS) break;
        }
        await yieldToLoop();
      }
    } finally {
      if (review.building === tracker) review.building = null;
    }
  }

  /**
   * Brings the progress up to the list as it is now, in slices (countInSlices). One count at a time per review, for
   * recounts and requests together: two would share `review.building`, and the first would then miss decisions.
   */
  async function catchUp(review: CaseReview, wanted: () => boolean): Promise<boolean> {
    while (review.counting !== null) await review.counting;
    if (upToDate(review) !== null) return true;
    const counting = countInSlices(review, wanted).finally(() => {
      if (review.counting === counting) review.counting = null;
    });
    review.counting = counting;
    return counting;
  }

  /**
   * The progress over the list as it is now, for a request: waits for a count in slices rather than stalling the main
   * side for a pass over the whole list (the first look at a large case, the first request after a rewrite).
   */
  async function counted(review: CaseReview): Promise<ReviewProgress> {
    // A session that does not say its list's version: nothing is kept between looks, each counts in one pass.
    if (listVersion(review.caseId) === null) return countedAtOnce(review);
    for (let tries = 0; tries < REQUEST_TRIES; tries += 1) {
      const ready = upToDate(review);
      if (ready !== null) return ready;
      await catchUp(review, () => true);
    }
    return countedAtOnce(review);
  }

  return { listVersion, listMoment, appendedFrom, viewFrom, upToDate, catchUp, counted };
}
