import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateWorkspace, schemaVersionOf, WORKSPACE_SCHEMA_VERSION } from '../../../electron/services/workspace/workspace-schema.js';
import { ItemRowSchema } from '../../../electron/services/workspace/workspace-protocol.js';
import { prepareWorkspaceQueries } from '../../../electron/services/workspace/workspace-queries.js';
import { prepareDecisionQueries } from '../../../electron/services/workspace/workspace-decision-queries.js';
import { itemRow } from '../../fixtures/workspace/item-rows.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-schema-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workspace as the first release wrote it: schema 1, with an item and a note. */
function versionOneFixture(file: string): void {
  const db = new Database(file);
  migrateWorkspace(db, 1);
  db.prepare(
    "INSERT INTO items (path, size_bytes, mtime_ms, md5, sha1, sha256, kind, format, error) VALUES ('a.jpg', 10, 20, ?, ?, ?, 'image', 'jpeg', NULL)",
  ).run('a'.repeat(32), 'b'.repeat(40), 'c'.repeat(64));
  db.prepare("INSERT INTO notes (path, text, updated_at_ms) VALUES ('a.jpg', 'note', 30)").run();
  db.close();
}

describe('workspace schema migrations', () => {
  it('creates the current schema in a new file', () => {
    const db = new Database(path.join(dir, 'new.sqlite'));
    expect(migrateWorkspace(db)).toBe(0);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['authorisations', 'decisions', 'items', 'matches', 'meta', 'notes', 'stacks']);
    db.close();
  });

  it('brings a version 1 workspace to the current version keeping its items and notes', () => {
    const file = path.join(dir, 'v1.sqlite');
    versionOneFixture(file);
    const db = new Database(file);
    expect(migrateWorkspace(db)).toBe(1);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    const queries = prepareWorkspaceQueries(db);
    const items = () => queries.readItems(0, 10).items.map((row) => ItemRowSchema.parse(row));
    expect(items()).toEqual([
      {
        path: 'a.jpg',
        sizeBytes: 10,
        mtimeMs: 20,
        ctimeMs: null,
        ino: null,
        dev: null,
        md5: 'a'.repeat(32),
        sha1: 'b'.repeat(40),
        sha256: 'c'.repeat(64),
        pdq: null,
        pdqQuality: null,
        widthPx: null,
        heightPx: null,
        kind: 'image',
        format: 'jpeg',
        error: null,
      },
    ]);
    expect(queries.listNotes()).toEqual([{ relativePath: 'a.jpg', text: 'note', updatedAtMs: 30 }]);
    // What version 2 added works: a PDQ hash and a stack on the migrated item.
    queries.putItems([itemRow(1, { path: 'a.jpg', pdq: 'd'.repeat(64), pdqQuality: 80 })]);
    db.prepare("INSERT INTO stacks (id, kind, representative_path) VALUES (1, 'exact', 'a.jpg')").run();
    db.prepare("UPDATE items SET stack_id = 1 WHERE path = 'a.jpg'").run();
    db.prepare("INSERT INTO matches (path, set_id, set_name, hash_type, category) VALUES ('a.jpg', 's1', 'Set', 'md5', '1')").run();
    expect(items()[0]?.pdqQuality).toBe(80);
    db.close();
  });

  it('brings a version 3 workspace to version 4: its PDQ hashes stay, pictures’ sizes are unknown until learnt, then kept', () => {
    const file = path.join(dir, 'v3.sqlite');
    const old = new Database(file);
    migrateWorkspace(old, 3);
    old
      .prepare(
        `INSERT INTO items (path, size_bytes, mtime_ms, ctime_ms, ino, dev, md5, sha1, sha256, pdq, pdq_quality, kind, format, error)
         VALUES ('a.jpg', 10, 20, 21, 22, 23, ?, ?, ?, ?, 90, 'image', 'jpeg', NULL)`,
      )
      .run('a'.repeat(32), 'b'.repeat(40), 'c'.repeat(64), 'd'.repeat(64));
    old.close();

    const db = new Database(file);
    expect(migrateWorkspace(db)).toBe(3);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    const queries = prepareWorkspaceQueries(db);
    const row = () => ItemRowSchema.parse(queries.readItems(0, 10).items[0]);
    expect(row()).toMatchObject({ pdq: 'd'.repeat(64), pdqQuality: 90, widthPx: null, heightPx: null });
    queries.putPdq([{ path: 'a.jpg', pdq: 'e'.repeat(64), pdqQuality: 80, widthPx: 4000, heightPx: 3000 }]);
    expect(row()).toMatchObject({ pdq: 'e'.repeat(64), widthPx: 4000, heightPx: 3000 });
    // A file read again (it changed) loses the old picture's size with its old hash.
    queries.putItems([itemRow(1, { path: 'a.jpg' })]);
    expect(row()).toMatchObject({ pdq: null, widthPx: null, heightPx: null });
    db.close();
  });

  it('runs a migration again after a crash in it: the version moves only with the schema', () => {
    const file = path.join(dir, 'half.sqlite');
    versionOneFixture(file);
    const db = new Database(file);
    // A step that fails halfway (as a crash would stop it) leaves version 1 and no part of version 2.
    db.exec('CREATE TABLE stacks (id INTEGER PRIMARY KEY)');
    expect(() => migrateWorkspace(db)).toThrow(/stacks already exists/);
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM pragma_table_info('items') WHERE name = 'pdq'").pluck().get()).toBe(0);
    db.exec('DROP TABLE stacks');
    expect(migrateWorkspace(db)).toBe(1);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    db.close();
  });

  it('brings a version 5 workspace to the current version: its decisions stay, authorisations are kept and can never be changed or removed', () => {
    const file = path.join(dir, 'v5.sqlite');
    const old = new Database(file);
    migrateWorkspace(old, 5);
    old
      .prepare(
        "INSERT INTO decisions (action_id, path, category, source, cause, user_name, at_ms) VALUES (1, 'a.jpg', '1', 'investigator', 'decision', 'inv', 10)",
      )
      .run();
    old.close();
    const db = new Database(file);
    expect(migrateWorkspace(db)).toBe(5);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(db.prepare('SELECT COUNT(*) FROM decisions').pluck().get()).toBe(1);
    const insert = db.prepare('INSERT INTO authorisations (path, reference, date_iso, user_name, at_ms) VALUES (?, ?, ?, ?, ?)');
    insert.run('a.jpg', 'W-2026-0042', '2026-12-01', 'inv', 20);
    expect(db.prepare('SELECT path, reference, date_iso AS dateIso FROM authorisations').all()).toEqual([
      { path: 'a.jpg', reference: 'W-2026-0042', dateIso: '2026-12-01' },
    ]);
    // A blank reference is no authorisation, even written straight into the file.
    expect(() => insert.run('b.jpg', '   ', '2026-12-01', 'inv', 30)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE authorisations SET reference = 'other'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM authorisations').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT COUNT(*) FROM authorisations').pluck().get()).toBe(1);
    db.close();
  });

  it('brings a version 6 workspace to version 7: its decisions stay without a reason, an overrule’s reason is kept and checked, the record stays append-only', () => {
    const file = path.join(dir, 'v6.sqlite');
    const old = new Database(file);
    migrateWorkspace(old, 6);
    old
      .prepare("INSERT INTO decisions (action_id, path, category, source, cause, user_name, at_ms) VALUES (1, 'a.jpg', '1', 'hash-set', 'decision', 'inv', 10)")
      .run();
    old.close();
    const db = new Database(file);
    expect(migrateWorkspace(db)).toBe(6);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION);
    const queries = prepareDecisionQueries(db);
    queries.appendDecisions([
      { actionId: 2, itemPath: 'a.jpg', category: '0', source: 'investigator', cause: 'decision', userName: 'inv', atMs: 20, reason: 'Adult, age confirmed' },
    ]);
    const [before, overruled, ...rest] = queries.itemHistory('a.jpg');
    expect(before).toMatchObject({ actionId: 1, category: '1' });
    expect(before).not.toHaveProperty('reason');
    expect(overruled).toMatchObject({ actionId: 2, category: '0', reason: 'Adult, age confirmed' });
    expect(rest).toEqual([]);
    // A blank or overlong reason is no reason, even written straight into the file.
    const insert = db.prepare(
      "INSERT INTO decisions (action_id, path, category, source, cause, user_name, at_ms, reason) VALUES (?, 'a.jpg', '2', 'investigator', 'decision', 'inv', 30, ?)",
    );
    expect(() => insert.run(3, '  a  ')).toThrow(/CHECK/);
    expect(() => insert.run(4, 'x'.repeat(501))).toThrow(/CHECK/);
    expect(() => insert.run(5, '😀😀')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE decisions SET reason = 'changed later'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decisions WHERE reason IS NOT NULL').run()).toThrow(/append-only/);
    expect(queries.itemHistory('a.jpg')).toHaveLength(2);
    db.close();
  });

  it('never migrates a workspace from a newer Veil', () => {
    const db = new Database(path.join(dir, 'newer.sqlite'));
    db.pragma(`user_version = ${WORKSPACE_SCHEMA_VERSION + 1}`);
    expect(() => migrateWorkspace(db)).toThrow(/newer/);
    expect(schemaVersionOf(db)).toBe(WORKSPACE_SCHEMA_VERSION + 1);
    db.close();
  });
});
