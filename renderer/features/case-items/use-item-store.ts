import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { VeilClient } from '../../../shared/client.js';
import { ItemStore } from './item-store';

/**
 * One ItemStore per open case, kept in step with the back end: caseChanged for the
 * same case marks pages stale (refetched as they are looked at), itemFailed records
 * the reason on the item's tile.
 */
export function useCaseItemStore(client: VeilClient, caseId: string | null): ItemStore | null {
  const store = useMemo(() => (caseId ? new ItemStore(client, caseId) : null), [client, caseId]);
  useEffect(() => {
    if (!store) return undefined;
    const offChanged = client.on('caseChanged', (summary) => {
      if (summary.caseId === store.caseId) store.invalidate();
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
