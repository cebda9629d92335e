import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { VeilClient } from '../../../shared/client.js';
import { NotesStore } from './notes-store';

/** One NotesStore per open case and notes folder, loaded when either changes. */
export function useCaseNotesStore(client: VeilClient, caseId: string | null, notesFolder: string | null): NotesStore | null {
  // notesFolder is not read here: a new folder means other notes, so a fresh store fetches them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => (caseId ? new NotesStore(client, caseId) : null), [client, caseId, notesFolder]);
  useEffect(() => {
    void store?.fetch();
  }, [store]);
  return store;
}

/** Re-renders the caller whenever a note or the storage changes. */
export function useNotesVersion(store: NotesStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
