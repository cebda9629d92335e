import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface OriginalFile {
  relativePath: string;
  bytes: Buffer;
  sha256: string;
}

/** Every file of a case folder, for checking that none of them reaches the browser as is. */
export function readOriginals(caseDir: string): OriginalFile[] {
  const files: OriginalFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        files.push({ relativePath: relative(caseDir, path), bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
    }
  };
  walk(caseDir);
  return files;
}

/** True when `body` is, or contains a 256-byte run from the start of, one of the originals. */
export function carriesOriginalBytes(body: Buffer, originals: readonly OriginalFile[]): string | null {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  for (const original of originals) {
    if (original.sha256 === bodyHash) return original.relativePath;
    if (original.bytes.length >= 256 && body.includes(original.bytes.subarray(0, 256))) return original.relativePath;
  }
  return null;
}
