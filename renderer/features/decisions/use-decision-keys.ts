import { useEffect, useRef } from 'react';
import { categoryForKey } from '../../../shared/review/category-scheme.js';
import { keyTakenElsewhere } from '../viewer/key-scope';
import type { Review } from './review-model';

export interface DecisionKeysOptions {
  review: Review;
  /** The item the keys act on: the open item in the viewer, else the focused grid item; null for none. */
  currentItemId: () => string | null;
  /** The grid's selection while the viewer is closed (empty otherwise): a number key categorises all of it, not the focused item. */
  selectedItemIds?: () => readonly string[];
  /** N found the next item to review at `index` of the "To review" view: open or focus it. */
  onNext: (index: number) => void;
  /** False while media is hidden (the hide-everything key, a limit reached): no key decides on a picture nobody can see. */
  enabled: boolean;
}

/**
 * The review's keys (a component so the app shell can mount it once a case is drawn), wherever focus is on the page (not in a text field or a dialog): the
 * number keys categorise the grid's selection when there is one, else the current item (once per press, not per repeat of a
 * key held down); N goes to
 * the next item to review, Ctrl+Z undoes (a selection's batch at once), Ctrl+Y or Ctrl+Shift+Z
 * redoes. None of them is taken: Escape hides media, the arrows, Home, End, Page keys and Enter
 * move in or open the grid, Space selects, R and Shift+arrows drive the spotlight,
 * Backspace leaves the viewer.
 */
export function DecisionKeys(options: DecisionKeysOptions): null {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.metaKey || keyTakenElsewhere(event)) return;
      const { review, currentItemId, selectedItemIds, onNext, enabled } = latest.current;
      if (!enabled) return;
      const key = event.key.toLowerCase();
      if (event.ctrlKey) {
        if (key === 'z' && !event.shiftKey) review.undo();
        else if (key === 'y' || (key === 'z' && event.shiftKey)) review.redo();
        else return;
        event.preventDefault();
        return;
      }
      if (key === 'n' && !event.shiftKey) {
        event.preventDefault();
        void review
          .nextToReview(currentItemId())
          .then((next) => next.index !== null && onNext(next.index))
          .catch(() => undefined);
        return;
      }
      const scheme = review.state?.scheme;
      const category = scheme && /^[0-9]$/.test(event.key) ? categoryForKey(scheme, event.key) : null;
      if (category === null) return;
      // A key held down repeats about thirty times a second: one press is one decision. With "open the next item" on, each
      // repeat would otherwise categorise the item just opened, a run of pictures decided without being looked at.
      if (event.repeat) {
        event.preventDefault();
        return;
      }
      const selected = selectedItemIds?.() ?? [];
      if (selected.length > 0) {
        event.preventDefault();
        review.categoriseMany(selected, category.code);
        return;
      }
      const itemId = currentItemId();
      if (itemId === null) return;
      event.preventDefault();
      review.categorise(itemId, category.code);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}
