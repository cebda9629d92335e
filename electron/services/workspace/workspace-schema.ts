import type Database from 'better-sqlite3';

/**
 * The case workspace's schema, in one place. `PRAGMA user_version` holds the version; each
 * entry of MIGRATIONS takes the database from version i to i + 1 inside one transaction (the
 * version is written in the same transaction), so a crash mid-migration leaves the old
 * version intact and the next open runs it again. Never edit a migration that has shipped:
 * workspaces written by it exist on investigators' drives; add the next one instead.
 */

/** Version 1: the items found in the case with their digests, and the investigator's notes. */
const V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE items (
  path TEXT PRIMARY KEY,
  size_bytes INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  md5 TEXT,
  sha1 TEXT,
  sha256 TEXT,
  kind TEXT,
  format TEXT,
  error TEXT
) STRICT;
CREATE INDEX items_sha256 ON items (sha256);
CREATE TABLE notes (path TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at_ms INTEGER NOT NULL) STRICT;
`;

/**
 * Version 2 (part 6): PDQ hashes, duplicate and near-duplicate stacks, and known-material
 * matches. Matches keep the set's name and category as they were when matched: a set removed
 * later must not leave an item's label dangling.
 */
const V2 = `
CREATE TABLE stacks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
  representative_path TEXT NOT NULL
) STRICT;
ALTER TABLE items ADD COLUMN pdq TEXT;
ALTER TABLE items ADD COLUMN pdq_quality INTEGER;
ALTER TABLE items ADD COLUMN stack_id INTEGER REFERENCES stacks (id) ON DELETE SET NULL;
CREATE INDEX items_stack ON items (stack_id);
CREATE TABLE matches (
  path TEXT NOT NULL REFERENCES items (path) ON DELETE CASCADE,
  set_id TEXT NOT NULL,
  set_name TEXT NOT NULL,
  hash_type TEXT NOT NULL CHECK (hash_type IN ('md5', 'sha1', 'sha256', 'pdq')),
  category TEXT,
  distance INTEGER,
  PRIMARY KEY (path, set_id, hash_type)
) STRICT;
`;

/**
 * Version 3: a file's status change time, inode and device, so a file whose permissions,
 * bytes (with its time set back) or drive changed is read again. REAL: inode and device
 * numbers can pass 2^63, and are compared as the doubles Node gives. Rows from before have
 * none and count as changed.
 */
const V3 = `
ALTER TABLE items ADD COLUMN ctime_ms REAL;
ALTER TABLE items ADD COLUMN ino REAL;
ALTER TABLE items ADD COLUMN dev REAL;
`;

/**
 * Version 4: a picture's width and height in pixels, learnt with its PDQ hash, so a stack's
 * largest picture represents it after a reopen without decoding anything again. Rows from
 * before have none: their stacks fall back to the largest file.
 */
const V4_PICTURE_SIZE = `
ALTER TABLE items ADD COLUMN width_px INTEGER;
ALTER TABLE items ADD COLUMN height_px INTEGER;
`;

/**
 * Version 5 (part 7): the review record. Every decision is a new row, never changed or removed
 * (the triggers refuse it), so an item's history is the record of who decided what, when, and
 * what was undone. No foreign key to items: a file's history outlives a re-import that drops
 * it. (action_id, path) is unique so a write retried after its reply was lost adds nothing.
 */
const V5_DECISIONS = `
CREATE TABLE decisions (
  seq INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL,
  path TEXT NOT NULL,
  category TEXT,
  source TEXT NOT NULL CHECK (source IN ('investigator', 'hash-set', 'stack')),
  cause TEXT NOT NULL CHECK (cause IN ('decision', 'undo', 'redo')),
  user_name TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  UNIQUE (action_id, path)
) STRICT;
CREATE INDEX decisions_path ON decisions (path, seq);
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
`;

/**
 * Authorisations to open a file the referral locks (warrant or order reference and its date),
 * append-only like decisions: the record of why pixels were opened must not be rewritten. The
 * item is named by its path inside the case, as decisions are; the latest line for a path holds.
 */
const V6_AUTHORISATIONS = `
CREATE TABLE authorisations (
  seq INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  reference TEXT NOT NULL CHECK (length(trim(reference)) > 0),
  date_iso TEXT NOT NULL,
  user_name TEXT NOT NULL,
  at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX authorisations_path ON authorisations (path, seq);
CREATE TRIGGER authorisations_no_update BEFORE UPDATE ON authorisations BEGIN SELECT RAISE(ABORT, 'authorisations are append-only'); END;
CREATE TRIGGER authorisations_no_delete BEFORE DELETE ON authorisations BEGIN SELECT RAISE(ABORT, 'authorisations are append-only'); END;
`;

/**
 * Version 7: the typed reason an investigator gave for overruling a hash set's category. Rows
 * from before have none (no overrule was possible then). The CHECK keeps a blank or overlong
 * reason out even when written straight into the file; the append-only triggers still hold.
 */
const V7_DECISION_REASONS = `
ALTER TABLE decisions ADD COLUMN reason TEXT CHECK (reason IS NULL OR length(trim(reason)) BETWEEN 3 AND 500);
`;

/** MIGRATIONS[i] migrates version i to version i + 1 (version 0 is an empty database). */
const WORKSPACE_MIGRATIONS: readonly string[] = [V1, V2, V3, V4_PICTURE_SIZE, V5_DECISIONS, V6_AUTHORISATIONS, V7_DECISION_REASONS];
export const WORKSPACE_SCHEMA_VERSION = WORKSPACE_MIGRATIONS.length;

/** The schema version written in the database's header (0 for a new, empty file). */
export function schemaVersionOf(db: Database.Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('user_version is not a number');
  return version;
}

/**
 * Brings the database to `target` (default: this Veil's version), one transaction per step.
 * The caller has already refused a database newer than this Veil. Returns the version found.
 */
export function migrateWorkspace(db: Database.Database, target: number = WORKSPACE_SCHEMA_VERSION): number {
  const found = schemaVersionOf(db);
  if (found > WORKSPACE_SCHEMA_VERSION) throw new Error(`workspace schema ${found} is newer than ${WORKSPACE_SCHEMA_VERSION}`);
  for (let version = found; version < target; version += 1) {
    const step = WORKSPACE_MIGRATIONS[version];
    if (step === undefined) throw new Error(`no migration from workspace schema ${version}`);
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return found;
}
