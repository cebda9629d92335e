import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeStill, seededBytes, truncated } from '../../../../fixtures/synthetic-media.js';

/**
 * A small case with one of everything the import must tell apart: nested
 * folders, natural-order names, a duplicate, a PNG named .jpg, a corrupt JPEG,
 * random bytes named .png, an empty file, a text file and (off Windows) a link.
 */
export async function writeSmallCase(root: string): Promise<void> {
  const put = (relativePath: string, bytes: Buffer | string) => {
    const filePath = path.join(root, relativePath);
    mkdirSync(path.dirname(filePath), { recursive: true });
    writeFileSync(filePath, bytes);
  };
  const still = (seed: number, format: 'jpeg' | 'png' | 'gif' | 'webp') =>
    makeStill({ widthPx: 48, heightPx: 32, pattern: 'shapes', label: `S${seed}`, seed }, format);

  const shared = await still(1, 'png');
  put('a-first.png', shared);
  put('copies/a-first copy.png', shared);
  put('copies/deeper/again.png', shared);
  put('Sample 2.jpg', await still(2, 'jpeg'));
  put('Sample 10.jpg', await still(3, 'jpeg'));
  put('photo.jpg', await still(4, 'png'));
  put('z/last.gif', await still(5, 'gif'));
  put('z/moving.webp', await still(6, 'webp'));
  const jpeg = await makeStill({ widthPx: 120, heightPx: 90, pattern: 'noise', seed: 7 }, 'jpeg');
  put('corrupt.jpg', truncated(jpeg, 400));
  put('random.png', seededBytes(8, 2048));
  put('empty.jpg', Buffer.alloc(0));
  put('notes.txt', 'Synthetic case for tests.\n');
  if (process.platform !== 'win32') symlinkSync(path.join(root, 'a-first.png'), path.join(root, 'link.jpg'));
}

/** Many small distinct files in nested folders (each differs in its last bytes). */
export function writeManyFiles(root: string, count: number, perFolder = 7): void {
  for (let i = 0; i < count; i += 1) {
    const folder = path.join(root, `folder ${Math.floor(i / perFolder)}`);
    mkdirSync(folder, { recursive: true });
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`file ${i % (count - 3)}`)]);
    writeFileSync(path.join(folder, `file ${i}.png`), bytes);
  }
}

/** Deterministic ids that match ItemIdSchema and CaseIdSchema. */
export function counterIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${String((next += 1)).padStart(6, '0')}`;
}

/** A clock that moves forward by `stepMs` every time it is read. */
export function steppingClock(stepMs: number): { nowMs: () => number; readonly current: number } {
  let current = 1_000_000;
  return {
    nowMs: () => (current += stepMs),
    get current() {
      return current;
    },
  };
}

/** Bytes, size, mode and modification time of every entry, to prove the import changed nothing. */
export function snapshotTree(root: string): Map<string, string> {
  const snapshot = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const entryPath = path.join(dir, name);
      const stats = lstatSync(entryPath);
      const content = stats.isFile() ? readFileSync(entryPath).toString('base64') : '';
      snapshot.set(path.relative(root, entryPath), `${stats.mode}:${stats.size}:${stats.mtimeMs}:${content}`);
      if (stats.isDirectory()) visit(entryPath);
    }
  };
  visit(root);
  return snapshot;
}
