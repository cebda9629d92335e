import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { Note } from '../../../shared/notes/case-notes.js';
import type { CaseScheme } from '../../../shared/review/category-scheme.js';
import type { DecisionEvent } from '../../../shared/review/decision-event.js';
import {
  HistoryResultSchema,
  LastActionIdResultSchema,
  LatestDecisionsResultSchema,
  PlaceResultSchema,
  SchemeResultSchema,
  StoredSchemeResultSchema,
} from './workspace-review-protocol.js';
import {
  AuthorisationsResultSchema,
  ReferralMetaResultSchema,
  type AuthorisationRow,
  type ReferralMeta,
  type ReferralMetaKey,
} from './workspace-authorisation-protocol.js';
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
  type PdqRow,
  type WorkspaceRequest,
  type WorkspaceStatus,
} from './workspace-protocol.js';
import { PackedRowsSchema, type PackedRows } from './packed-rows.js';

/** A reopen's unchanged files come packed (packed-rows.ts): no object per row to copy or check on the main side. */
const UnchangedFilesResultSchema = z.object({ rows: PackedRowsSchema });

/**
 * Rows cross the thread boundary in batches: each message is copied (and a page of results
 * validated) on the main side in a millisecond or two, so 100,000 items never hold the main
 * side's event loop for long (bench/workspace.bench.ts measures it). Writes go in larger
 * batches because each is one transaction, and each commit waits for the disk.
 */
const WRITE_BATCH_ROWS = 2000;
const READ_PAGE_ROWS = 250;
/**
 * The first pages are smaller: until V8 has optimised the validator, each row costs many
 * times more, and a full first page would be the longest stall of the whole read.
 */
const FIRST_READ_PAGE_ROWS = 25;

/**
 * Decision lines cut into write batches of about WRITE_BATCH_ROWS, never inside an action: one
 * action (a grid selection of up to 10,000 items and their copies can pass 2,000 lines) is one
 * transaction, so a crash or a refused line never leaves half of one undoable step on disk.
 */
function wholeActions(events: readonly DecisionEvent[]): DecisionEvent[][] {
  const batches: DecisionEvent[][] = [];
  let start = 0;
  for (let end = 1; end <= events.length; end += 1) {
    const actionEnds = end === events.length || events[end]?.actionId !== events[end - 1]?.actionId;
    if (end === events.length || (end - start >= WRITE_BATCH_ROWS && actionEnds)) {
      batches.push(events.slice(start, end));
      start = end;
    }
  }
  return batches;
}

/** One case's workspace, seen from the main side. Every call goes to its worker thread. */
export interface CaseWorkspace {
  /** How it was opened: read-write, read-only (another Veil writes it) or unavailable, and why. */
  readonly status: WorkspaceStatus;
  /** Adds or replaces items by path, in batches, each batch one transaction. */
  putItems(items: readonly ItemRow[]): Promise<void>;
  /** Every item, page by page: a caller that does not keep them all never holds them all. */
  itemPages(): AsyncGenerator<ItemRow[]>;
  /** Every item, read in pages. */
  readAllItems(): Promise<ItemRow[]>;
  /** The paths among `files` that are new or whose size or modification time changed since they were stored. */
  changedFiles(files: readonly FileStamp[]): Promise<string[]>;
  /**
   * The stored rows of the files at `relativePaths` under `rootDir` whose size and modification
   * time are exactly as stored (the workspace thread stats them): files unchanged since they
   * were hashed, packed (read them with `rowsOf`), one pack per 250 paths. A file not among them is new or changed.
   */
  unchangedFiles(rootDir: string, relativePaths: readonly string[]): Promise<PackedRows[]>;
  /** Records PDQ hashes learnt after the items were stored. */
  putPdq(entries: readonly PdqRow[]): Promise<void>;
  listNotes(): Promise<Note[]>;
  /** Sets a note (empty text removes it); the stored note, or null when removed. */
  saveNote(relativePath: string, text: string, nowMs: number): Promise<Note | null>;
  /** Appends review decisions to the record in one transaction; lines already written are not written twice. */
  appendDecisions(events: readonly DecisionEvent[]): Promise<void>;
  /** The last line of every item's history: each item's category now. */
  latestDecisions(): Promise<DecisionEvent[]>;
  /** One item's whole history, oldest first. */
  itemHistory(itemPath: string): Promise<DecisionEvent[]>;
  /** The highest review action id written (0 for none). */
  lastActionId(): Promise<number>;
  /** The case's scheme: `scheme` at the first open, what was chosen then at every later one. */
  chooseScheme(scheme: CaseScheme): Promise<CaseScheme>;
  /** The scheme chosen at the case's first open, or null when none is yet. */
  readScheme(): Promise<CaseScheme | null>;
  /** Remembers the item the investigator was on (its path), so the case reopens there; a read-only workspace keeps nothing. */
  rememberPlace(itemPath: string): Promise<void>;
  /** The path remembered by `rememberPlace`, or null. */
  readPlace(): Promise<string | null>;
  /** Records an authorisation to open a referral-locked file (append-only). */
  appendAuthorisation(row: AuthorisationRow): Promise<void>;
  /** Every authorisation recorded, oldest first. */
  listAuthorisations(): Promise<AuthorisationRow[]>;
  /** Sets (null: removes) what the case remembers of its referral: the manifest chosen at open, a "continue without". */
  writeReferralMeta(key: ReferralMetaKey, value: string | null): Promise<void>;
  readReferralMeta(): Promise<ReferralMeta>;
  /** Closes the connection, releases the lock and ends the thread; safe to call twice. */
  close(): Promise<void>;
}

