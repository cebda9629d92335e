import type { CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import type { DecisionOutcome, NextToReview, ReviewState } from '../../../shared/review/review-contract.js';

/** A category asked for on an item whose category came from a hash set: it waits for the investigator's reason. */
export interface PendingOverrule {
  itemId: string;
  category: CategoryCode;
}

/** Told of a decision as it is sent; may return what to call with its answer (null when refused or failed). */
export type DecisionSentListener = (itemId: string, category: CategoryCode) => ((outcome: DecisionOutcome | null) => void) | undefined;

/** The open case's review as the renderer holds it: the header's figures, known categories, and the last announcement. */
export interface Review {
  state: ReviewState | null;
  /** Categories learnt so far, by item id (from decisions made here and items looked at). */
  categoryOf(itemId: string): CategoryCode | undefined;
  /** What the polite live region says: the last decision, undo or redo, or why one failed. */
  announcement: string;
  categorise(itemId: string, category: CategoryCode): void;
  /** Categorises a grid selection (and their stacks) as one undoable step. */
  categoriseMany(itemIds: readonly string[], category: CategoryCode): void;
  /** Calls `listener` after each decision on one item is answered, before its figures are drawn (to open the next item at once); returns the unsubscribe. Stable. */
  onDecided(listener: (outcome: DecisionOutcome) => void): () => void;
  /**
   * Calls `listener` as a decision on one item is sent, before its answer; what it returns is called with the answer (after
   * `onDecided`'s listeners) or with null when the decision was refused or failed. Returns the unsubscribe. Stable.
   */
  onCategorising(listener: DecisionSentListener): () => void;
  /**
   * Changes whenever the items left to review may have changed (a decision, undo, redo or batch sent or answered, other
   * figures arriving): a next item asked for at another epoch may be stale. Read from a ref, so it is current in a key handler.
   */
  epoch(): number;
  /** The overrule waiting for a reason (the dialog asking for it is open), or null. */
  overrule: PendingOverrule | null;
  /** Sends the waiting overrule with its reason; rejects (the dialog stays, with the text as typed) when it is refused. */
  confirmOverrule(reason: string): Promise<void>;
  cancelOverrule(): void;
  /** Sets the case's scheme at its first open. */
  chooseScheme(scheme: CaseScheme): void;
  undo(): void;
  redo(): void;
  /** The next item to review (null fields when none is left), announced when there is none. */
  nextToReview(afterItemId: string | null): Promise<NextToReview>;
  /** Asks the back end for an item's category, once, so its button shows pressed. */
  learn(itemId: string): void;
}
