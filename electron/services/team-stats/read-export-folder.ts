import { constants as fsConstants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWeeklySummary, type WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';
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
  readonly detail: string;
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
    message: string,
  ) {
    super(message);
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
  const reject = (code: RejectCode, detail: string): FileOutcome => ({ ok: false, rejected: { fileName: entry.name, code, detail } });
  if (entry.isSymbolicLink()) return reject('symlink', 'A link, not a file; Veil never follows links in the exports folder.');
  if (!entry.isFile()) return reject('not-a-file', notAFileDetail(entry));

  let handle: FileHandle;
  try {
    handle = await fs.open(join(dirPath, entry.name), OPEN_FLAGS);
  } catch (error) {
    return rejectOpenError(errorCode(error), reject);
  }
  try {
    // fstat of the opened file: the size and type checked are those of the bytes about to be read.
    const stats: Stats = await handle.stat();
    if (!stats.isFile()) return reject('not-a-file', 'Not a regular file (it changed after the folder was listed); it was not read.');
    if (stats.size > maxFileBytes) return reject('too-large', `${formatBytes(stats.size)}, over the ${formatBytes(maxFileBytes)} limit; a weekly summary is under 1 KB.`);
    const { bytes, overLimit } = await readAtMost(handle, stats.size, maxFileBytes);
    if (overLimit) return reject('too-large', `The file grew past the ${formatBytes(maxFileBytes)} limit while it was read.`);
    const parsed = parseJson(bytes);
    if (!parsed.ok) return reject('malformed-json', parsed.detail);
    const summary = parseWeeklySummary(parsed.value);
    if (!summary.ok) return reject(summary.code, summary.detail);
    return { ok: true, input: { summary: summary.summary, receivedAtMs: stats.mtimeMs } };
  } catch (error) {
    return rejectOpenError(errorCode(error), reject);
  } finally {
    // A failed close (a share dropping) must not abort the whole folder; what was read is complete.
    await handle.close().catch(() => undefined);
  }
}

function rejectOpenError(code: string, reject: (code: RejectCode, detail: string) => FileOutcome): FileOutcome {
  if (code === 'ELOOP') return reject('symlink', 'A link, not a file (it was swapped in after the folder was listed); it was not followed.');
  if (code === 'ENOENT') return reject('vanished', 'The file was removed while the folder was being read.');
  if (code === 'EISDIR') return reject('not-a-file', 'A folder named like an export; it was not read.');
  if (code === 'EACCES' || code === 'EPERM') return reject('unreadable', `Veil may not read this file (${code}: permission denied).`);
  return reject('unreadable', `The file could not be read (${code}).`);
}

function notAFileDetail(entry: Dirent): string {
  if (entry.isDirectory()) return 'A folder named like an export; Veil reads only files directly in the chosen folder.';
  if (entry.isFIFO()) return 'A named pipe, not a file; it was not opened.';
  return 'Not a regular file (a socket or device); it was not opened.';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON value of the bytes, or why there is none. JSON.parse's own message is not shown: it quotes the file. */
function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; detail: string } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, detail: 'Not UTF-8 text, so not a summary Veil wrote.' };
  }
  if (text.trim() === '') return { ok: false, detail: 'The file is empty.' };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const endOfText = text.trimEnd().length;
    if (/end of JSON input/i.test(message) || (position !== undefined && Number(position) >= endOfText)) {
      return { ok: false, detail: 'The JSON ends too early (cut off, or still being copied).' };
    }
    return { ok: false, detail: position === undefined ? 'Not valid JSON.' : `Not valid JSON (the error is at character ${position}).` };
  }
}

function formatBytes(sizeBytes: number): string {
  if (sizeBytes < 1024) return `${sizeBytes} bytes`;
  if (sizeBytes < 1024 * 1024) return `${(sizeBytes / 1024).toFixed(1)} KiB`;
  return `${(sizeBytes / 1024 / 1024).toFixed(1)} MiB`;
}

function folderError(dirPath: string, code: string): ExportFolderError {
  if (code === 'ENOENT') return new ExportFolderError(dirPath, code, `The exports folder "${dirPath}" does not exist (or the network share is not connected).`);
  if (code === 'ENOTDIR') return new ExportFolderError(dirPath, code, `"${dirPath}" is not a folder.`);
  if (code === 'EACCES' || code === 'EPERM') return new ExportFolderError(dirPath, code, `Veil may not read the exports folder "${dirPath}" (permission denied).`);
  return new ExportFolderError(dirPath, code, `The exports folder "${dirPath}" could not be read (${code}).`);
}
