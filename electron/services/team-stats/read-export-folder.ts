import { constants as fsConstants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWeeklySummary, type WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';
import { describeReason } from '../../../shared/reasons/describe-reason.js';
import { reasonOf, type Reason } from '../../../shared/reasons/reason.js';
import { errorCode } from '../case/error-code.js';
import { readAtMost } from './bounded-read.js';

/**
 * Reads a folder of weekly-summary exports (typically the team share) for the wellness
 * lead's view and the `team-stats` command. The folder is hostile ground: anyone with write
 * access to the share can drop anything there, so every file is checked on its own and a bad
 * one is listed with a reason while the rest still count.
 */

/** A real export is under 1 KB; anything past 1 MiB is not one, whatever it holds. */
const EXPORT_FILE_LIMIT_BYTES = 1024 * 1024;
/** Files read at once: enough to keep the disk or share busy, far below any descriptor limit. */
const DEFAULT_READ_CONCURRENCY = 32;

type SummaryRejectCode = Extract<ReturnType<typeof parseWeeklySummary>, { ok: false }>['code'];
/** Why a file was left out. The first group is about the file; the parser's codes are about its content. */
type RejectCode = 'symlink' | 'not-a-file' | 'too-large' | 'unreadable' | 'vanished' | 'malformed-json' | SummaryRejectCode;

interface ExportInput {
  readonly summary: WeeklySummary;
  /** The file's modification time (epoch ms): among duplicates of one key, the newest wins. */
  readonly receivedAtMs: number;
}

export interface RejectedExport {
  /** The base name only, for the lead's list; a file's contents are never echoed. */
  readonly fileName: string;
  readonly code: RejectCode;
  /** What the lead is told, translated by the renderer (and described in English by the command). */
  readonly reason: Reason;
}

export interface ExportFolderReading {
  readonly inputs: ExportInput[];
  /** In file-name order. */
  readonly rejected: RejectedExport[];
}

/** The folder itself is missing or cannot be read: there is nothing to aggregate. */
export class ExportFolderError extends Error {
  constructor(
    readonly folderPath: string,
    readonly code: string,
    readonly reason: Reason,
  ) {
    super(describeReason(reason));
    this.name = 'ExportFolderError';
  }
}

/** The file-system calls the reader makes; injectable so tests can simulate what root cannot see (EACCES). */
export interface ExportFolderFs {
  readdir(dirPath: string): Promise<Dirent[]>;
  open(filePath: string, flags: number): Promise<FileHandle>;
}

export const nodeExportFolderFs: ExportFolderFs = {
  readdir: (dirPath) => readdir(dirPath, { withFileTypes: true }),
  open: (filePath, flags) => open(filePath, flags),
};

export interface ReadExportFolderOptions {
  maxFileBytes?: number;
  concurrency?: number;
  fs?: ExportFolderFs;
}

// O_NOFOLLOW: a name swapped for a link after the listing fails with ELOOP instead of being
// followed. O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
// Neither exists on Windows (no FIFOs in folders there; links are caught by the listing).
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);
const EXPORT_NAME_PATTERN = /\.json$/i;

/**
 * Reads every `*.json` file directly in `dirPath` (not sub-folders) and validates it as a
 * weekly summary. Never follows a link, never opens anything but a regular file, never holds
 * more than `maxFileBytes + 1` bytes of one file, and reads `concurrency` files at a time.
 * Other names (desktop.ini, temp files of an export in progress) are not exports and are ignored.
 * Throws ExportFolderError when the folder itself is missing or unreadable.
 */
export async function readExportFolder(dirPath: string, options: ReadExportFolderOptions = {}): Promise<ExportFolderReading> {
  const fs = options.fs ?? nodeExportFolderFs;
  const maxFileBytes = options.maxFileBytes ?? EXPORT_FILE_LIMIT_BYTES;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_READ_CONCURRENCY);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dirPath);
  } catch (error) {
    throw folderError(dirPath, errorCode(error));
  }
  const candidates = entries.filter((entry) => EXPORT_NAME_PATTERN.test(entry.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const outcomes: FileOutcome[] = new Array<FileOutcome>(candidates.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < candidates.length; index = next++) {
      const entry = candidates[index];
      if (entry) outcomes[index] = await readOne(dirPath, entry, fs, maxFileBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, candidates.length) }, worker));

  const inputs: ExportInput[] = [];
  const rejected: RejectedExport[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) inputs.push(outcome.input);
    else rejected.push(outcome.rejected);
  }
  return { inputs, rejected };
}

