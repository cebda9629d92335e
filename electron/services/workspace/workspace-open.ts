import Database from 'better-sqlite3';
import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { NoteSchema, type Note } from '../../../shared/notes/case-notes.js';
import { errorCode } from '../case/error-code.js';
import { readNotesFile } from '../notes/case-notes-store.js';
import { acquireDataFolderLock, DataFolderInUseError, type DataFolderLock } from '../platform/data-folder-lock.js';
import { keepAside } from '../platform/durable-write.js';
import { migrateWorkspace, schemaVersionOf, WORKSPACE_SCHEMA_VERSION } from './workspace-schema.js';
import type { OpenArgs, WorkspaceProblem, WorkspaceStatus } from './workspace-protocol.js';

/** An open workspace as the worker holds it: no connection when there is nothing to read. */
export interface OpenedWorkspace {
  db: Database.Database | null;
  lock: DataFolderLock | null;
  status: WorkspaceStatus;
}

/** How long a query waits for another Veil's transaction (a reader beside the writer) before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** The meta key that records the old notes file's import, so it happens once per workspace. */
const NOTES_IMPORT_KEY = 'notes-imported-from';

/** SQLite's codes for "this is not a sound database", as opposed to "cannot get at it". */
function isDamage(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
}

type Inspected = { state: 'ok'; db: Database.Database } | { state: 'newer'; version: number } | { state: 'damaged'; detail: string };

/**
 * Opens an existing file and judges it before anything is written: the version is read
 * first, so a newer Veil's workspace (perhaps in WAL mode) is closed untouched, not converted.
 */
function inspect(filePath: string, readonly: boolean): Inspected {
  const db = new Database(filePath, { fileMustExist: true, readonly });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = schemaVersionOf(db);
    if (version > WORKSPACE_SCHEMA_VERSION) {
      db.close();
      return { state: 'newer', version };
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      db.close();
      return { state: 'damaged', detail: String(check) };
    }
    return { state: 'ok', db };
  } catch (error) {
    db.close();
    if (isDamage(error)) return { state: 'damaged', detail: errorCode(error) };
    throw error;
  }
}

/**
 * Rollback journal, not WAL: WAL needs shared memory that network file systems do not give,
 * and cases often sit on a share. FULL sync: a committed edit survives a power cut.
 */
