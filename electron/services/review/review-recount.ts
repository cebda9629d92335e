import type { ReviewState } from '../../../shared/review/review-contract.js';
import type { CaseReview, ReviewServiceDeps } from './case-review.js';

/** How often at most the review counts "To review" again while the list moves (an import, stacking). */
const LIST_RECOUNT_MS = 1000;

/** The header's figures. */
export interface ReviewFigures {
  reviewedCount: number;
  totalCount: number;
}

/** The open case's review following its list while it moves, so the header never keeps the first look's figures. */
export interface ReviewRecounts {
  /** The list moved: a recount within a second (at most one a second). */
  listChanged(): void;
  /** The case is left: a recount waiting is dropped, and one under way stops at its next slice. */
  stop(): void;
  /** Resolves once the recounts started so far have pushed their figures or given up (tests, benches). */
  whenCounted(): Promise<void>;
}

export interface ReviewRecountDeps {
  setTimer: ReviewServiceDeps['setTimer'];
  /** The open case's review, or null when none is loaded (nothing is counted then). */
  current: () => Promise<CaseReview> | null;
  /**
   * The figures the renderer was last given: a recount pushes when the list's differ from these, not from the
   * progress it kept, since a request ("Next", the counts) may have brought that up to date without telling the header.
   */
  told: () => ReviewFigures | null;
  push: (state: ReviewState) => void;
  catchUp: (review: CaseReview, wanted: () => boolean) => Promise<boolean>;
  precategoriseKnown: (review: CaseReview) => void;
  stateOf: (review: CaseReview) => Promise<ReviewState>;
}

export function createReviewRecounts(deps: ReviewRecountDeps): ReviewRecounts {
  let recountTimer: { cancel(): void } | null = null;
  /** The latest recount, settled once it has pushed its figures or given up. */
  let counting: Promise<void> = Promise.resolve();
  /** A recount is queued behind the one under way. */
  let recountWaiting = false;

  /**
   * Counts the list again after it moved, in slices that leave the event loop free (catchUp), and pushes the
   * figures when they changed. When the list was rewritten meanwhile, tries again a while later.
   */
  function recount(): void {
    // One waiting behind the one under way is enough: it counts the list as it is when its turn comes.
    if (recountWaiting) return;
    recountWaiting = true;
    // After the one under way, never beside it: a second build would take `review.building` from the first, which would
    // then miss the decisions made meanwhile and could still put its figures in place (a timer fires every second, and a
    // build of 100,000 items in slices can take longer on a loaded machine).
    let loaded: Promise<CaseReview> | null = null;
    counting = counting
      .then(() => {
        recountWaiting = false;
        loaded = deps.current();
        return loaded;
      })
      .then(async (review) => {
        // Only once the header has looked (the progress was counted): nobody waits for figures before.
        if (review === null || deps.current() !== loaded || review.progress === null) return;
        deps.precategoriseKnown(review);
        // Stops at the next slice once the case is left (or another opened): nothing keeps counting a review nobody holds.
        const caughtUp = await deps.catchUp(review, () => deps.current() === loaded);
        if (deps.current() !== loaded) return;
        if (!caughtUp) return listChanged();
        const state = await deps.stateOf(review);
        if (deps.current() !== loaded) return;
        const told = deps.told();
        if (state.reviewedCount !== told?.reviewedCount || state.totalCount !== told.totalCount) deps.push(state);
      })
      .catch(() => undefined);
  }

  function listChanged(): void {
    // Only a review already loaded: a list moving must not load (or lock) a workspace nobody asked for.
    if (deps.current() === null || recountTimer !== null) return;
    // An import moves the list every few hundred items: one recount a second at most, for the last list.
    recountTimer = deps.setTimer(() => {
      recountTimer = null;
      recount();
    }, LIST_RECOUNT_MS);
  }

  return {
    listChanged,
    stop() {
      recountTimer?.cancel();
      recountTimer = null;
    },
    whenCounted: () => counting,
  };
}
