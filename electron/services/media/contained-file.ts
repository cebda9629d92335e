import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { MediaError } from '../../../shared/case/media-item.js';

export type ContainedPath = { ok: true; realPath: string } | { ok: false; error: MediaError };
export type ContainedFile = { ok: true; handle: FileHandle; realPath: string; sizeBytes: number } | { ok: false; error: MediaError };

/** Not on Windows; there the realpath checks before and after opening carry the weight. */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function fsError(error: unknown): MediaError {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'vanished', detail: 'the file is no longer in the case folder' };
  return { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}

/** True when `child` is strictly below `root` (both already real, absolute paths). */
export function isPathInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The real path of `absolutePath` if it still lies inside the real case root. A file
 * replaced by a symlink to somewhere else after import is refused ('symlink-skipped').
 */
export async function resolveInsideCase(absolutePath: string, caseRoot: string): Promise<ContainedPath> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(caseRoot), realpath(absolutePath)]);
    if (!isPathInside(realRoot, realFile)) {
      return { ok: false, error: { code: 'symlink-skipped', detail: 'the file now leads outside the case folder' } };
    }
    return { ok: true, realPath: realFile };
  } catch (error) {
    return { ok: false, error: fsError(error) };
  }
}

/**
 * Opens a case file read-only after checking containment, without following a link
 * swapped in as the last component, then checks that the file opened is the one that
 * was checked (same device and inode). The caller owns the handle.
 */
export async function openInsideCase(absolutePath: string, caseRoot: string): Promise<ContainedFile> {
  const resolved = await resolveInsideCase(absolutePath, caseRoot);
  if (!resolved.ok) return resolved;
  let handle: FileHandle;
  try {
    handle = await open(resolved.realPath, constants.O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    return { ok: false, error: fsError(error) };
  }
  try {
    const [opened, checked] = await Promise.all([handle.stat(), stat(resolved.realPath)]);
    if (!opened.isFile()) {
      await handle.close();
      return { ok: false, error: { code: 'unreadable', detail: 'not a regular file' } };
    }
    if (opened.dev !== checked.dev || opened.ino !== checked.ino) {
      await handle.close();
      return { ok: false, error: { code: 'symlink-skipped', detail: 'the file changed while it was being opened' } };
    }
    return { ok: true, handle, realPath: resolved.realPath, sizeBytes: opened.size };
  } catch (error) {
    await handle.close();
    return { ok: false, error: fsError(error) };
  }
}
