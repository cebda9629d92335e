import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The one place Veil writes a file it keeps (ledger days and state, notes, break state,
 * team sharing state, the team-share key, weekly exports): full writes, fsync of the file
 * and of its folder (so a new or renamed name survives a power cut too), atomic
 * replacement, and keeping a damaged file aside without ever touching its bytes.
 */

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Errors that mean "this file system cannot hard-link": fall back to a synced copy or a direct create. */
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK']);

/** True when a link failed only because the file system has no hard links (FAT, some network shares). */
export function isLinkUnsupported(error: unknown): boolean {
  return NO_LINK_CODES.has(errnoCode(error) ?? '');
}

/** True when a file-system error says the file or folder is not there. */
export function isNotFound(error: unknown): boolean {
  return errnoCode(error) === 'ENOENT';
}

/** True when a file-system error says the name is already taken. */
export function isAlreadyThere(error: unknown): boolean {
  return errnoCode(error) === 'EEXIST';
}

/** A file-name-safe UTC time for temp and kept-aside names, e.g. 2025-03-09T07-05-00-123Z. */
export function fileStamp(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/[:.]/g, '-');
}

/** The default temp name of a replacement in progress: `<target>.tmp-<stamp>` (the ledger removes strays at start-up). */
function tempFileName(targetName: string, stamp: string): string {
  return `${targetName}.tmp-${stamp}`;
}

/** Writes every byte (a write may be partial), at the handle's position or the end in append mode. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}

/**
 * Makes a folder's entries durable (a created, renamed or removed name). Windows cannot
 * open a folder for syncing and does not need it (NTFS journals names), so that is skipped.
 */
export async function syncDirectory(dirPath: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dirPath, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

export interface NewFileOptions {
  /** Permission bits for the new file (e.g. 0o600 for a secret); the process umask applies. */
  mode?: number;
  /** Access and modification time the file carries (an export must not tell when it was written). */
  times?: Date;
}

/**
 * Creates `filePath` holding `bytes`, synced, failing with EEXIST if the name is taken
 * (never overwrites). A write that fails (a full disk) removes the partial file it made.
 * The folder entry is not synced: callers that keep the name do that.
 */
export async function writeNewFile(filePath: string, bytes: Uint8Array, options: NewFileOptions = {}): Promise<void> {
  const handle = await open(filePath, 'wx', options.mode ?? 0o666);
  try {
    try {
      await writeAll(handle, bytes);
      if (options.times) await handle.utimes(options.times, options.times);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(filePath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Candidate names for a side file: the stamped name, then `-2`, `-3`, … if that exists. */
function* uniqueNames(nameFor: (stamp: string) => string, stamp: string): Generator<string> {
  yield nameFor(stamp);
  for (let copy = 2; copy < 1000; copy += 1) yield nameFor(`${stamp}-${copy}`);
}

/**
 * Creates a new file (never overwriting one) holding `bytes`, synced with its folder entry.
 * Returns the name used.
 */
export async function createFileDurably(
  dirPath: string,
  nameFor: (stamp: string) => string,
  stamp: string,
  bytes: Uint8Array,
  options: NewFileOptions = {},
): Promise<string> {
  for (const name of uniqueNames(nameFor, stamp)) {
    try {
      await writeNewFile(join(dirPath, name), bytes, options);
    } catch (error) {
      if (isAlreadyThere(error)) continue;
      throw error;
    }
    await syncDirectory(dirPath);
    return name;
  }
  throw new Error(`no free name for ${nameFor(stamp)}`);
}

export interface ReplaceOptions extends NewFileOptions {
  /** The temp file's name for a stamp; `<name>.tmp-<stamp>` unless given (an export hides it with a leading dot). */
  tempNameFor?: (stamp: string) => string;
  /** Injected for tests that simulate a read-only share or a full disk at the commit. */
  rename?: (fromPath: string, toPath: string) => Promise<void>;
}

/**
 * Replaces `<dirPath>/<name>` with `bytes` atomically: a temp file written and synced,
 * then renamed over the target, then the folder synced. A crash leaves either the old
 * file or the new one, plus at worst a stray temp file; a failed rename removes it.
 */
export async function replaceFileAtomically(dirPath: string, name: string, stamp: string, bytes: Uint8Array, options: ReplaceOptions = {}): Promise<void> {
  const tempNameFor = options.tempNameFor ?? ((unique: string) => tempFileName(name, unique));
  const tempName = await createFileDurably(dirPath, tempNameFor, stamp, bytes, options);
  try {
    await (options.rename ?? rename)(join(dirPath, tempName), join(dirPath, name));
  } catch (error) {
    await rm(join(dirPath, tempName), { force: true });
    throw error;
  }
  await syncDirectory(dirPath);
}

/**
 * Keeps `<dirPath>/<name>` aside under a new name with exactly its bytes, before the
 * original name is replaced. A hard link is a rename that cannot lose the file halfway
 * (same inode, same bytes, same times); where links are not supported (FAT, some network
 * shares) a copy is made and synced. Returns the kept file's name.
 */
export async function keepAside(dirPath: string, name: string, nameFor: (stamp: string) => string, stamp: string): Promise<string> {
  const from = join(dirPath, name);
  for (const keptName of uniqueNames(nameFor, stamp)) {
    const to = join(dirPath, keptName);
    try {
      await link(from, to);
    } catch (error) {
      if (isAlreadyThere(error)) continue;
      if (!isLinkUnsupported(error)) throw error;
      try {
        await copyFile(from, to, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        if (isAlreadyThere(copyError)) continue;
        throw copyError;
      }
      const copy = await open(to, 'r+');
      try {
        await copy.sync();
      } finally {
        await copy.close();
      }
    }
    await syncDirectory(dirPath);
    return keptName;
  }
  throw new Error(`no free name to keep ${name} aside`);
}
