import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { tempFileName } from './ledger-files.js';

/**
 * The few file-system moves the journal needs to survive a crash or a power cut: full
 * writes, fsync of files and of the folder (so a new or renamed name survives too),
 * atomic replacement, and keeping a damaged file aside without ever touching its bytes.
 */

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** True when a file-system error says the file or folder is not there. */
export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
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
    const code = errorCode(error);
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
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
export async function createFileDurably(dirPath: string, nameFor: (stamp: string) => string, stamp: string, bytes: Uint8Array): Promise<string> {
  for (const name of uniqueNames(nameFor, stamp)) {
    let handle: FileHandle;
    try {
      handle = await open(join(dirPath, name), 'wx');
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw error;
    }
    try {
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(dirPath);
    return name;
  }
  throw new Error(`no free name for ${nameFor(stamp)}`);
}

/**
 * Replaces `<dirPath>/<name>` with `bytes` atomically: a temp file written and synced,
 * then renamed over the target. A crash leaves either the old file or the new one, plus
 * at worst a stray temp file (removed at the next start-up).
 */
export async function replaceFileAtomically(dirPath: string, name: string, stamp: string, bytes: Uint8Array): Promise<void> {
  const tempName = await createFileDurably(dirPath, (unique) => tempFileName(name, unique), stamp, bytes);
  try {
    await rename(join(dirPath, tempName), join(dirPath, name));
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
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
      try {
        await copyFile(from, to, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errorCode(copyError) === 'EEXIST') continue;
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
