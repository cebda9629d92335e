import { promises as fsPromises } from 'node:fs';
import path from 'node:path';
import type { ImportProblem } from '../../../shared/case/media-item.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import type { FileStamp, ItemRow } from '../workspace/workspace-protocol.js';
import { resultOfRow } from './stored-row.js';
import type { FileResult } from './file-result.js';
import type { WalkEntry } from './walk-folder.js';

/** Files looked up per trip to the workspace thread: one lstat each first, all at once. */
const LOOKUP_BATCH_FILES = 250;
/** Rows written per message; each is one transaction in the workspace thread. */
const WRITE_BATCH_ROWS = 500;

/** A walk entry, with the stored result of a file unchanged since the last import of the case. */
export type StampedEntry = { type: 'file'; relativePath: string; stored?: FileResult | null } | { type: 'problem'; problem: ImportProblem };

/**
 * What an import keeps in, and takes from, its case's workspace (workspace-client.ts): a row
 * per file read (path, size, modification time, digests, what it is), so the next import of
 * the case reads only files that are new or whose size or modification time changed.
 * See docs/decisions/case-workspace-reopen.md for what is trusted and what is checked again.
 */
export interface StoredFiles {
  /** The walk's entries in the same order, each file with its stored result when it is unchanged (an lstat, never a read). */
  stamp(entries: AsyncIterable<WalkEntry>, rootDir: string): AsyncGenerator<StampedEntry>;
  /** Keeps a freshly read file's row (written in batches, in the background). */
  remember(row: ItemRow): void;
  /** Keeps an image's PDQ hash (null: the picture has none) for the files holding its bytes. */
  rememberPdq(relativePaths: readonly string[], pdq: { hex: string; quality: number } | null): void;
  /** Sends what waits and resolves when every write asked for so far has ended (failed writes included). */
  flush(): Promise<void>;
}

/** Stats a path without following a link; null when it is gone or not a regular file (it is then read, and listed as what it is). */
type StatFile = (absolutePath: string) => Promise<{ sizeBytes: number; mtimeMs: number } | null>;

const lstatFile: StatFile = async (absolutePath) => {
  try {
    const stats = await fsPromises.lstat(absolutePath);
    return stats.isFile() ? { sizeBytes: stats.size, mtimeMs: stats.mtimeMs } : null;
  } catch {
    return null;
  }
};

/**
 * Stored files backed by a case workspace, or none. Only a workspace this Veil writes is used:
 * read-only (another Veil holds it) or unavailable, every file is read as if the case were new,
 * and nothing is kept. A workspace that fails mid-import is let go the same way: the import
 * never fails because of it, it only reads more.
 */
export function createStoredFiles(workspace: Promise<CaseWorkspace | null>, statFile: StatFile = lstatFile): StoredFiles {
  let writable: CaseWorkspace | null = null;
  /** Whether the workspace has any rows; learnt once, so a new case never waits for stats. */
  let reusing: Promise<boolean> | null = null;
  const ready = workspace.then(
    (opened) => (opened?.status.mode === 'read-write' ? (writable = opened) : null),
    () => null,
  );
  let rows: ItemRow[] = [];
  const writes = new Set<Promise<void>>();

  function send(write: (target: CaseWorkspace) => Promise<void>): void {
    const sent = ready
      .then((target) => (target === writable && target !== null ? write(target) : undefined))
      .catch(() => {
        // Not written: the next import reads these files again. Nothing more is sent.
        writable = null;
      });
    writes.add(sent);
    void sent.finally(() => writes.delete(sent));
  }

  function sendRows(): void {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    send((target) => target.putItems(batch));
  }

  async function hasRows(): Promise<boolean> {
    const target = await ready;
    if (target === null) return false;
    try {
      const pages = target.itemPages();
      const first = await pages.next();
      await pages.return(undefined);
      return first.done !== true;
    } catch {
      return false;
    }
  }

  async function lookUp(batch: readonly string[], rootDir: string): Promise<Map<string, FileResult>> {
    const stamps = await Promise.all(
      batch.map(async (relativePath): Promise<FileStamp | null> => {
        const stats = await statFile(path.join(rootDir, ...relativePath.split('/')));
        return stats && { path: relativePath, ...stats };
      }),
    );
    const found = new Map<string, FileResult>();
    const target = writable;
    if (target === null) return found;
    try {
      for (const row of await target.unchangedItems(stamps.filter((stamp) => stamp !== null))) {
        const result = resultOfRow(row, rootDir);
        if (result !== null) found.set(row.path, result);
      }
    } catch {
      writable = null;
    }
    return found;
  }

  return {
    async *stamp(entries, rootDir) {
      reusing ??= hasRows();
      if (!(await reusing)) {
        yield* entries;
        return;
      }
      let pending: WalkEntry[] = [];
      async function* release(): AsyncGenerator<StampedEntry> {
        const batch = pending;
        pending = [];
        const files = batch.flatMap((entry) => (entry.type === 'file' ? [entry.relativePath] : []));
        const found = files.length > 0 ? await lookUp(files, rootDir) : new Map<string, FileResult>();
        for (const entry of batch) yield entry.type === 'file' ? { ...entry, stored: found.get(entry.relativePath) ?? null } : entry;
      }
      for await (const entry of entries) {
        pending.push(entry);
        if (pending.length >= LOOKUP_BATCH_FILES) yield* release();
      }
      yield* release();
    },
    remember(row) {
      rows.push(row);
      if (rows.length >= WRITE_BATCH_ROWS) sendRows();
    },
    rememberPdq(relativePaths, pdq) {
      // Rows still waiting go first, so the hash finds its rows (messages are handled in order).
      sendRows();
      const entries = relativePaths.map((relativePath) => ({ path: relativePath, pdq: pdq?.hex ?? null, pdqQuality: pdq?.quality ?? null }));
      send((target) => target.putPdq(entries));
    },
    async flush() {
      sendRows();
      await Promise.all([...writes]);
    },
  };
}
