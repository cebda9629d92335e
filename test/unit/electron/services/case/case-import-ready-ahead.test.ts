import { describe, expect, it } from 'vitest';
import { runCaseImport } from '../../../../../electron/services/case/case-import.js';
import type { FileResult } from '../../../../../electron/services/case/file-result.js';
import type { StampedEntry, StoredFiles } from '../../../../../electron/services/case/stored-files.js';
import type { WalkFs } from '../../../../../electron/services/case/walk-folder.js';
import { counterIds } from './case-fixture.js';

const FILES = 6000;
const names = Array.from({ length: FILES }, (_, index) => `photo-${index}.png`);

/** A flat folder of FILES pictures, none of which is ever read (all are unchanged). */
const flatFolder: WalkFs = {
  opendir: async (dirPath) => {
    if (dirPath !== '/case') throw Object.assign(new Error('no such folder'), { code: 'ENOENT' });
    return (async function* () {
      for (const name of names) yield { name, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false };
    })();
  },
  lstat: async () => ({ isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }),
  checkFolder: async () => undefined,
};

function storedResult(relativePath: string, index: number): FileResult {
  const hex = (digits: number): string => index.toString(16).padStart(digits, '0');
  return { type: 'media', relativePath, format: 'png', claimedFormat: null, sizeBytes: 10, md5: hex(32), sha1: hex(40), sha256: hex(64), pdq: null };
}

describe('runCaseImport reopening a case whose files are all unchanged', () => {
  it('lists every item, the walk never running far ahead of what is listed (results waiting long cost the main side stalls)', async () => {
    let stamped = 0;
    let listed = 0;
    let mostAhead = 0;
    const stored: StoredFiles = {
      async *stamp(entries) {
        for await (const entry of entries) {
          if (entry.type !== 'file') continue;
          mostAhead = Math.max(mostAhead, stamped - listed);
          const stamp: StampedEntry = { ...entry, stored: storedResult(entry.relativePath, stamped) };
          stamped += 1;
          yield stamp;
        }
      },
      remember: () => undefined,
      rememberPdq: () => undefined,
      flush: async () => undefined,
    };
    const index = await runCaseImport('/case', {
      signal: new AbortController().signal,
      nowMs: () => 0,
      newItemId: counterIds(),
      onProgress: () => undefined,
      onItems: (batch) => (listed += batch.length),
      stored,
      walkFs: flatFolder,
    });
    expect(index.progress.phase).toBe('done');
    expect(index.items.map((item) => item.relativePath)).toEqual(names);
    // 500 ready results at most, plus the one slice being published: far below the 4,096 a slow file may hold back.
    expect(mostAhead).toBeLessThanOrEqual(500 + 250);
  });
});
