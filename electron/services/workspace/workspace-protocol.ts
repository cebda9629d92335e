import { z } from 'zod';
import { NoteSchema } from '../../../shared/notes/case-notes.js';
import { ReviewWorkspaceRequestSchemas } from './workspace-review-protocol.js';
import { AuthorisationWorkspaceRequestSchemas } from './workspace-authorisation-protocol.js';

/**
 * The messages between the main side (workspace-client.ts) and the thread that owns the
 * database (workspace-worker.ts). Both ends validate what they receive: the worker its
 * requests, the client each result against the schema of the call it made.
 */

const hex = (digits: number) =>
  z
    .string()
    .length(digits)
    .regex(/^[0-9a-f]+$/);

/** One file of the case as the workspace keeps it; `path` is relative to the case, forward slashes. */
export const ItemRowSchema = z.object({
  path: z.string().min(1),
  sizeBytes: z.number().int().nonnegative(),
  /** Any finite time: forensic extractions carry dates before 1970 (NTFS's 1601 epoch). */
  mtimeMs: z.number(),
  /**
   * Status change time, inode and device, compared with size and modification time (as Git's
   * index does); null in rows kept before version 3, whose files are then read again.
   */
  ctimeMs: z.number().nullable(),
  ino: z.number().nullable(),
  dev: z.number().nullable(),
  md5: hex(32).nullable(),
  sha1: hex(40).nullable(),
  sha256: hex(64).nullable(),
  pdq: hex(64).nullable(),
  /** PDQ's own quality score, 0–100; hashes under 50 are not used for matching. */
  pdqQuality: z.number().int().min(0).max(100).nullable(),
  /** The picture's width and height in pixels, learnt with its PDQ hash; null before (and in rows kept before version 4). */
  widthPx: z.number().int().positive().nullable(),
  heightPx: z.number().int().positive().nullable(),
  kind: z.string().nullable(),
  format: z.string().nullable(),
  /** Why the file could not be read or hashed (an OS or decoder code), or null. */
  error: z.string().nullable(),
});
export type ItemRow = z.infer<typeof ItemRowSchema>;

/** What the file system says about a file now: enough to tell whether it changed since it was hashed. */
const FileStampSchema = z.object({ path: z.string().min(1), sizeBytes: z.number().int().nonnegative(), mtimeMs: z.number() });
export type FileStamp = z.infer<typeof FileStampSchema>;

/** An image's PDQ hash and size, learnt after its row was stored (thumbnail or background pass); nulls for none. */
const PdqRowSchema = ItemRowSchema.pick({ path: true, pdq: true, pdqQuality: true, widthPx: true, heightPx: true });
export type PdqRow = z.infer<typeof PdqRowSchema>;

/**
 * How the workspace was opened, and why when not as asked. `read-write`: this Veil is its one
 * writer. `read-only`: another Veil holds it (or the folder cannot be written), so this one
 * reads and never writes. `unavailable`: nothing can be read (a newer Veil's workspace, or a
 * damaged one this Veil may not repair because it is not the writer).
 */
const WorkspaceProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('workspace-in-use'), holderPid: z.number().int(), holderHost: z.enum(['browser', 'electron']) }),
  z.object({ code: z.literal('workspace-not-writable'), osCode: z.string() }),
  z.object({ code: z.literal('workspace-newer'), version: z.number().int() }),
  z.object({ code: z.literal('workspace-damaged'), detail: z.string() }),
  /** The damaged file was kept aside under `keptAs` (same folder) and a new one made; `recoveredNotes` notes were saved from it or the notes file. */
  z.object({ code: z.literal('workspace-kept-aside'), keptAs: z.string(), recoveredNotes: z.number().int().nonnegative() }),
  z.object({ code: z.literal('workspace-unreadable'), osCode: z.string() }),
]);
export type WorkspaceProblem = z.infer<typeof WorkspaceProblemSchema>;

export const WorkspaceStatusSchema = z.object({
  mode: z.enum(['read-write', 'read-only', 'unavailable']),
  filePath: z.string(),
  problem: WorkspaceProblemSchema.nullable(),
  /** Notes taken from the old notes file at this open (it is read once per workspace and kept), or null when not imported now. */
  notesImported: z.number().int().nonnegative().nullable(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatusSchema>;

const OpenArgsSchema = z.object({
  filePath: z.string().min(1),
  /** The notes file this case had before workspaces (case-notes-store.ts), imported once; null for none. */
  legacyNotesPath: z.string().nullable(),
  /** Written into the lock; tests open a second "Veil" under another pid. */
  pid: z.number().int().positive(),
  host: z.enum(['browser', 'electron']),
  nowMs: z.number().nonnegative(),
  /** A unique stamp for a kept-aside file's name. */
  stamp: z.string().min(1),
});
export type OpenArgs = z.infer<typeof OpenArgsSchema>;

const WorkspaceRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), args: OpenArgsSchema }),
  z.object({ type: z.literal('putItems'), items: z.array(ItemRowSchema) }),
  z.object({ type: z.literal('readItems'), afterRowId: z.number().int().nonnegative(), limit: z.number().int().positive() }),
  z.object({ type: z.literal('changedFiles'), files: z.array(FileStampSchema) }),
  z.object({ type: z.literal('unchangedFiles'), rootDir: z.string().min(1), paths: z.array(z.string().min(1)) }),
  z.object({ type: z.literal('putPdq'), entries: z.array(PdqRowSchema) }),
  z.object({ type: z.literal('listNotes') }),
  z.object({ type: z.literal('saveNote'), relativePath: z.string().min(1), text: z.string(), nowMs: z.number().nonnegative() }),
  z.object({ type: z.literal('close') }),
  ...ReviewWorkspaceRequestSchemas,
  ...AuthorisationWorkspaceRequestSchemas,
]);
export type WorkspaceRequest = z.infer<typeof WorkspaceRequestSchema>;

export const WorkspaceEnvelopeSchema = z.object({ id: z.number().int(), request: WorkspaceRequestSchema });

export const ReadItemsResultSchema = z.object({
  items: z.array(ItemRowSchema),
  /** Pass back as `afterRowId` for the next page; null when this was the last one. */
  nextRowId: z.number().int().nullable(),
});
export const ChangedFilesResultSchema = z.object({ changed: z.array(z.string()) });
export const NotesResultSchema = z.object({ notes: z.array(NoteSchema) });
export const SavedNoteResultSchema = z.object({ note: NoteSchema.nullable() });
export const EmptyResultSchema = z.object({});

/** How long the request was in the workspace thread (queued behind others, then handled), ms; the rest of a round trip is the main side's. */
const WorkerMsSchema = z.number().nonnegative().optional();
/** What the worker answers: a result (validated by the caller against its call's schema) or an error code. */
export const WorkspaceReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown(), workerMs: WorkerMsSchema }),
  z.object({ id: z.number().int(), ok: z.literal(false), code: z.string(), message: z.string(), workerMs: WorkerMsSchema }),
]);
export type WorkspaceReply = z.infer<typeof WorkspaceReplySchema>;
