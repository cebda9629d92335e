import { useCallback, useEffect, useRef } from 'react';
import { useVeil } from '../../api/api';
import type { Review } from './review-model';

/** The next item to review after an item, as the back end named it. */
export interface NamedNext {
  itemId: string;
  index: number;
}

interface Ahead {
  afterItemId: string;
  /** The review's epoch when it was asked: any decision, undo or new figures since make it stale. */
  epoch: number;
  next: NamedNext;
}

/**
 * Asks, while an item is open, which item to review comes after it (`nextToReview`, silently), so a decision with
 * "open the next item after categorising" opens it with the key instead of after the decision's round trip. Asked
 * again when the figures change; returns the taker: the item after `itemId` when it was asked since the last change of
 * the review (its epoch), else null (the decision's answer names it then). Only the item's name: its pixels are asked
 * for when it is shown, like any other.
 */
export function useNextAhead(review: Review, openItemId: string | null): (itemId: string) => NamedNext | null {
  const client = useVeil();
  const ahead = useRef<Ahead | null>(null);
  const { state, epoch, onCategorising } = review;
  const caseId = state?.caseId ?? null;
  /** Items decided here: never named ahead (an answer the back end gave before their decision landed may still name them). */
  const decided = useRef(new Set<string>());
  useEffect(
    () =>
      onCategorising((itemId) => {
        decided.current.add(itemId);
        return undefined;
      }),
    [onCategorising],
  );
  /** The question in flight: its answer is kept while the review's epoch is still the one it was asked at. */
  const asking = useRef<{ afterItemId: string; epoch: number } | null>(null);
  // The epoch lives as long as the app, not the case: what was named in another case is forgotten with it.
  useEffect(() => {
    decided.current = new Set();
    ahead.current = null;
    asking.current = null;
  }, [caseId]);
  useEffect(() => {
    if (openItemId === null || caseId === null) return;
    const now = epoch();
    const same = (entry: { afterItemId: string; epoch: number } | null) => entry !== null && entry.afterItemId === openItemId && entry.epoch === now;
    if (same(ahead.current) || same(asking.current)) return;
    const question = { afterItemId: openItemId, epoch: now };
    asking.current = question;
    client
      .call('nextToReview', { caseId, afterItemId: openItemId })
      .then(({ itemId, index }) => {
        // Kept only while it is still the question in flight: not once another item was opened or another case.
        if (asking.current !== question) return;
        asking.current = null;
        // The open item itself comes back when it is the last one left: after its decision, none is.
        if (epoch() !== question.epoch || itemId === null || index === null || itemId === openItemId) return;
        ahead.current = { ...question, next: { itemId, index } };
      })
      // Not known ahead: the decision's answer names the next item, one round trip later.
      .catch(() => {
        if (asking.current === question) asking.current = null;
      });
    // The figures (state) are a dependency: they change after each decision, and the next item is asked again then if
    // the epoch moved; a question already answered or asked at this epoch is not asked again.
  }, [client, caseId, openItemId, state, epoch]);
  return useCallback(
    (itemId: string) => {
      const known = ahead.current;
      const fresh = known !== null && known.afterItemId === itemId && known.epoch === epoch() && !decided.current.has(known.next.itemId);
      return fresh ? known.next : null;
    },
    [epoch],
  );
}
