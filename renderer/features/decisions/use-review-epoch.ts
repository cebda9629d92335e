import { useState } from 'react';
import type { DecisionOutcome, ReviewState } from '../../../shared/review/review-contract.js';

/** What of the figures says the items left to review changed. */
const countsOf = (state: ReviewState) => `${state.reviewedCount}/${state.totalCount}`;

/**
 * The review's epoch: a number that changes whenever the items left to review may have changed, so a next item asked for
 * at another epoch is known to be stale (use-next-ahead.ts). Plain mutable fields, read in key handlers: never drawn.
 */
class ReviewEpoch {
  private epoch = 0;
  /** Steps of ours not answered yet: figures arriving meanwhile are theirs, and their answers say what changed. */
  private pending = 0;
  /** The last counts heard, so the same figures arriving again (reviewChanged, then once written) change nothing. */
  private counts = '';

  readonly now = (): number => this.epoch;

  /** A decision, undo, redo or batch of ours is sent: what was asked before it may be stale. */
  sent(): void {
    this.pending += 1;
    this.epoch += 1;
  }

  /** One of ours was refused or failed: nothing changed. */
  settled(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  /** One of ours was answered. */
  answered(outcome: DecisionOutcome): void {
    this.settled();
    this.counts = countsOf(outcome.state);
    // A decision that covered no other file changed only its own item, which a next item asked for since it was sent is
    // never taken as (use-next-ahead.ts leaves decided items out); anything else may have moved the items left.
    if (outcome.cause !== 'decision' || outcome.copies > 0) this.epoch += 1;
  }

  /** A batch of ours was answered: any of its items may have been the next one. */
  answeredMany(): void {
    this.settled();
    this.epoch += 1;
  }

  /** Figures arrived (reviewChanged). */
  heard(state: ReviewState): void {
    const counts = countsOf(state);
    // Not ours (an import's items counted, a recount): the items left to review may have moved.
    if (counts !== this.counts && this.pending === 0) this.epoch += 1;
    this.counts = counts;
  }
}

/** One epoch for the review's lifetime. */
export function useReviewEpoch(): ReviewEpoch {
  return useState(() => new ReviewEpoch())[0];
}
