import type { CaseNotes, Note, NotesStorage } from '../../../shared/notes/case-notes.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import type { CaseSession } from '../case/case-session.js';
import { openCaseNotes, type CaseNotesStore } from './case-notes-store.js';

export interface NotesForOpenCase {
  load(caseId: string): Promise<CaseNotes>;
  save(caseId: string, itemId: string, text: string): Promise<{ note: Note | null; storage: NotesStorage }>;
  /** Resolves when every save asked for so far has finished (quitting waits for it). */
  whenWritten(): Promise<void>;
}

/**
 * The notes of whichever case is open: a store per case, made on first use, so opening
 * another case never mixes their notes. Notes are keyed by the item's path in the case
 * (ids are random per session), looked up here so the renderer cannot name any other key.
 */
export function createNotesForOpenCase(deps: {
  session: Pick<CaseSession, 'caseFolder' | 'getItems'>;
  /** settings.notesFolder, read at each use: a changed folder opens a new store. */
  notesFolder: () => string | null;
  nowMs: () => number;
  stamp: () => string;
}): NotesForOpenCase {
  // Keyed by the case folder, not the case id: reopening the same case must find the same
  // store, or a fresh one could read the file before the old one's last write landed.
  let current: { caseId: string; realRoot: string; notesFolder: string | null; store: CaseNotesStore } | null = null;
  const pending = new Set<Promise<unknown>>();

  function storeFor(caseId: string): CaseNotesStore {
    if (current?.caseId === caseId) return current.store;
    const { realRoot, isDemo } = deps.session.caseFolder(caseId);
    const notesFolder = deps.notesFolder();
    const same = current?.realRoot === realRoot && current.notesFolder === notesFolder;
    const store = same && current ? current.store : openCaseNotes({ caseRoot: realRoot, isDemo, notesFolder, nowMs: deps.nowMs, stamp: deps.stamp });
    current = { caseId, realRoot, notesFolder, store };
    return store;
  }

  return {
    load: (caseId) => storeFor(caseId).load(),
    save(caseId, itemId, text) {
      const store = storeFor(caseId);
      const item = deps.session.getItems(caseId, [itemId])[0];
      if (!item) throw VeilRequestError.because(reasonOf('item-not-in-case', {}));
      // A note stays where it was written: under a copy's path when the import since chose
      // another copy of the same bytes to show (case-import.ts), so it is edited, not doubled.
      const saving = store.load().then(({ notes }) => {
        const paths = [item.relativePath, ...item.duplicatePaths];
        const written = paths.find((path) => notes.some((note) => note.relativePath === path));
        return store.save(written ?? item.relativePath, text);
      });
      pending.add(saving);
      void saving.finally(() => pending.delete(saving)).catch(() => undefined);
      return saving;
    },
    async whenWritten() {
      await Promise.allSettled([...pending]);
    },
  };
}
