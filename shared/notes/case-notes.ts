import { z } from 'zod';

/**
 * The investigator's own notes on a case's items: what keeps a case usable in
 * text-only mode ("a report that doesn't have images"), and useful at any time.
 *
 * Notes are case data, so they never go in Veil's data folder (which must hold nothing
 * derived from a case); they live in the case workspace beside the case folder (see
 * docs/decisions/case-workspace.md; this file format is the older notes file, imported
 * once). Notes are keyed by the item's path inside the case,
 * because item ids are random per session.
 */
export const CASE_NOTES_FORMAT = 'veil.case-notes';
export const CASE_NOTES_VERSION = 1;
/** A working note, not a report: the file stays small even with a note on every item. */
export const MAX_NOTE_CHARS = 4000;
const MAX_PATH_CHARS = 4096;

export const NoteSchema = z
  .object({
    /** Path inside the case folder, forward slashes (MediaItem.relativePath). */
    relativePath: z.string().min(1).max(MAX_PATH_CHARS),
    text: z.string().min(1).max(MAX_NOTE_CHARS),
    /** When the note was last saved, epoch ms. */
    updatedAtMs: z.number().int().nonnegative(),
  })
  .strict();
export type Note = z.infer<typeof NoteSchema>;

/** The notes file. An array, not a record keyed by path: a file named `__proto__` must be harmless. */
export const CaseNotesFileSchema = z
  .object({
    format: z.literal(CASE_NOTES_FORMAT),
    version: z.literal(CASE_NOTES_VERSION),
    notes: z.array(NoteSchema),
  })
  .strict();
export type CaseNotesFile = z.infer<typeof CaseNotesFileSchema>;

/**
 * Where notes are kept, as the user is told: `saved` beside the case; `session-only`
 * when they cannot be written there (the demo case, a read-only share), so they last
 * until Veil closes and the user knows it.
 */
export const NotesStorageSchema = z.object({
  state: z.enum(['saved', 'session-only']),
  /** The notes file's full path (shown so the user can find or back it up); null for the demo case. */
  location: z.string().nullable(),
  /**
   * Why notes are session-only, or what happened to a damaged notes file. The renderer
   * translates the code; `detail` is its one value, never a sentence: the case root
   * (case-at-root), the system's error code (unreadable, not-writable), the file's format
   * version (newer-format), the kept file's name (kept-aside) or the process id of the other
   * Veil that writes this case's workspace (in-use).
   */
  problem: z
    .object({
      code: z.enum(['demo-case', 'case-at-root', 'folder-in-case', 'not-writable', 'unreadable', 'newer-format', 'kept-aside', 'in-use']),
      detail: z.string(),
    })
    .nullable(),
});
export type NotesStorage = z.infer<typeof NotesStorageSchema>;

export const CaseNotesSchema = z.object({ storage: NotesStorageSchema, notes: z.array(NoteSchema) });
export type CaseNotes = z.infer<typeof CaseNotesSchema>;

/** Note text as kept: trimmed at the ends; empty means "no note". */
function normaliseNoteText(text: string): string {
  return text.trim();
}

/**
 * The notes after one edit: the item's note replaced, added, or removed when the new
 * text is empty. Order is by path so the file diffs cleanly between saves.
 */
export function withNote(notes: readonly Note[], relativePath: string, text: string, nowMs: number): Note[] {
  const kept = notes.filter((note) => note.relativePath !== relativePath);
  const normalised = normaliseNoteText(text);
  // The main side's clock has sub-millisecond precision; the file keeps whole milliseconds.
  if (normalised !== '') kept.push({ relativePath, text: normalised, updatedAtMs: Math.floor(nowMs) });
  return kept.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

/** The file's contents for `notes`. */
export function notesFileOf(notes: readonly Note[]): CaseNotesFile {
  return { format: CASE_NOTES_FORMAT, version: CASE_NOTES_VERSION, notes: [...notes] };
}
