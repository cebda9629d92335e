import { setImmediate } from 'node:timers/promises';
import type { ImportProblem } from '../../../shared/case/media-item.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { ItemRowSchema, type ItemRow, type PdqRow } from '../workspace/workspace-protocol.js';
import { rowsOf } from '../workspace/packed-rows.js';
import { resultOfRow } from './stored-row.js';
import type { FileResult, PdqReading } from './file-result.js';
import type { WalkEntry } from './walk-folder.js';

/** Files looked up per trip to the workspace thread (which stats them); each batch is published in one turn of the main loop, so it stays small (bench:reopen). */
const LOOKUP_BATCH_FILES = 100;
/** Trips under way at once, so the walk goes on while the workspace thread stats and looks up. */
const LOOKUPS_IN_FLIGHT = 8;
/** Rows written per message; each is one transaction in the workspace thread. */
const WRITE_BATCH_ROWS = 500;
/**
 * PDQ hashes written per message, and how long one waits for others: each message is a
 * transaction synced to disk (~15 ms), so one per hash would take 25 minutes of the workspace
 * thread for 100,000 images and hold up note saves behind it.
 */
const PDQ_BATCH_ROWS = 500;
const PDQ_DELAY_MS = 1000;

/** Runs `run` after `delayMs`; the returned function cancels it. Injected so tests need no real waits. */
type StartTimer = (run: () => void, delayMs: number) => () => void;

const startNodeTimer: StartTimer = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  // A pending batch never keeps the process alive: flush() and close write it.
  timer.unref();
  return () => clearTimeout(timer);
};

/** A walk entry, with the stored result of a file unchanged since the last import of the case. */
export type StampedEntry = { type: 'file'; relativePath: string; stored?: FileResult | null } | { type: 'problem'; problem: ImportProblem };

/**
 * What an import keeps in, and takes from, its case's workspace (workspace-client.ts): a row
 * per file read (path, size, modification time, digests, what it is), so the next import of
 * the case reads only files that are new or whose size or modification time changed.
 * See docs/decisions/case-workspace-reopen.md for what is trusted and what is checked again.
 */
export interface StoredFiles {
  /** The walk's entries in the same order, each file with its stored result when it is unchanged (a stat, never a read). */
  stamp(entries: AsyncIterable<WalkEntry>, rootDir: string): AsyncGenerator<StampedEntry>;
  /** Keeps a freshly read file's row (written in batches, in the background). */
  remember(row: ItemRow): void;
  /** Keeps an image's PDQ hash and size (null: the picture has no hash) for the files holding its bytes. */
  rememberPdq(relativePaths: readonly string[], pdq: PdqReading | null): void;
  /** Sends what waits and resolves when every write asked for so far has ended (failed writes included). */
  flush(): Promise<void>;
}

/**
 * Stored files backed by a case workspace, or none. Only a workspace this Veil writes is used:
 * read-only (another Veil holds it) or unavailable, every file is read as if the case were new,
 * and nothing is kept. A workspace that fails mid-import is let go the same way: the import
 * never fails because of it, it only reads more.
 */
export function createStoredFiles(workspace: Promise<CaseWorkspace | null>, startTimer: StartTimer = startNodeTimer): StoredFiles {
  let writable: CaseWorkspace | null = null;
  /** Whether the workspace has any rows; learnt once, so a new case never waits for stats. */
  let reusing: Promise<boolean> | null = null;
  const ready = workspace.then(
    (opened) => (opened?.status.mode === 'read-write' ? (writable = opened) : null),
    () => null,
  );
  let rows: ItemRow[] = [];
  let pdqRows: PdqRow[] = [];
  let cancelPdqTimer: (() => void) | null = null;
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

  function sendPdq(): void {
    cancelPdqTimer?.();
    cancelPdqTimer = null;
    if (pdqRows.length === 0) return;
    // Rows still waiting go first, so the hashes find their rows (messages are handled in order).
    sendRows();
    const batch = pdqRows;
    pdqRows = [];
    send((target) => target.putPdq(batch));
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
      // A page with a row that is not whole still means rows: the lookups skip such rows, and a failing workspace stops them.
      return true;
    }
  }

  /** The batch's entries, each file with its stored result when unchanged; never rejects (a failing workspace means reading). */
  async function lookUp(batch: readonly WalkEntry[], rootDir: string): Promise<StampedEntry[]> {
    const files = batch.flatMap((entry) => (entry.type === 'file' ? [entry.relativePath] : []));
    const found = new Map<string, FileResult>();
    const target = writable;
    if (target !== null && files.length > 0) {
      try {
        for (const packed of await target.unchangedFiles(rootDir, files))
          for (const row of rowsOf(packed)) {
            const result = resultOfRow(row);
            if (result !== null) found.set(row.path, result);
          }
      } catch {
        writable = null;
      }
    }
    return batch.map((entry) => (entry.type === 'file' ? { ...entry, stored: found.get(entry.relativePath) ?? null } : entry));
  }

  /**
   * A looked-up batch, after a turn of the event loop: a batch already answered would
   * otherwise be published in the same chain of microtasks as the next, and unchanged files
   * publish fast enough that the main side's loop would be held for hundreds of them.
   */
  async function release(batch: Promise<StampedEntry[]>): Promise<StampedEntry[]> {
    const entries = await batch;
    await setImmediate();
    return entries;
  }

  return {
    async *stamp(entries, rootDir) {
      reusing ??= hasRows();
      if (!(await reusing)) {
        yield* entries;
        return;
      }
      let pending: WalkEntry[] = [];
      const inFlight: Promise<StampedEntry[]>[] = [];
      for await (const entry of entries) {
        pending.push(entry);
        if (pending.length < LOOKUP_BATCH_FILES) continue;
        inFlight.push(lookUp(pending, rootDir));
        pending = [];
        const next = inFlight.length >= LOOKUPS_IN_FLIGHT ? inFlight.shift() : undefined;
        if (next) yield* await release(next);
      }
      inFlight.push(lookUp(pending, rootDir));
      for (const batch of inFlight) yield* await release(batch);
    },
    remember(row) {
      // The workspace thread refuses a whole batch for one bad row; a row it would refuse is not kept, so only its file is read next time.
      if (!ItemRowSchema.safeParse(row).success) return;
      rows.push(row);
      if (rows.length >= WRITE_BATCH_ROWS) sendRows();
    },
    rememberPdq(relativePaths, pdq) {
      for (const relativePath of relativePaths)
        pdqRows.push({
          path: relativePath,
          pdq: pdq?.hex ?? null,
          pdqQuality: pdq?.quality ?? null,
          widthPx: pdq?.widthPx ?? null,
          heightPx: pdq?.heightPx ?? null,
        });
      if (pdqRows.length >= PDQ_BATCH_ROWS) sendPdq();
      else cancelPdqTimer ??= startTimer(sendPdq, PDQ_DELAY_MS);
    },
    async flush() {
      sendRows();
      sendPdq();
      await Promise.all([...writes]);
    },
  };
}
