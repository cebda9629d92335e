import { useEffect, useRef } from 'react';
import type { Review } from './use-review';

interface OpenNextAfterDecisionProps {
  review: Review;
  /** The setting "Open the next item to review after categorising". */
  enabled: boolean;
  /** The item open in the viewer; null when the viewer is closed (a grid decision moves nothing). */
  openItemId: string | null;
  /** Opens the item at `index` of the "To review" view, as key N does. */
  onNext: (index: number) => void;
}

/**
 * With the setting on, a decision made on the open item opens the next item to review once the
 * decision is answered (its answer names that item). Only while that item is still the open one: an investigator who already
 * moved on (→, N) is not pulled elsewhere. Clearing a category ("Uncategorised") stays put.
 */
export function OpenNextAfterDecision(props: OpenNextAfterDecisionProps): null {
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const { review } = props;
  const { onDecided } = review;
  useEffect(
    () =>
      onDecided((outcome) => {
        const { enabled, openItemId, onNext, review: current } = latest.current;
        if (!enabled || outcome.category === null || outcome.itemId === null || outcome.itemId !== openItemId) return;
        // The decision's answer names the next item (one round trip for the key); with none left, asking again says so aloud.
        const index = outcome.next?.index ?? null;
        if (index !== null) onNext(index);
        else void current.nextToReview(outcome.itemId).then((next) => next.index !== null && onNext(next.index));
      }),
    [onDecided],
  );
  return null;
}
