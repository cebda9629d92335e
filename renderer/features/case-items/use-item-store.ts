import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { VeilClient } from '../../../shared/client.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { ItemView } from '../../../shared/known/item-match.js';
import { ItemStore } from './item-store';

/** A case's first page of items in one view, as start-up read it (use-app-data.ts). */
export interface FirstItems {
  caseId: string;
  view: ItemView;
  items: readonly MediaItem[];
}

/**
 * One ItemStore per open case and "Show" view (a new view starts a new list), kept in step with the back end: caseChanged for the
 * same case marks pages stale (refetched as they are looked at), itemFailed records
 * the reason on the item's tile.
 */
export function useCaseItemStore(client: VeilClient, caseId: string | null, view: ItemView, firstItems: FirstItems | null = null): ItemStore | null {
  const store = useMemo(() => {
    if (!caseId) return null;
    const firstPage = firstItems?.caseId === caseId && firstItems.view === view ? firstItems.items : undefined;
    return new ItemStore(client, caseId, { view, firstPage });
  }, [client, caseId, view, firstItems]);
  useEffect(() => {
    if (!store) return undefined;
    let listVersion: number | null = null;
    const offChanged = client.on('caseChanged', (summary) => {
      if (summary.caseId !== store.caseId || summary.listVersion === listVersion) return;
      listVersion = summary.listVersion;
      store.invalidate();
    });
    const offFailed = client.on('itemFailed', (event) => {
      if (event.caseId === store.caseId) store.recordFailure(event.itemId, event.error);
    });
    return () => {
      offChanged();
      offFailed();
    };
  }, [client, store]);
  return store;
}

/** Re-renders the caller whenever the store's content changes; returns a change counter. */
export function useItemStoreVersion(store: ItemStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
