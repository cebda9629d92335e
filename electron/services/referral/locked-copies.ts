import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { lockedByReferral } from '../../../shared/referral/referral-lock.js';
import type { ReferralEntry } from '../../../shared/referral/referral-entry.js';

/** What telling an item's bytes apart needs: its paths, size and SHA-256 (lower-case hex). */
interface CopyCandidate {
  relativePath: string;
  duplicatePaths: readonly string[];
  sizeBytes: number;
  sha256: string;
}

export interface LockedCopies {
  /** Whether the item has the same bytes as a locked file the manifest names by path alone, found or not yet found by the import. */
  isCopyOfLocked(item: CopyCandidate): Promise<boolean>;
}

async function sha256Of(absolutePath: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(absolutePath), hash);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * Locked files the manifest names by path only. During a first import the copy walked first
 * becomes the item and a later identical copy only joins its `duplicatePaths` when it is
 * reached, so until then the item would not match the locked path and its picture (the
 * locked file's very pixels) would be served. Such files are measured once, and an item of
 * the same size is compared by SHA-256 (read once per locked file, then remembered).
 */
export async function lockedCopiesOf(caseRoot: string, entries: readonly ReferralEntry[], lockOn: boolean): Promise<LockedCopies> {
  const bySize = new Map<number, string[]>();
  for (const entry of entries) {
    if (entry.path === null || entry.md5 !== null || entry.sha1 !== null || entry.sha256 !== null || !lockedByReferral(entry, lockOn)) continue;
    const absolutePath = path.join(caseRoot, entry.path);
    const sizeBytes = await stat(absolutePath).then(
      (stats) => (stats.isFile() ? stats.size : null),
      () => null,
    );
    if (sizeBytes === null) continue;
    const list = bySize.get(sizeBytes);
    if (list) list.push(entry.path);
    else bySize.set(sizeBytes, [entry.path]);
  }
  const digests = new Map<string, Promise<string | null>>();
  return {
    async isCopyOfLocked(item) {
      const own = new Set([item.relativePath, ...item.duplicatePaths]);
      for (const lockedPath of bySize.get(item.sizeBytes) ?? []) {
        if (own.has(lockedPath)) continue;
        let digest = digests.get(lockedPath);
        if (!digest) digests.set(lockedPath, (digest = sha256Of(path.join(caseRoot, lockedPath))));
        if ((await digest) === item.sha256) return true;
      }
      return false;
    },
  };
}
