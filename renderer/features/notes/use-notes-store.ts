import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { VeilClient } from '../../../shared/client.js';
import { NotesStore } from './notes-store';

/** One NotesStore per open case, loaded when the case opens. */
export function useCaseNotesStore(client: VeilClient, caseId: string | null): NotesStore | null {
  const store = useMemo(() => (caseId ? new NotesStore(client, caseId) : null), [client, caseId]);
  useEffect(() => {
    void store?.fetch();
  }, [store]);
  return store;
}

/** Re-renders the caller whenever a note or the storage changes. */
export function useNotesVersion(store: NotesStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
