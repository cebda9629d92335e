import type Database from 'better-sqlite3';
import { z } from 'zod';
import { NoteSchema, withNote, type Note } from '../../../shared/notes/case-notes.js';
import { ItemRowSchema, type FileStamp, type ItemRow } from './workspace-protocol.js';

/**
 * The workspace's queries, prepared once per connection. They run only in the worker thread
 * (workspace-worker.ts); other services ask the workspace, they never write SQL themselves.
 * Rows coming back from SQLite are validated like any other input: a file edited by hand or
 * by a buggy older build must give an error, not a wrong item.
 */
export interface WorkspaceQueries {
  putItems(items: readonly ItemRow[]): void;
  readItems(afterRowId: number, limit: number): { items: ItemRow[]; nextRowId: number | null };
  changedFiles(files: readonly FileStamp[]): string[];
  listNotes(): Note[];
  saveNote(relativePath: string, text: string, nowMs: number): Note | null;
}

const ItemSqlRowSchema = z.object({
  rowId: z.number().int(),
  path: z.string(),
  sizeBytes: z.number(),
  mtimeMs: z.number(),
  md5: z.string().nullable(),
  sha1: z.string().nullable(),
  sha256: z.string().nullable(),
  pdq: z.string().nullable(),
  pdqQuality: z.number().nullable(),
  kind: z.string().nullable(),
  format: z.string().nullable(),
  error: z.string().nullable(),
});
const StampSqlRowSchema = z.object({ sizeBytes: z.number(), mtimeMs: z.number() });
const NoteSqlRowSchema = z.object({ relativePath: z.string(), text: z.string(), updatedAtMs: z.number() });

const ITEM_COLUMNS = `rowid AS rowId, path, size_bytes AS sizeBytes, mtime_ms AS mtimeMs, md5, sha1, sha256, pdq,
  pdq_quality AS pdqQuality, kind, format, error`;

/** Prepares the queries on an open, migrated connection. */
export function prepareWorkspaceQueries(db: Database.Database): WorkspaceQueries {
  const upsertItem = db.prepare(
    `INSERT INTO items (path, size_bytes, mtime_ms, md5, sha1, sha256, pdq, pdq_quality, kind, format, error)
     VALUES (@path, @sizeBytes, @mtimeMs, @md5, @sha1, @sha256, @pdq, @pdqQuality, @kind, @format, @error)
     ON CONFLICT (path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms, md5 = excluded.md5,
       sha1 = excluded.sha1, sha256 = excluded.sha256, pdq = excluded.pdq, pdq_quality = excluded.pdq_quality,
       kind = excluded.kind, format = excluded.format, error = excluded.error`,
  );
  const itemsPage = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  const stampOf = db.prepare('SELECT size_bytes AS sizeBytes, mtime_ms AS mtimeMs FROM items WHERE path = ?');
  const allNotes = db.prepare('SELECT path AS relativePath, text, updated_at_ms AS updatedAtMs FROM notes ORDER BY path');
  const upsertNote = db.prepare(
    `INSERT INTO notes (path, text, updated_at_ms) VALUES (@relativePath, @text, @updatedAtMs)
     ON CONFLICT (path) DO UPDATE SET text = excluded.text, updated_at_ms = excluded.updated_at_ms`,
  );
  const deleteNote = db.prepare('DELETE FROM notes WHERE path = ?');
  // One transaction per batch: one journal write and one fsync for thousands of rows.
  const putAll = db.transaction((items: readonly ItemRow[]) => {
    for (const item of items) upsertItem.run(item);
  });

  return {
    putItems: (items) => putAll(items),
    readItems(afterRowId, limit) {
      const rows = itemsPage.all(afterRowId, limit).map((row) => ItemSqlRowSchema.parse(row));
      const items = rows.map(({ rowId: _rowId, ...item }) => ItemRowSchema.parse(item));
      const last = rows.at(-1);
      return { items, nextRowId: rows.length === limit && last ? last.rowId : null };
    },
    changedFiles(files) {
      // A file is read again only when it is new or its size or modification time moved.
      return files
        .filter((file) => {
          const row: unknown = stampOf.get(file.path);
          if (row === undefined) return true;
          const known = StampSqlRowSchema.parse(row);
          return known.sizeBytes !== file.sizeBytes || known.mtimeMs !== file.mtimeMs;
        })
        .map((file) => file.path);
    },
    listNotes: () => allNotes.all().map((row) => NoteSchema.parse(NoteSqlRowSchema.parse(row))),
    saveNote(relativePath, text, nowMs) {
      // Same rules as the notes file had: trimmed, whole milliseconds, empty removes.
      const [note] = withNote([], relativePath, text, nowMs);
      if (note === undefined) deleteNote.run(relativePath);
      else upsertNote.run(note);
      return note ?? null;
    },
  };
}
