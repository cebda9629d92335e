import type { FileHandle } from 'node:fs/promises';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  CASE_NOTES_FORMAT,
  CASE_NOTES_VERSION,
  CaseNotesFileSchema,
  notesFileOf,
  withNote,
  type CaseNotes,
  type Note,
  type NotesStorage,
} from '../../../shared/notes/case-notes.js';
import { errorCode } from '../case/error-code.js';
import { keepAside, replaceFileAtomically } from '../platform/durable-write.js';
import { createSerialQueue } from '../ledger/serial-queue.js';
import { caseWorkFilePath } from '../workspace/workspace-location.js';

/**
 * A notes file larger than this is not read (nor ever overwritten): 100,000 notes of a
 * few sentences fit well inside it, and a runaway file must not fill memory.
 */
const MAX_NOTES_FILE_BYTES = 64 * 1024 * 1024;

export interface CaseNotesStore {
  /** The notes and where they are kept; the file is read once, on first use. */
  load(): Promise<CaseNotes>;
  /** Sets (or with empty text removes) the note on one item; the edit is never lost for the session. */
  save(relativePath: string, text: string): Promise<{ note: Note | null; storage: NotesStorage }>;
}

export interface CaseNotesStoreOptions {
  /** The case folder's real path; the notes file goes beside it. */
  caseRoot: string;
  isDemo: boolean;
  /** The chosen notes folder, or null for a file beside the case (settings.notesFolder). */
  notesFolder?: string | null;
  nowMs: () => number;
  /** A unique stamp for temp and kept-aside names. */
  stamp: () => string;
  /** Replaces the notes file atomically; tests pass one that fails as a read-only share would. */
  replaceFile?: (dirPath: string, name: string, stamp: string, bytes: Uint8Array) => Promise<void>;
}

/**
 * `<parent>/<case folder name>.veil-notes.json`, beside the evidence; or, with a notes
 * folder chosen, `<notes folder>/<case folder name> <8 hex of the case path's SHA-256>.veil-notes.json`
 * (two cases with the same folder name stay apart, and the same case finds its notes again).
 */
export function notesFilePath(caseRoot: string, notesFolder: string | null = null): string {
  return caseWorkFilePath(caseRoot, notesFolder, '.veil-notes.json');
}

/** Just enough of the file to tell a newer Veil's notes from damage. */
const NotesVersionSchema = z.object({ format: z.literal(CASE_NOTES_FORMAT), version: z.number().int() });

type Loaded = { notes: Note[]; storage: NotesStorage };
/** What the notes file looked like when this session last read or wrote it. */
type FileIdentity = { ino: number; size: number; mtimeMs: number } | null;

/**
 * One case's notes. Reading never destroys anything: a damaged file is kept aside with
 * its exact bytes before a new one is written, and a file that cannot be read at all is
 * never overwritten (notes then last for the session only, and the user is told).
 */
