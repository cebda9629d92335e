import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { Note } from '../../../shared/notes/case-notes.js';
import {
  ChangedFilesResultSchema,
  EmptyResultSchema,
  NotesResultSchema,
  ReadItemsResultSchema,
  SavedNoteResultSchema,
  WorkspaceReplySchema,
  WorkspaceStatusSchema,
  type FileStamp,
  type ItemRow,
  type OpenArgs,
  type WorkspaceRequest,
  type WorkspaceStatus,
} from './workspace-protocol.js';

/**
 * Rows cross the thread boundary in batches of this size: each message is copied and
 * validated on the main side in well under a millisecond, so 100,000 items never hold the
 * main side's event loop for long (bench/workspace.bench.ts measures it).
 */
const BATCH_ROWS = 2000;

/** One case's workspace, seen from the main side. Every call goes to its worker thread. */
export interface CaseWorkspace {
  /** How it was opened: read-write, read-only (another Veil writes it) or unavailable, and why. */
  readonly status: WorkspaceStatus;
  /** Adds or replaces items by path, in batches, each batch one transaction. */
  putItems(items: readonly ItemRow[]): Promise<void>;
  /** Every item, read in pages. */
  readAllItems(): Promise<ItemRow[]>;
  /** The paths among `files` that are new or whose size or modification time changed since they were stored. */
  changedFiles(files: readonly FileStamp[]): Promise<string[]>;
  listNotes(): Promise<Note[]>;
  /** Sets a note (empty text removes it); the stored note, or null when removed. */
  saveNote(relativePath: string, text: string, nowMs: number): Promise<Note | null>;
  /** Closes the connection, releases the lock and ends the thread; safe to call twice. */
  close(): Promise<void>;
}

export interface OpenCaseWorkspaceOptions extends Omit<OpenArgs, 'pid'> {
  /** The worker's entry: the built `workspace-worker.js`, or the TypeScript source under tsx. */
  workerPath: string | URL;
  /** Default none (not the parent's flags); tests and benches pass ['--import', 'tsx']. */
  execArgv?: string[];
  /** Default this process's pid. */
  pid?: number;
}

/** Starts the worker thread and opens the workspace in it. */
export async function openCaseWorkspace(options: OpenCaseWorkspaceOptions): Promise<CaseWorkspace> {
  const { workerPath, execArgv, pid, ...rest } = options;
  const worker = new Worker(workerPath, { execArgv: execArgv ?? [] });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ended: Error | null = null;

  const failAll = (error: Error): void => {
    ended ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the workspace thread ended (exit code ${code})`)));
  worker.on('message', (message: unknown) => {
    const reply = WorkspaceReplySchema.safeParse(message);
    if (!reply.success) return;
    const waiter = pending.get(reply.data.id);
    if (!waiter) return;
    pending.delete(reply.data.id);
    if (reply.data.ok) waiter.resolve(reply.data.result);
    else waiter.reject(Object.assign(new Error(reply.data.message), { code: reply.data.code }));
  });

  /** Sends one request; the reply is checked against the schema of what was asked. */
  async function call<S extends z.ZodType>(request: WorkspaceRequest, schema: S): Promise<z.infer<S>> {
    if (ended) throw ended;
    const id = nextId++;
    const raw = await new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
    return schema.parse(raw);
  }

  let status: WorkspaceStatus;
  try {
    status = await call({ type: 'open', args: { ...rest, pid: pid ?? process.pid } }, WorkspaceStatusSchema);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closed: Promise<void> | null = null;

  return {
    status,
    async putItems(items) {
      for (let start = 0; start < items.length; start += BATCH_ROWS) {
        await call({ type: 'putItems', items: items.slice(start, start + BATCH_ROWS) }, EmptyResultSchema);
      }
    },
    async readAllItems() {
      const all: ItemRow[] = [];
      let afterRowId: number | null = 0;
      while (afterRowId !== null) {
        const page: z.infer<typeof ReadItemsResultSchema> = await call({ type: 'readItems', afterRowId, limit: BATCH_ROWS }, ReadItemsResultSchema);
        all.push(...page.items);
        afterRowId = page.nextRowId;
      }
      return all;
    },
    async changedFiles(files) {
      const changed: string[] = [];
      for (let start = 0; start < files.length; start += BATCH_ROWS) {
        const page = await call({ type: 'changedFiles', files: files.slice(start, start + BATCH_ROWS) }, ChangedFilesResultSchema);
        changed.push(...page.changed);
      }
      return changed;
    },
    listNotes: async () => (await call({ type: 'listNotes' }, NotesResultSchema)).notes,
    saveNote: async (relativePath, text, nowMs) => (await call({ type: 'saveNote', relativePath, text, nowMs }, SavedNoteResultSchema)).note,
    close() {
      closed ??= (async () => {
        try {
          if (!ended) await call({ type: 'close' }, EmptyResultSchema);
        } finally {
          await worker.terminate();
        }
      })();
      return closed;
    },
  };
}
