import { useEffect, useRef, useState } from 'react';
import type { VeilClient } from '../../../shared/client.js';

/** How long the investigator stays on an item before it is written down: moving along the grid writes once, not per key. */
const REMEMBER_AFTER_MS = 800;

export interface ReviewPlaceOptions {
  client: VeilClient;
  caseId: string | null;
  /** False until the case's review is ready (its scheme chosen): nothing is read or written before. */
  ready: boolean;
  /** The item the investigator is on: the open item, else the focused grid item; null when none is known yet. */
  currentItemId: string | null;
  /** True while nothing has been done in the case yet: a late answer must not move a focus the investigator chose. */
  stillAtStart: () => boolean;
  /** The case was left on the item at `index` of "To review" (or that item is gone and this is the first to review): focus it there, never open it. */
  onRestore: (index: number) => void;
}

/**
 * A case reopens where it was left (a component so the app shell can mount it once a case is drawn) (page reload, or a new launch): once per case the place is
 * read back and handed to `onRestore`; after that, the item the investigator is on is written
 * to the case's workspace, debounced. Nothing is written before the read, so the top of a
 * freshly drawn grid never overwrites the place being restored.
 */
export function ReviewPlace({ client, caseId, ready, currentItemId, stillAtStart, onRestore }: ReviewPlaceOptions): null {
  const [restoredFor, setRestoredFor] = useState<string | null>(null);
  const latest = useRef({ stillAtStart, onRestore });
  useEffect(() => {
    latest.current = { stillAtStart, onRestore };
  });

  useEffect(() => {
    if (!ready || caseId === null || restoredFor === caseId) return undefined;
    let live = true;
    client
      .call('getReviewPlace', { caseId })
      .then((place) => {
        if (!live) return;
        setRestoredFor(caseId);
        if (place !== null && place.index !== null && latest.current.stillAtStart()) latest.current.onRestore(place.index);
      })
      // A place that cannot be read is no reason to stop the review: it starts at the top, and is remembered from here on.
      .catch(() => live && setRestoredFor(caseId));
    return () => {
      live = false;
    };
  }, [client, caseId, ready, restoredFor]);

  const restored = caseId !== null && restoredFor === caseId;
  useEffect(() => {
    if (!ready || !restored || caseId === null || currentItemId === null) return undefined;
    const timer = setTimeout(() => {
      client.call('rememberReviewPlace', { caseId, itemId: currentItemId }).catch(() => undefined);
    }, REMEMBER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [client, caseId, ready, restored, currentItemId]);
  return null;
}
