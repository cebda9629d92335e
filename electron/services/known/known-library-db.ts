import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { VeilRequestError } from '../../../shared/contract-errors.js';

/** The one database file in a known-material library folder. */
export const LIBRARY_FILE_NAME = 'known-material.sqlite';
const LIBRARY_SCHEMA_VERSION = 1;
const LOCK_WAIT_MS = 500;

export type LibraryDb = Database.Database;

/**
 * The schema, version 1. One row per record with its hashes as binary (half the size of hex);
 * a partial index per exact hash kind, so a lookup is three index probes whatever the sets'
 * sizes. A set's records are written by one import at a time, so they are one run of rowids,
 * kept on the set (`first_rowid`..`last_rowid`): removing or counting a set walks that range
 * instead of paying for a fourth index on every insert. `complete` is set in the same transaction that ends an import: a row without it can
 * only be left by a crash on a file system that broke its promises, and is removed on open.
 */
const SCHEMA_V1 = `
CREATE TABLE hash_set (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source_file_name TEXT NOT NULL,
  scheme TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at_ms INTEGER NOT NULL,
  record_count INTEGER NOT NULL DEFAULT 0,
  first_rowid INTEGER,
  last_rowid INTEGER,
  bad_count INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1,
  complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE known_record (
  set_id INTEGER NOT NULL,
  place INTEGER NOT NULL,
  category TEXT,
  md5 BLOB,
  sha1 BLOB,
  sha256 BLOB,
  pdq BLOB,
  pdq_quality INTEGER,
  media_id TEXT,
  photodna TEXT
);
CREATE INDEX known_record_md5 ON known_record(md5) WHERE md5 IS NOT NULL;
CREATE INDEX known_record_sha1 ON known_record(sha1) WHERE sha1 IS NOT NULL;
CREATE INDEX known_record_sha256 ON known_record(sha256) WHERE sha256 IS NOT NULL;
CREATE TABLE bad_record (
  set_id INTEGER NOT NULL,
  place INTEGER NOT NULL,
  place_kind TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX bad_record_set ON bad_record(set_id);
`;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN';
}

/**
 * Opens (creating if needed) the library in `folder`. A rollback journal (DELETE), not WAL:
 * a unit may keep its library on a network share, where WAL's shared memory is unsafe.
 * A library from a newer Veil is refused and left untouched.
 */
export function openKnownLibrary(folder: string): LibraryDb {
  const file = path.join(folder, LIBRARY_FILE_NAME);
  let db: LibraryDb;
  try {
    mkdirSync(folder, { recursive: true });
    // Waiting on another workstation's lock blocks this thread: half a second, then a clear refusal.
    db = new Database(file, { timeout: LOCK_WAIT_MS });
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    // Hash indexes take inserts at random places; the default 2 MB page cache made a 1 M-record import disk-bound.
    db.pragma('cache_size = -65536');
  } catch (error) {
    throw VeilRequestError.because({ code: 'known-library-unusable', params: { path: folder, osCode: errorCode(error) } });
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > LIBRARY_SCHEMA_VERSION) {
    db.close();
    throw VeilRequestError.because({ code: 'known-library-newer', params: { path: folder } });
  }
  if (version < 1) {
    db.transaction(() => {
      db.exec(SCHEMA_V1);
      db.pragma(`user_version = ${LIBRARY_SCHEMA_VERSION}`);
    })();
  }
  const leftovers = db.prepare('SELECT id FROM hash_set WHERE complete = 0').pluck().all();
  for (const id of leftovers) removeSetRows(db, Number(id));
  return db;
}

/**
 * A second, read-only connection to an existing library file, for the thread that indexes its
 * PDQ hashes (near-index-worker.ts). Waits on a writer's lock as openKnownLibrary does.
 */
export function openKnownLibraryToRead(file: string): LibraryDb {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version !== LIBRARY_SCHEMA_VERSION) {
    db.close();
    throw new Error(`the known library ${file} has schema version ${version}, not ${LIBRARY_SCHEMA_VERSION}`);
  }
  return db;
}

/** Deletes a set and everything it holds, in one transaction. */
export function removeSetRows(db: LibraryDb, setId: number): boolean {
  return db.transaction(() => {
    const range = db
      .prepare<[number], { first: number | null; last: number | null }>('SELECT first_rowid AS first, last_rowid AS last FROM hash_set WHERE id = ?')
      .get(setId);
    if (range?.first != null && range.last != null) db.prepare('DELETE FROM known_record WHERE rowid BETWEEN ? AND ?').run(range.first, range.last);
    db.prepare('DELETE FROM bad_record WHERE set_id = ?').run(setId);
    return db.prepare('DELETE FROM hash_set WHERE id = ?').run(setId).changes > 0;
  })();
}
