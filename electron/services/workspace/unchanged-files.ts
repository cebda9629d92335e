import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { StoredStamp } from './workspace-queries.js';

/**
 * The stored rows of the files under `rootDir` (relative paths, forward slashes) whose size,
 * modification and status change times, inode and device are exactly as stored: files unchanged since they were hashed. Runs in the
 * workspace thread: a stat per file there (never following a link; a file gone or no longer a
 * regular file is simply not unchanged) costs the main side nothing, where 100,000 stats
 * through the main side's promises cost seconds. Times are compared as the doubles the
 * file system and SQLite give, never through decimal text.
 */
export function unchangedFiles(rootDir: string, relativePaths: readonly string[], storedStamp: (relativePath: string) => StoredStamp | null): unknown[] {
  const rows: unknown[] = [];
  for (const relativePath of relativePaths) {
    const stored = storedStamp(relativePath);
    if (stored === null) continue;
    const stats = lstatSync(path.join(rootDir, ...relativePath.split('/')), { throwIfNoEntry: false });
    if (stats?.isFile() !== true) continue;
    // Rows kept before ctime, inode and device were (null) never match: their files are read again.
    const same =
      stats.size === stored.sizeBytes &&
      stats.mtimeMs === stored.mtimeMs &&
      stats.ctimeMs === stored.ctimeMs &&
      stats.ino === stored.ino &&
      stats.dev === stored.dev;
    if (same) rows.push(stored.row);
  }
  return rows;
}