function configureWriter(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Notes that can still be read from a damaged copy: often only other pages are hurt. */
function salvageNotes(keptPath: string): Note[] {
  try {
    const db = new Database(keptPath, { fileMustExist: true, readonly: true });
    try {
      const rows = db.prepare('SELECT path AS relativePath, text, updated_at_ms AS updatedAtMs FROM notes').all();
      return rows.flatMap((row) => {
        const note = NoteSchema.safeParse(row);
        return note.success ? [note.data] : [];
      });
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/** Puts notes in, keeping whichever copy of a note was saved last. Returns how many were written. */
function mergeNotes(db: Database.Database, notes: readonly Note[]): number {
  const upsert = db.prepare(
    `INSERT INTO notes (path, text, updated_at_ms) VALUES (@relativePath, @text, @updatedAtMs)
     ON CONFLICT (path) DO UPDATE SET text = excluded.text, updated_at_ms = excluded.updated_at_ms
     WHERE excluded.updated_at_ms > notes.updated_at_ms`,
  );
  return notes.reduce((count, note) => count + upsert.run(note).changes, 0);
}

/**
 * Imports the notes file once: the import and its record in `meta` are one transaction, so a
 * crash imports again rather than never. The file itself is never changed or removed. Notes
 * are keyed by path, so a note written on a duplicate copy keeps that copy's path.
 */
async function importNotesOnce(db: Database.Database, legacyNotesPath: string | null, nowMs: number): Promise<number | null> {
  if (legacyNotesPath === null) return null;
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(NOTES_IMPORT_KEY) !== undefined) return null;
  const read = await readNotesFile(legacyNotesPath);
  // An unreadable or damaged file is left for the next open (and for the user); nothing is marked done.
  if (read.state === 'failed') return null;
  const notes = read.state === 'read' ? read.notes : [];
  const record = JSON.stringify({ path: legacyNotesPath, notes: notes.length, atMs: Math.floor(nowMs) });
  return db.transaction(() => {
    const written = mergeNotes(db, notes);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(NOTES_IMPORT_KEY, record);
    return written;
  })();
}

/** Opens as the one writer when the lock can be taken, read-only otherwise. */
export async function openWorkspaceDb(args: OpenArgs): Promise<OpenedWorkspace> {
  const dir = path.dirname(args.filePath);
  let lock: DataFolderLock;
  try {
    lock = acquireDataFolderLock(dir, { fileName: `${path.basename(args.filePath)}.lock`, pid: args.pid, nowMs: args.nowMs, host: args.host });
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      return openReadOnly(args.filePath, { code: 'workspace-in-use', holderPid: error.holder.pid, holderHost: error.holder.host });
    }
    return openReadOnly(args.filePath, { code: 'workspace-not-writable', osCode: errorCode(error) });
  }
  try {
    return await openAsWriter(args, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openAsWriter(args: OpenArgs, lock: DataFolderLock): Promise<OpenedWorkspace> {
  const { filePath } = args;
  const dir = path.dirname(filePath);
  const name = path.basename(filePath);
  const status = (mode: WorkspaceStatus['mode'], problem: WorkspaceProblem | null, notesImported: number | null = null): WorkspaceStatus => ({
    mode,
    filePath,
    problem,
    notesImported,
  });
  let db: Database.Database | null = null;
  let keptAs: string | null = null;
  let salvaged: Note[] = [];
  if (existsSync(filePath)) {
    let inspected: Inspected;
    try {
      inspected = inspect(filePath, false);
    } catch (error) {
      lock.release();
      return { db: null, lock: null, status: status('unavailable', { code: 'workspace-unreadable', osCode: errorCode(error) }) };
    }
    if (inspected.state === 'newer') {
      lock.release();
      return { db: null, lock: null, status: status('unavailable', { code: 'workspace-newer', version: inspected.version }) };
    }
    if (inspected.state === 'ok') db = inspected.db;
    else {
      // Kept byte for byte (a hard link, or a synced copy) before the name is reused; a
      // journal beside it goes too, or SQLite would "roll back" old pages into the new file.
      keptAs = await keepAside(dir, name, (stamp) => `${name}.damaged-${stamp}`, args.stamp);
      const journal = `${name}-journal`;
      if (existsSync(path.join(dir, journal))) {
        await keepAside(dir, journal, (stamp) => `${journal}.damaged-${stamp}`, args.stamp);
        unlinkSync(path.join(dir, journal));
      }
      unlinkSync(filePath);
      salvaged = salvageNotes(path.join(dir, keptAs));
    }
  }
  db ??= new Database(filePath);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    configureWriter(db);
    migrateWorkspace(db);
    const fromKept = salvaged.length > 0 ? mergeNotes(db, salvaged) : 0;
    const imported = await importNotesOnce(db, args.legacyNotesPath, args.nowMs);
    const problem: WorkspaceProblem | null = keptAs === null ? null : { code: 'workspace-kept-aside', keptAs, recoveredNotes: fromKept + (imported ?? 0) };
    return { db, lock, status: status('read-write', problem, imported) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Another Veil writes this workspace (or nobody may): read what is there, write nothing. */
function openReadOnly(filePath: string, why: WorkspaceProblem): OpenedWorkspace {
  const status = (mode: WorkspaceStatus['mode'], problem: WorkspaceProblem): WorkspaceStatus => ({ mode, filePath, problem, notesImported: null });
  if (!existsSync(filePath)) return { db: null, lock: null, status: status('read-only', why) };
  let inspected: Inspected;
  try {
    inspected = inspect(filePath, true);
  } catch (error) {
    return { db: null, lock: null, status: status('unavailable', { code: 'workspace-unreadable', osCode: errorCode(error) }) };
  }
  if (inspected.state === 'newer') return { db: null, lock: null, status: status('unavailable', { code: 'workspace-newer', version: inspected.version }) };
  if (inspected.state === 'damaged') return { db: null, lock: null, status: status('unavailable', { code: 'workspace-damaged', detail: inspected.detail }) };
  // An older schema is the writer's to migrate; until it has, there is nothing this Veil can read.
  if (schemaVersionOf(inspected.db) !== WORKSPACE_SCHEMA_VERSION) {
    inspected.db.close();
    return { db: null, lock: null, status: status('read-only', why) };
  }
  return { db: inspected.db, lock: null, status: status('read-only', why) };
}
