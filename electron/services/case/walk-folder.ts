import { reasonOf } from '../../../shared/reasons/reason.js';
import { constants as fsConstants, promises as fsPromises } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { ImportProblem } from '../../../shared/case/media-item.js';
import { errorCode } from './error-code.js';
import { compareKeyedNames, keyedName, type KeyedName } from './natural-order.js';

/** What the walk finds: a regular file to read, or something it will not read and why. */
export type WalkEntry = { type: 'file'; relativePath: string } | { type: 'problem'; problem: ImportProblem };

/** The parts of a directory entry the walk needs (a node:fs Dirent has them). */
interface WalkDirent {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** The file-system calls the walk makes; injectable so tests can simulate failures root cannot see (EACCES). */
export interface WalkFs {
  opendir(dirPath: string): Promise<AsyncIterable<WalkDirent>>;
  lstat(entryPath: string): Promise<{ isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }>;
  /** Resolves when `dirPath` is still a readable folder; rejects otherwise. */
  checkFolder(dirPath: string): Promise<void>;
}

export const nodeWalkFs: WalkFs = {
  // A larger buffer means fewer trips to the thread pool on big folders.
  opendir: (dirPath) => fsPromises.opendir(dirPath, { bufferSize: 256 }),
  lstat: (entryPath) => fsPromises.lstat(entryPath),
  checkFolder: async (dirPath) => {
    const stats = await fsPromises.stat(dirPath);
    if (!stats.isDirectory()) throw Object.assign(new Error(`${dirPath} is not a folder`), { code: 'ENOTDIR' });
    await fsPromises.access(dirPath, fsConstants.R_OK | fsConstants.X_OK);
  },
};

/** The case folder itself vanished or became unreadable: the import cannot go on. */
export class CaseRootUnreachableError extends Error {
  constructor(
    readonly rootDir: string,
    readonly reason: string,
  ) {
    super(`The case folder "${rootDir}" is no longer reachable (${reason}).`);
    this.name = 'CaseRootUnreachableError';
  }
}

/** Throws CaseRootUnreachableError when the case folder is gone or unreadable. */
export async function assertRootReachable(rootDir: string, fs: WalkFs = nodeWalkFs): Promise<void> {
  try {
    await fs.checkFolder(rootDir);
  } catch (error) {
    throw new CaseRootUnreachableError(rootDir, errorCode(error));
  }
}

const KEY_SLICE = 5000;
const ENTRIES_PER_PAUSE = 500;

interface Frame {
  readonly relativeDir: string;
  readonly entries: readonly KeyedName[];
  readonly kinds: ReadonlyMap<string, WalkDirent>;
  next: number;
}

/**
 * Walks a case folder depth first, yielding entries in the order of
 * `compareRelativePaths` (each folder's entries sorted naturally, a sub-folder's
 * contents where its name falls). Iterative — a deep tree grows an array, not the
 * call stack — and lazy: it reads ahead only as far as the consumer pulls.
 *
 * Never follows symbolic links (each becomes a `symlink-skipped` problem), so a
 * case cannot reach outside its folder. A sub-folder that cannot be read becomes
 * an `unreadable` problem and the walk goes on; anything that is neither a file
 * nor a folder (pipe, socket, device) is listed as `unsupported-format`. Nothing
 * is skipped silently, hidden files included. If the root itself cannot be
 * opened, or disappears while the walk runs, throws CaseRootUnreachableError.
 */
export async function* walkFolder(rootDir: string, options: { signal?: AbortSignal; fs?: WalkFs } = {}): AsyncGenerator<WalkEntry> {
  const fs = options.fs ?? nodeWalkFs;
  const rootListing = await readFolder(rootDir, '', fs);
  if (rootListing.error) throw new CaseRootUnreachableError(rootDir, rootListing.error);
  const stack: Frame[] = [rootListing.frame];
  let entriesSincePause = 0;

  while (stack.length > 0) {
    options.signal?.throwIfAborted();
    // Entries of a listing already read come out as one chain of microtasks; pause now and
    // then so a huge flat folder cannot hold the main loop (100,000 entries took ~200 ms).
    if (++entriesSincePause >= ENTRIES_PER_PAUSE) {
      entriesSincePause = 0;
      await setImmediate();
    }
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const entry = frame.entries[frame.next];
    if (!entry) {
      stack.pop();
      continue;
    }
    frame.next += 1;
    const relativePath = frame.relativeDir === '' ? entry.name : `${frame.relativeDir}/${entry.name}`;
    const absolutePath = (): string => path.join(rootDir, ...relativePath.split('/'));
    const kind = kindOf(frame.kinds.get(entry.name)) ?? (await kindFromLstat(absolutePath(), fs));

    if (kind === 'file') {
      yield { type: 'file', relativePath };
    } else if (kind === 'link') {
      yield problem(relativePath, 'symlink-skipped', 'A link to another place; Veil never follows links, so a case cannot reach outside its folder.');
    } else if (kind === 'gone') {
      await assertRootReachable(rootDir, fs);
      yield problem(relativePath, 'vanished', 'The file was removed while the case was being opened.');
    } else if (kind === 'other') {
      yield problem(relativePath, 'unsupported-format', 'Not a regular file (a named pipe, socket or device); it was not read.');
    } else {
      const listing = await readFolder(absolutePath(), relativePath, fs);
      if (listing.error) {
        // A sub-folder failing is often the first sign that the whole case went away (unplugged, unmounted).
        await assertRootReachable(rootDir, fs);
        const partial = listing.frame.entries.length > 0;
        const detail = `This folder could not be read (${listing.error})${partial ? '; only part of it was imported' : '; nothing in it was imported'}.`;
        const reason = reasonOf(partial ? 'case-subfolder-partly-read' : 'case-subfolder-unreadable', { osCode: listing.error });
        yield { type: 'problem', problem: { relativePath, error: { code: listing.error === 'ENOENT' ? 'vanished' : 'unreadable', detail, reason } } };
      }
      stack.push(listing.frame);
    }
  }
  // Reading a folder that was deleted meanwhile just ends early, so check the root once more.
  await assertRootReachable(rootDir, fs);
}

type EntryKind = 'file' | 'folder' | 'link' | 'other' | 'gone';

/** Some file systems do not report entry types in listings; then the entry itself is asked, still without following links. */
async function kindFromLstat(absolutePath: string, fs: WalkFs): Promise<EntryKind> {
  try {
    return kindOf(await fs.lstat(absolutePath)) ?? 'other';
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? 'gone' : 'other';
  }
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean } | undefined): EntryKind | null {
  if (!entry) return null;
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  return null;
}

async function readFolder(absolutePath: string, relativeDir: string, fs: WalkFs): Promise<{ frame: Frame; error: string | null }> {
  const kinds = new Map<string, WalkDirent>();
  let error: string | null = null;
  try {
    for await (const dirent of await fs.opendir(absolutePath)) kinds.set(dirent.name, dirent);
  } catch (caught) {
    error = errorCode(caught);
  }
  // Sort keys are made in slices with a pause between, so a folder of 100,000 files
  // holds the main loop only for the sort itself (about 40 ms), not for the keys too.
  const names = [...kinds.keys()];
  const entries: KeyedName[] = [];
  for (let start = 0; start < names.length; start += KEY_SLICE) {
    if (start > 0) await setImmediate();
    for (let i = start; i < Math.min(names.length, start + KEY_SLICE); i += 1) entries.push(keyedName(names[i] ?? ''));
  }
  entries.sort(compareKeyedNames);
  return { frame: { relativeDir, entries, kinds, next: 0 }, error };
}

function problem(relativePath: string, code: ImportProblem['error']['code'], detail: string): WalkEntry {
  return { type: 'problem', problem: { relativePath, error: { code, detail } } };
}