type FileOutcome = { ok: true; input: ExportInput } | { ok: false; rejected: RejectedExport };

async function readOne(dirPath: string, entry: Dirent, fs: ExportFolderFs, maxFileBytes: number): Promise<FileOutcome> {
  const reject = (code: RejectCode, reason: Reason): FileOutcome => ({ ok: false, rejected: { fileName: entry.name, code, reason } });
  if (entry.isSymbolicLink()) return reject('symlink', reasonOf('file-is-link', {}));
  if (!entry.isFile()) return reject('not-a-file', notAFileReason(entry));

  let handle: FileHandle;
  try {
    handle = await fs.open(join(dirPath, entry.name), OPEN_FLAGS);
  } catch (error) {
    return rejectOpenError(errorCode(error), reject);
  }
  try {
    // fstat of the opened file: the size and type checked are those of the bytes about to be read.
    const stats: Stats = await handle.stat();
    if (!stats.isFile()) return reject('not-a-file', reasonOf('file-changed-type', {}));
    if (stats.size > maxFileBytes) return reject('too-large', reasonOf('file-too-large', { sizeBytes: stats.size, limitBytes: maxFileBytes }));
    const { bytes, overLimit } = await readAtMost(handle, stats.size, maxFileBytes);
    if (overLimit) return reject('too-large', reasonOf('file-grew-too-large', { limitBytes: maxFileBytes }));
    const parsed = parseJson(bytes);
    if (!parsed.ok) return reject('malformed-json', parsed.reason);
    const summary = parseWeeklySummary(parsed.value);
    if (!summary.ok) return reject(summary.code, summary.reason);
    return { ok: true, input: { summary: summary.summary, receivedAtMs: stats.mtimeMs } };
  } catch (error) {
    return rejectOpenError(errorCode(error), reject);
  } finally {
    // A failed close (a share dropping) must not abort the whole folder; what was read is complete.
    await handle.close().catch(() => undefined);
  }
}

function rejectOpenError(code: string, reject: (code: RejectCode, reason: Reason) => FileOutcome): FileOutcome {
  if (code === 'ELOOP') return reject('symlink', reasonOf('file-became-link', {}));
  if (code === 'ENOENT') return reject('vanished', reasonOf('file-vanished', {}));
  if (code === 'EISDIR') return reject('not-a-file', reasonOf('file-is-folder', {}));
  if (code === 'EACCES' || code === 'EPERM') return reject('unreadable', reasonOf('file-permission-denied', { osCode: code }));
  return reject('unreadable', reasonOf('file-unreadable', { osCode: code }));
}

function notAFileReason(entry: Dirent): Reason {
  if (entry.isDirectory()) return reasonOf('file-is-folder', {});
  if (entry.isFIFO()) return reasonOf('file-is-pipe', {});
  return reasonOf('file-is-special', {});
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON value of the bytes, or why there is none. JSON.parse's own message is not shown: it quotes the file. */
function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; reason: Reason } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: reasonOf('json-not-utf8', {}) };
  }
  if (text.trim() === '') return { ok: false, reason: reasonOf('json-empty', {}) };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const endOfText = text.trimEnd().length;
    if (/end of JSON input/i.test(message) || (position !== undefined && Number(position) >= endOfText)) {
      return { ok: false, reason: reasonOf('json-cut-off', {}) };
    }
    return { ok: false, reason: position === undefined ? reasonOf('json-invalid', {}) : reasonOf('json-invalid-at', { position: Number(position) }) };
  }
}

function folderError(dirPath: string, code: string): ExportFolderError {
  if (code === 'ENOENT') return new ExportFolderError(dirPath, code, reasonOf('exports-folder-missing', { path: dirPath }));
  if (code === 'ENOTDIR') return new ExportFolderError(dirPath, code, reasonOf('exports-folder-not-a-folder', { path: dirPath }));
  if (code === 'EACCES' || code === 'EPERM') return new ExportFolderError(dirPath, code, reasonOf('exports-folder-permission-denied', { path: dirPath }));
  return new ExportFolderError(dirPath, code, reasonOf('exports-folder-unreadable', { path: dirPath, osCode: code }));
}
