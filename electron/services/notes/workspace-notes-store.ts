import path from 'node:path';
import { withNote, type Note, type NotesStorage } from '../../../shared/notes/case-notes.js';
import { errorCode } from '../case/error-code.js';
import { createSerialQueue } from '../ledger/serial-queue.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { workspaceFilePath } from '../workspace/workspace-location.js';
import type { WorkspaceStatus } from '../workspace/workspace-protocol.js';
import { notesFilePath, type CaseNotesStore } from './case-notes-store.js';

export interface WorkspaceNotesOptions {
  /** The case folder's real path; the workspace goes beside it (or in the notes folder). */
  caseRoot: string;
  isDemo: boolean;
  /** settings.notesFolder, or null for beside the case. */
  notesFolder: string | null;
  nowMs: () => number;
  /** Opens the case workspace in its worker thread (workspace-client.ts), importing the old notes file once. */
  openWorkspace: (filePath: string, legacyNotesPath: string) => Promise<CaseWorkspace>;
}

/** A notes store the caller can close: it holds the workspace's thread and lock. */
export interface WorkspaceNotesStore extends CaseNotesStore {
  close(): Promise<void>;
  /** The case's workspace (the case import keeps its files there too), or null when notes cannot be kept in one. */
  workspace(): Promise<CaseWorkspace | null>;
}

/**
 * How the workspace's state reads in the notes contract. Notes that cannot be written last
 * for the session, as they always have: a second Veil on the case, a newer Veil's workspace,
 * one that cannot be read.
 */
function storageOf(status: WorkspaceStatus): NotesStorage {
  const location = status.filePath;
  const problem = status.problem;
  if (status.mode === 'read-write') {
    // The detail is the kept file's name: the user needs it to find the old workspace.
    return { state: 'saved', location, problem: problem?.code === 'workspace-kept-aside' ? { code: 'kept-aside', detail: problem.keptAs } : null };
  }
  const sessionOnly = (code: NonNullable<NotesStorage['problem']>['code'], detail: string): NotesStorage => ({
    state: 'session-only',
    location,
    problem: { code, detail },
  });
  switch (problem?.code) {
    case 'workspace-newer':
      return sessionOnly('newer-format', String(problem.version));
    case 'workspace-unreadable':
      return sessionOnly('unreadable', problem.osCode);
    case 'workspace-damaged':
      return sessionOnly('unreadable', problem.detail);
    case 'workspace-not-writable':
      return sessionOnly('not-writable', problem.osCode);
    case 'workspace-in-use':
      return sessionOnly('in-use', String(problem.holderPid));
    default:
      return sessionOnly('unreadable', status.mode);
  }
}

/**
 * One case's notes, kept in its workspace (the old `.veil-notes.json` is imported once, and
 * kept). Same contract as the notes file had (case-notes-store.ts): an edit is never lost for
 * the session, and the user is told when notes will not outlast it.
 */
export function openWorkspaceNotes(options: WorkspaceNotesOptions): WorkspaceNotesStore {
  const queue = createSerialQueue();
  const filePath = workspaceFilePath(options.caseRoot, options.notesFolder);
  type State = { workspace: CaseWorkspace | null; notes: Note[]; storage: NotesStorage };
  let state: Promise<State> | null = null;
  const unsaved = new Set<string>();

  async function open(): Promise<State> {
    if (options.isDemo) return { workspace: null, notes: [], storage: { state: 'session-only', location: null, problem: { code: 'demo-case', detail: '' } } };
    // A case at the top of a drive has no "beside": the file would land inside the evidence.
    if (options.notesFolder === null && path.dirname(options.caseRoot) === options.caseRoot)
      return {
        workspace: null,
        notes: [],
        storage: { state: 'session-only', location: filePath, problem: { code: 'case-at-root', detail: options.caseRoot } },
      };
    // A notes folder inside the case would put the workspace (and its journal and lock) into the evidence.
    if (options.notesFolder !== null && isInside(options.notesFolder, options.caseRoot))
      return {
        workspace: null,
        notes: [],
        storage: { state: 'session-only', location: filePath, problem: { code: 'folder-in-case', detail: options.notesFolder } },
      };
    let workspace: CaseWorkspace;
    try {
      workspace = await options.openWorkspace(filePath, notesFilePath(options.caseRoot, options.notesFolder));
    } catch (error) {
      return { workspace: null, notes: [], storage: { state: 'session-only', location: filePath, problem: { code: 'unreadable', detail: errorCode(error) } } };
    }
    try {
      return { workspace, notes: await workspace.listNotes(), storage: storageOf(workspace.status) };
    } catch (error) {
      // Notes that cannot be read (a damaged row, the database thread gone): let go of the
      // workspace and its lock, and keep this session's edits in memory, saying so.
      await workspace.close().catch(() => undefined);
      return { workspace: null, notes: [], storage: { state: 'session-only', location: filePath, problem: { code: 'unreadable', detail: errorCode(error) } } };
    }
  }
  const current = (): Promise<State> => (state ??= open());

  return {
    async load() {
      const { notes, storage } = await current();
      return { notes: [...notes], storage };
    },
    save(relativePath, text) {
      return queue.run(async () => {
        const now = await current();
        const nowMs = options.nowMs();
        now.notes = withNote(now.notes, relativePath, text, nowMs);
        const note = now.notes.find((candidate) => candidate.relativePath === relativePath) ?? null;
        const workspace = now.workspace;
        if (workspace === null || workspace.status.mode !== 'read-write') return { note, storage: now.storage };
        // Edits a refused write kept for the session go in with this one once writing works again.
        unsaved.add(relativePath);
        try {
          for (const pathToSave of [...unsaved]) {
            const kept = now.notes.find((candidate) => candidate.relativePath === pathToSave);
            await workspace.saveNote(pathToSave, kept?.text ?? '', kept?.updatedAtMs ?? nowMs);
            unsaved.delete(pathToSave);
          }
          now.storage = storageOf(workspace.status);
        } catch (error) {
          now.storage = { state: 'session-only', location: filePath, problem: { code: 'not-writable', detail: errorCode(error) } };
        }
        return { note, storage: now.storage };
      });
    },
    workspace: async () => (await current()).workspace,
    async close() {
      await queue.run(async () => undefined);
      const opened = state === null ? null : await state.catch(() => null);
      await opened?.workspace?.close();
    },
  };
}

/** True when `folder` is `root` itself or anywhere under it (both real, absolute paths). */
function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, path.resolve(folder));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
