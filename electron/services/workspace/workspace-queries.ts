import type Database from 'better-sqlite3';
import { z } from 'zod';
import { NoteSchema, withNote, type Note } from '../../../shared/notes/case-notes.js';
import type { FileStamp, ItemRow, PdqRow } from './workspace-protocol.js';

/**
 * The workspace's queries, prepared once per connection. They run only in the worker thread
 * (workspace-worker.ts); other services ask the workspace, they never write SQL themselves.
 * Rows coming back from SQLite are validated like any other input: a file edited by hand or
 * by a buggy older build must give an error, not a wrong item.
 */
export interface WorkspaceQueries {
  putItems(items: readonly ItemRow[]): void;
  /** A page of items as SQLite gives them, checked by the client (workspace-client.ts). */
  readItems(afterRowId: number, limit: number): { items: unknown[]; nextRowId: number | null };
  changedFiles(files: readonly FileStamp[]): string[];
  /** A stored row (unchecked) with its size and modification time, or null when the path has none. */
  storedStamp(path: string): StoredStamp | null;
  /** Sets the PDQ hash (or none) and picture size of the items at these paths; paths not stored are left alone. */
  putPdq(entries: readonly PdqRow[]): void;
  listNotes(): Note[];
  saveNote(relativePath: string, text: string, nowMs: number): Note | null;
}

const RowIdSchema = z.object({ rowId: z.number().int() });
const PathSchema = z.string();
/** Only what the comparison needs; the rest of the row is checked by the client (ItemRowSchema). */
const StampSqlRowSchema = z.object({
  sizeBytes: z.number(),
  mtimeMs: z.number(),
  ctimeMs: z.number().nullable(),
  ino: z.number().nullable(),
  dev: z.number().nullable(),
});
/** A stored row (unchecked) with what tells whether its file changed. */
export type StoredStamp = { row: unknown } & z.infer<typeof StampSqlRowSchema>;
const NoteSqlRowSchema = z.object({ relativePath: z.string(), text: z.string(), updatedAtMs: z.number() });

const ITEM_COLUMNS = `rowid AS rowId, path, size_bytes AS sizeBytes, mtime_ms AS mtimeMs, ctime_ms AS ctimeMs, ino, dev, md5, sha1, sha256, pdq,
  pdq_quality AS pdqQuality, width_px AS widthPx, height_px AS heightPx, kind, format, error`;

/** Prepares the queries on an open, migrated connection. */
export function prepareWorkspaceQueries(db: Database.Database): WorkspaceQueries {
  const upsertItem = db.prepare(
    `INSERT INTO items (path, size_bytes, mtime_ms, ctime_ms, ino, dev, md5, sha1, sha256, pdq, pdq_quality, width_px, height_px, kind, format, error)
     VALUES (@path, @sizeBytes, @mtimeMs, @ctimeMs, @ino, @dev, @md5, @sha1, @sha256, @pdq, @pdqQuality, @widthPx, @heightPx, @kind, @format, @error)
     ON CONFLICT (path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms, ctime_ms = excluded.ctime_ms,
       ino = excluded.ino, dev = excluded.dev, md5 = excluded.md5,
       sha1 = excluded.sha1, sha256 = excluded.sha256, pdq = excluded.pdq, pdq_quality = excluded.pdq_quality,
       width_px = excluded.width_px, height_px = excluded.height_px, kind = excluded.kind, format = excluded.format, error = excluded.error`,
  );
  const itemsPage = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  // One statement per batch: SQLite walks the batch (as JSON) against the primary key itself.
  const changedOf = db
    .prepare(
      `SELECT f.value ->> 'path' FROM json_each(?) AS f LEFT JOIN items AS i ON i.path = f.value ->> 'path'
       WHERE i.path IS NULL OR i.size_bytes != f.value ->> 'sizeBytes' OR i.mtime_ms != f.value ->> 'mtimeMs' ORDER BY f.key`,
    )
    .pluck();
  const itemAt = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE path = ?`);
  const setPdq = db.prepare('UPDATE items SET pdq = @pdq, pdq_quality = @pdqQuality, width_px = @widthPx, height_px = @heightPx WHERE path = @path');
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
  const putPdqAll = db.transaction((entries: readonly PdqRow[]) => {
    for (const entry of entries) setPdq.run(entry);
  });

  return {
    putItems: (items) => putAll(items),
    readItems(afterRowId, limit) {
      // The rows go to the main side as they are: the client validates each page against
      // ItemRowSchema (which drops rowId), so validating here too would only double the work.
      const rows = itemsPage.all(afterRowId, limit);
      const last = rows.length === limit ? RowIdSchema.parse(rows.at(-1)) : null;
      return { items: rows, nextRowId: last === null ? null : last.rowId };
    },
    changedFiles(files) {
      // A file is read again only when it is new or its size or modification time moved.
      const changed = changedOf.all(JSON.stringify(files));
      return changed.map((value) => PathSchema.parse(value));
    },
    storedStamp(path) {
      const row: unknown = itemAt.get(path);
      const stamp = StampSqlRowSchema.safeParse(row);
      return stamp.success ? { row, ...stamp.data } : null;
    },
    putPdq: (entries) => putPdqAll(entries),
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