export function openCaseNotes(options: CaseNotesStoreOptions): CaseNotesStore {
  const notesFolder = options.notesFolder ?? null;
  const filePath = notesFilePath(options.caseRoot, notesFolder);
  const dir = path.dirname(filePath);
  const name = path.basename(filePath);
  const queue = createSerialQueue();
  let loaded: Promise<Loaded> | null = null;

  const sessionOnly = (code: NonNullable<NotesStorage['problem']>['code'], detail: string): NotesStorage => ({
    state: 'session-only',
    location: code === 'demo-case' ? null : filePath,
    problem: { code, detail },
  });

  let lastSeen: FileIdentity = null;

  async function identity(): Promise<FileIdentity> {
    try {
      const { ino, size, mtimeMs } = await stat(filePath);
      return { ino, size, mtimeMs };
    } catch {
      return null;
    }
  }

  async function read(): Promise<Loaded> {
    if (options.isDemo) return { notes: [], storage: sessionOnly('demo-case', '') };
    // A case at the top of a drive has no "beside": the file would land inside the evidence.
    if (notesFolder === null && path.dirname(options.caseRoot) === options.caseRoot)
      return { notes: [], storage: sessionOnly('case-at-root', options.caseRoot) };
    let text: string;
    try {
      lastSeen = await identity();
      text = await readCapped(filePath, MAX_NOTES_FILE_BYTES);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return { notes: [], storage: { state: 'saved', location: filePath, problem: null } };
      return { notes: [], storage: sessionOnly('unreadable', code) };
    }
    const parsed = parseNotesFile(text);
    if (parsed.ok) return { notes: parsed.notes, storage: { state: 'saved', location: filePath, problem: null } };
    // A newer Veil's file is not damaged: leave it alone rather than set it aside.
    if (parsed.newer) return { notes: [], storage: sessionOnly('newer-format', parsed.detail) };
    try {
      const keptAs = await keepAside(dir, name, (stamp) => `${name}.damaged-${stamp}`, options.stamp());
      // The detail is the kept file's name: the user needs it to find the old notes.
      return { notes: [], storage: { state: 'saved', location: filePath, problem: { code: 'kept-aside', detail: keptAs } } };
    } catch (error) {
      return { notes: [], storage: sessionOnly('unreadable', errorCode(error)) };
    }
  }

  const current = (): Promise<Loaded> => (loaded ??= read());

  /**
   * Colleagues may write the same notes file from their own Veil: before an edit is
   * applied, a file that changed since this session last saw it is read again, so the
   * edit lands on their notes instead of replacing them with an old copy.
   */
  async function latest(state: Loaded): Promise<void> {
    if (state.storage.state !== 'saved') return;
    const now = await identity();
    const same =
      now === lastSeen || (now !== null && lastSeen !== null && now.ino === lastSeen.ino && now.size === lastSeen.size && now.mtimeMs === lastSeen.mtimeMs);
    if (same) return;
    const fresh = await read();
    if (fresh.storage.state !== 'saved') {
      state.storage = fresh.storage;
      return;
    }
    // A damaged file found now was kept aside; this session's notes are the best copy left.
    if (fresh.storage.problem === null) state.notes = fresh.notes;
    state.storage = fresh.storage;
  }

  return {
    async load() {
      const { notes, storage } = await current();
      return { notes: [...notes], storage };
    },
    save(relativePath, text) {
      return queue.run(async () => {
        const state = await current();
        await latest(state);
        state.notes = withNote(state.notes, relativePath, text, options.nowMs());
        const note = state.notes.find((candidate) => candidate.relativePath === relativePath) ?? null;
        const problem = state.storage.problem?.code;
        // Never written: the demo case, a case at a drive's root, a file that could not be read or is a newer format.
        if (problem === 'demo-case' || problem === 'case-at-root' || problem === 'unreadable' || problem === 'newer-format')
          return { note, storage: state.storage };
        try {
          const bytes = Buffer.from(`${JSON.stringify(notesFileOf(state.notes), null, 1)}\n`, 'utf8');
          await (options.replaceFile ?? replaceFileAtomically)(dir, name, options.stamp(), bytes);
          lastSeen = await identity();
          // The name of a damaged file kept aside stays in view: it is where the old notes are.
          state.storage = { state: 'saved', location: filePath, problem: problem === 'kept-aside' ? (state.storage.problem ?? null) : null };
        } catch (error) {
          const code = errorCode(error);
          state.storage = sessionOnly('not-writable', code);
        }
        return { note, storage: state.storage };
      });
    },
  };
}

/**
 * Reads a notes file for importing it into the case workspace: its notes, `missing` when there
 * is none, or why it cannot be imported (it is then left as it is and tried again next time).
 */
export async function readNotesFile(filePath: string): Promise<{ state: 'missing' } | { state: 'read'; notes: Note[] } | { state: 'failed'; detail: string }> {
  let text: string;
  try {
    text = await readCapped(filePath, MAX_NOTES_FILE_BYTES);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { state: 'missing' } : { state: 'failed', detail: code };
  }
  const parsed = parseNotesFile(text);
  return parsed.ok ? { state: 'read', notes: parsed.notes } : { state: 'failed', detail: parsed.newer ? `newer-format ${parsed.detail}` : parsed.detail };
}

function parseNotesFile(text: string): { ok: true; notes: Note[] } | { ok: false; newer: boolean; detail: string } {
  let json: unknown;
  try {
    // A byte-order mark (an editor on Windows may add one) is not part of the JSON.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { ok: false, newer: false, detail: 'The notes file is not valid JSON.' };
  }
  const version = NotesVersionSchema.safeParse(json);
  if (version.success && version.data.version > CASE_NOTES_VERSION) {
    return { ok: false, newer: true, detail: String(version.data.version) };
  }
  const result = CaseNotesFileSchema.safeParse(json);
  if (!result.success)
    return { ok: false, newer: false, detail: `The notes file does not match its format (${result.error.issues[0]?.message ?? 'invalid'}).` };
  return { ok: true, notes: result.data.notes };
}

/** Reads a whole file, refusing one larger than `maxBytes` without reading it into memory. */
async function readCapped(filePath: string, maxBytes: number): Promise<string> {
  // A link, folder or pipe at that name is not Veil's file: opening a pipe would hang.
  const stats = await lstat(filePath);
  if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
  let handle: FileHandle | null = null;
  try {
    handle = await open(filePath, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) throw Object.assign(new Error(`the notes file is larger than ${maxBytes} bytes`), { code: 'EFBIG' });
    return await handle.readFile('utf8');
  } finally {
    await handle?.close();
  }
}
