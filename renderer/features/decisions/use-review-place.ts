import { useEffect, useMemo, useRef, useState } from 'react';
import type { VeilClient } from '../../../shared/client.js';

/** How long the grid's focus stays on an item before it is written down: moving along the grid writes once, not per key. */
const REMEMBER_AFTER_MS = 800;

export interface ReviewPlaceOptions {
  client: VeilClient;
  caseId: string | null;
  /** False until the case's review is ready (its scheme chosen): nothing is read or written before. */
  ready: boolean;
  /** The item the investigator is on: the open item, else the focused grid item; null when none is known yet. */
  currentItemId: string | null;
  /** True while an item is open in the viewer: opening one is a deliberate act, written at once. */
  viewerOpen: boolean;
  /** A value that changes with each decision, undo or redo (the review's state): the place is written at once then. */
  decided: unknown;
  /** True while nothing has been done in the case yet: a late answer must not move a focus the investigator chose. */
  stillAtStart: () => boolean;
  /** The case was left on the item at `index` of "To review" (or that item is gone and this is the first to review): focus it there, never open it. */
  onRestore: (index: number) => void;
}

interface Place {
  caseId: string;
  itemId: string;
}

/** Holds the latest place and sends it when asked, unless it is the one last sent: a burst of moves ends in one write. */
function createPlaceSender(send: (place: Place) => Promise<unknown>) {
  let wanted: Place | null = null;
  let sent: Place | null = null;
  const same = (a: Place | null, b: Place | null) => a !== null && b !== null && a.caseId === b.caseId && a.itemId === b.itemId;
  return {
    want(place: Place | null): void {
      wanted = place;
    },
    /** Sends the place now (synchronously, so a page going away still gets the request out). */
    flush(): void {
      const place = wanted;
      if (place === null || same(place, sent)) return;
      sent = place;
      // A write that failed is tried again at the next flush; the review goes on meanwhile.
      send(place).catch(() => {
        if (same(sent, place)) sent = null;
      });
    },
  };
}

/**
 * A case reopens where it was left (page reload, or a new launch). Once per case the place is
 * read back and handed to `onRestore`; after that, the item the investigator is on is written to
 * the case's workspace: at once when the viewer opens an item or a decision is made, after
 * `REMEMBER_AFTER_MS` of rest when the grid's focus moves, and at once when the page is hidden
 * or goes away (reload, quit), so a reload soon after a move still finds it. Nothing is written
 * before the read, so the top of a freshly drawn grid never overwrites the place being restored.
 * A component, so the app shell mounts it once a case is drawn.
 */
export function ReviewPlace({ client, caseId, ready, currentItemId, viewerOpen, decided, stillAtStart, onRestore }: ReviewPlaceOptions): null {
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

  const sender = useMemo(() => createPlaceSender((place) => client.call('rememberReviewPlace', place)), [client]);
  const restored = caseId !== null && restoredFor === caseId;
  const place = ready && restored && currentItemId !== null ? { caseId, itemId: currentItemId } : null;
  const placeCase = place?.caseId ?? null;
  const placeItem = place?.itemId ?? null;

  // Grid moves: written once the focus rests (each move restarts the wait).
  useEffect(() => {
    sender.want(placeCase === null || placeItem === null ? null : { caseId: placeCase, itemId: placeItem });
    if (placeItem === null) return undefined;
    const timer = setTimeout(sender.flush, REMEMBER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [sender, placeCase, placeItem]);

  // Opening an item and deciding are deliberate acts: written at once, not after a wait a reload or quit could cut short.
  useEffect(() => {
    if (viewerOpen) sender.flush();
  }, [sender, viewerOpen]);
  useEffect(() => sender.flush(), [sender, decided]);

  // A page being hidden (minimised, another tab) or going away (reload, close) writes what is waiting.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') sender.flush();
    };
    window.addEventListener('pagehide', sender.flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', sender.flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [sender]);
  return null;
}
