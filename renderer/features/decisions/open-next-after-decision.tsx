import { useEffect, useRef } from 'react';
import type { DecisionOutcome, NextToReview } from '../../../shared/review/review-contract.js';
import { useNextAhead } from './use-next-ahead';
import type { Review } from './review-model';

interface OpenNextAfterDecisionProps {
  review: Review;
  /** The setting "Open the next item to review after categorising". */
  enabled: boolean;
  /** The item open in the viewer; null when the viewer is closed (a grid decision moves nothing). */
  openItemId: string | null;
  /** Where the open item is in the "To review" view; null when the viewer is closed or shows another view. */
  openIndex: number | null;
  /**
   * Whether the next item may be opened before the decision is answered: not for an item with a hash set's category,
   * whose change the back end may refuse until a reason is given (the dialog asks it over the item itself).
   */
  mayOpenAhead: boolean;
  /** Opens the item at `index` of the "To review" view, as key N does. */
  onNext: (index: number) => void;
}

/** A next item opened as the decision was sent, before its answer. */
interface OpenedAhead {
  decidedItemId: string;
  decidedIndex: number;
  openedItemId: string;
}

/**
 * With the setting on, a decision made on the open item opens the next item to review. When the next item after the
 * open one is already known (asked while it was open, and nothing changed since: use-next-ahead.ts), it is opened with
 * the key itself, and the decision's answer only checks it: an answer naming another item (the decision covered it, as
 * a copy) moves there, and a refused or failed decision returns to the decided item. Otherwise the answer names the next
 * item. Only while the item concerned is still the open one: an investigator who already moved on (→, N) is not
 * pulled elsewhere. Clearing a category ("Uncategorised") stays put.
 */
export function OpenNextAfterDecision(props: OpenNextAfterDecisionProps): null {
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const { review, enabled, openItemId, openIndex, mayOpenAhead } = props;
  const { onDecided, onCategorising } = review;
  const takeAhead = useNextAhead(review, enabled && openIndex !== null && mayOpenAhead ? openItemId : null);
  const opened = useRef<OpenedAhead | null>(null);

  useEffect(
    () =>
      onCategorising((itemId, category) => {
        const { enabled: on, openItemId: openId, openIndex: index, mayOpenAhead: mayOpen, onNext } = latest.current;
        if (!on || category === null || itemId !== openId || index === null || !mayOpen) return undefined;
        const next = takeAhead(itemId);
        if (next === null) return undefined;
        const ahead = { decidedItemId: itemId, decidedIndex: index, openedItemId: next.itemId };
        opened.current = ahead;
        onNext(next.index);
        return (outcome: DecisionOutcome | null) => {
          if (opened.current === ahead) opened.current = null;
          // Read again when each answer arrives: an investigator who moved on meanwhile (→, N, Escape) stays where they went.
          const stillThere = () => latest.current.openItemId === ahead.openedItemId;
          const open = (index: number) => stillThere() && latest.current.onNext(index);
          if (!stillThere()) return;
          // None left (the item opened was a copy the decision covered): back to the decided item, as without the setting.
          const settle = (named: NextToReview) => (named.index === null ? open(ahead.decidedIndex) : named.itemId !== ahead.openedItemId && open(named.index));
          if (outcome === null) open(ahead.decidedIndex);
          else if (outcome.next !== undefined && outcome.next.index !== null) settle(outcome.next);
          // Asking again says aloud that none is left.
          else void latest.current.review.nextToReview(ahead.decidedItemId).then(settle);
        };
      }),
    [onCategorising, takeAhead],
  );
  useEffect(
    () =>
      onDecided((outcome) => {
        const { enabled: on, openItemId: openId, onNext, review: current } = latest.current;
        if (!on || outcome.category === null || outcome.itemId === null || outcome.itemId !== openId) return;
        if (opened.current?.decidedItemId === outcome.itemId) return;
        // The decision's answer names the next item (one round trip for the key); with none left, asking again says so aloud.
        const index = outcome.next?.index ?? null;
        if (index !== null) onNext(index);
        else void current.nextToReview(outcome.itemId).then((next) => next.index !== null && onNext(next.index));
      }),
    [onDecided],
  );
  return null;
}
