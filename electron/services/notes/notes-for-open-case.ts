import type { CaseNotes, Note, NotesStorage } from '../../../shared/notes/case-notes.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import type { CaseSession } from '../case/case-session.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { openCaseNotes, type CaseNotesStore } from './case-notes-store.js';
import { openWorkspaceNotes } from './workspace-notes-store.js';

export interface NotesForOpenCase {
  load(caseId: string): Promise<CaseNotes>;
  save(caseId: string, itemId: string, text: string): Promise<{ note: Note | null; storage: NotesStorage }>;
  /** Resolves when every save asked for so far has finished (quitting waits for it). */
  whenWritten(): Promise<void>;
  /** The case's workspace, shared with its import (one writer per case), or null without one. */
  workspace(caseId: string): Promise<CaseWorkspace | null>;
  /** Leaving the open case closes its workspace only once `work` (its import's last writes) has ended too. */
  keepOpenFor(work: Promise<unknown>): void;
  /** Closes the open case's workspace (its thread and lock) after the last save; quitting calls it. */
  close(): Promise<void>;
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
  /**
   * Opens a case's workspace (workspace-client.ts). Given, notes live in the workspace and the
   * old notes file is imported once; absent (tests of the file store), in the notes file.
   */
  openWorkspace?: (filePath: string, legacyNotesPath: string) => Promise<CaseWorkspace>;
}): NotesForOpenCase {
  // Keyed by the case folder, not the case id: reopening the same case must find the same
  // store, or a fresh one could read the file before the old one's last write landed.
  let current: {
    caseId: string;
    realRoot: string;
    notesFolder: string | null;
    store: CaseNotesStore & { close?: () => Promise<void>; workspace?: () => Promise<CaseWorkspace | null> };
  } | null = null;
  const pending = new Set<Promise<unknown>>();
  /** Stores being closed, by workspace: reopening one waits for its close. */
  const closing = new Map<string, Promise<unknown>>();
  function track(work: Promise<unknown>): void {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
  }

  function storeFor(caseId: string): NonNullable<typeof current>['store'] {
    if (current?.caseId === caseId) return current.store;
    const { realRoot, isDemo } = deps.session.caseFolder(caseId);
    const notesFolder = deps.notesFolder();
    const same = current?.realRoot === realRoot && current.notesFolder === notesFolder;
    if (same && current) {
      current = { ...current, caseId };
      return current.store;
    }
    // The previous case's workspace is let go once its last save is in (one writer per case: another Veil may want it).
    const previous = current;
    if (previous?.store.close) {
      const key = workspaceKey(previous.realRoot, previous.notesFolder);
      const closed = Promise.allSettled([...pending]).then(() => previous.store.close?.());
      closing.set(key, closed);
      track(closed);
      void closed.finally(() => closing.get(key) === closed && closing.delete(key)).catch(() => undefined);
    }
    const openWorkspace = deps.openWorkspace;
    const key = workspaceKey(realRoot, notesFolder);
    const store = openWorkspace
      ? openWorkspaceNotes({
          caseRoot: realRoot,
          isDemo,
          notesFolder,
          nowMs: deps.nowMs,
          // Back to a case just left: its workspace opens once the old store's last save is in and it let go.
          openWorkspace: async (filePath, legacyNotesPath) => {
            await closing.get(key)?.catch(() => undefined);
            return openWorkspace(filePath, legacyNotesPath);
          },
        })
      : openCaseNotes({ caseRoot: realRoot, isDemo, notesFolder, nowMs: deps.nowMs, stamp: deps.stamp });
    current = { caseId, realRoot, notesFolder, store };
    return store;
  }

  return {
    load: (caseId) => storeFor(caseId).load(),
    workspace: async (caseId) => (await storeFor(caseId).workspace?.()) ?? null,
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
      track(saving);
      return saving;
    },
    keepOpenFor: track,
    async whenWritten() {
      await Promise.allSettled([...pending]);
    },
    async close() {
      await Promise.allSettled([...pending]);
      await current?.store.close?.();
    },
  };
}

function workspaceKey(realRoot: string, notesFolder: string | null): string {
  return JSON.stringify([realRoot, notesFolder]);
}