export interface OpenCaseWorkspaceOptions extends Omit<OpenArgs, 'pid'> {
  /** The worker's entry: the built `workspace-worker.js`, or the TypeScript source under tsx. */
  workerPath: string | URL;
  /** Default none (not the parent's flags); tests and benches pass ['--import', 'tsx']. */
  execArgv?: string[];
  /** Told of every request answered with a result (not those refused), for measuring the main side's share of each (bench:reopen). */
  onQuery?: (timing: QueryTiming) => void;
  /** Default this process's pid. */
  pid?: number;
}

/** A successful reply, with when it arrived. */
interface Answer {
  result: unknown;
  workerMs: number;
  arrivedMs: number;
}

/** One request's times, ms (performance.now()). */
export interface QueryTiming {
  type: WorkspaceRequest['type'];
  /** From posting the request until its result was checked on the main side. */
  roundTripMs: number;
  /** Spent in the workspace thread, queued and handled; unknown (0) from a thread that does not say. */
  workerMs: number;
  /**
   * From the reply's 'message' event until its result was checked, in one turn of the loop. Copying the message
   * in (structured clone) happens before that event, so the main side's whole share for the reply is larger.
   */
  replyMs: number;
}

/** Starts the worker thread and opens the workspace in it. */
export async function openCaseWorkspace(options: OpenCaseWorkspaceOptions): Promise<CaseWorkspace> {
  const { workerPath, execArgv, pid, onQuery, ...rest } = options;
  const worker = new Worker(workerPath, { execArgv: execArgv ?? [] });
  const pending = new Map<number, { resolve: (reply: Answer) => void; reject: (error: Error) => void }>();
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
    const arrivedMs = performance.now();
    const reply = WorkspaceReplySchema.safeParse(message);
    if (!reply.success) return;
    const waiter = pending.get(reply.data.id);
    if (!waiter) return;
    pending.delete(reply.data.id);
    if (reply.data.ok) waiter.resolve({ result: reply.data.result, workerMs: reply.data.workerMs ?? 0, arrivedMs });
    else waiter.reject(Object.assign(new Error(reply.data.message), { code: reply.data.code }));
  });

  /** Sends one request; the reply is checked against the schema of what was asked. */
  async function call<S extends z.ZodType>(request: WorkspaceRequest, schema: S): Promise<z.infer<S>> {
    if (ended) throw ended;
    const id = nextId++;
    const postedMs = performance.now();
    const answer = await new Promise<Answer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
    const result: z.infer<S> = schema.parse(answer.result);
    if (onQuery) {
      const checkedMs = performance.now();
      onQuery({ type: request.type, roundTripMs: checkedMs - postedMs, workerMs: answer.workerMs, replyMs: checkedMs - answer.arrivedMs });
    }
    return result;
  }

  let status: WorkspaceStatus;
  try {
    status = await call({ type: 'open', args: { ...rest, pid: pid ?? process.pid } }, WorkspaceStatusSchema);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closed: Promise<void> | null = null;

  async function* pages(): AsyncGenerator<ItemRow[]> {
    let afterRowId: number | null = 0;
    let limit = FIRST_READ_PAGE_ROWS;
    while (afterRowId !== null) {
      const page: z.infer<typeof ReadItemsResultSchema> = await call({ type: 'readItems', afterRowId, limit }, ReadItemsResultSchema);
      limit = Math.min(READ_PAGE_ROWS, limit * 2);
      if (page.items.length > 0) yield page.items;
      afterRowId = page.nextRowId;
    }
  }

  return {
    status,
    async putItems(items) {
      for (let start = 0; start < items.length; start += WRITE_BATCH_ROWS) {
        await call({ type: 'putItems', items: items.slice(start, start + WRITE_BATCH_ROWS) }, EmptyResultSchema);
      }
    },
    itemPages: pages,
    async readAllItems() {
      const all: ItemRow[] = [];
      for await (const page of pages()) all.push(...page);
      return all;
    },
    async changedFiles(files) {
      const changed: string[] = [];
      for (let start = 0; start < files.length; start += WRITE_BATCH_ROWS) {
        const page = await call({ type: 'changedFiles', files: files.slice(start, start + WRITE_BATCH_ROWS) }, ChangedFilesResultSchema);
        changed.push(...page.changed);
      }
      return changed;
    },
    async unchangedFiles(rootDir, relativePaths) {
      const packs: PackedRows[] = [];
      for (let start = 0; start < relativePaths.length; start += READ_PAGE_ROWS) {
        const paths = relativePaths.slice(start, start + READ_PAGE_ROWS);
        packs.push((await call({ type: 'unchangedFiles', rootDir, paths }, UnchangedFilesResultSchema)).rows);
      }
      return packs;
    },
    async putPdq(entries) {
      for (let start = 0; start < entries.length; start += WRITE_BATCH_ROWS) {
        await call({ type: 'putPdq', entries: entries.slice(start, start + WRITE_BATCH_ROWS) }, EmptyResultSchema);
      }
    },
    listNotes: async () => (await call({ type: 'listNotes' }, NotesResultSchema)).notes,
    saveNote: async (relativePath, text, nowMs) => (await call({ type: 'saveNote', relativePath, text, nowMs }, SavedNoteResultSchema)).note,
    async appendDecisions(events) {
      for (const batch of wholeActions(events)) await call({ type: 'appendDecisions', events: batch }, EmptyResultSchema);
    },
    async latestDecisions() {
      const all: DecisionEvent[] = [];
      let afterSeq: number | null = 0;
      while (afterSeq !== null) {
        const page: z.infer<typeof LatestDecisionsResultSchema> = await call(
          { type: 'latestDecisions', afterSeq, limit: READ_PAGE_ROWS },
          LatestDecisionsResultSchema,
        );
        all.push(...page.events);
        afterSeq = page.nextSeq;
      }
      return all;
    },
    itemHistory: async (itemPath) => (await call({ type: 'itemHistory', itemPath }, HistoryResultSchema)).events,
    lastActionId: async () => (await call({ type: 'lastActionId' }, LastActionIdResultSchema)).actionId,
    chooseScheme: async (scheme) => (await call({ type: 'chooseScheme', scheme }, SchemeResultSchema)).scheme,
    readScheme: async () => (await call({ type: 'readScheme' }, StoredSchemeResultSchema)).scheme,
    rememberPlace: async (itemPath) => void (await call({ type: 'rememberPlace', itemPath }, EmptyResultSchema)),
    readPlace: async () => (await call({ type: 'readPlace' }, PlaceResultSchema)).itemPath,
    appendAuthorisation: async (row) => void (await call({ type: 'appendAuthorisation', row }, EmptyResultSchema)),
    listAuthorisations: async () => (await call({ type: 'listAuthorisations' }, AuthorisationsResultSchema)).rows,
    writeReferralMeta: async (key, value) => void (await call({ type: 'writeReferralMeta', key, value }, EmptyResultSchema)),
    readReferralMeta: async () => await call({ type: 'readReferralMeta' }, ReferralMetaResultSchema),
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
