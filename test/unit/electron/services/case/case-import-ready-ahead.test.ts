import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaseImport } from '../../../../../electron/services/case/case-import.js';
import type { FileResult } from '../../../../../electron/services/case/file-result.js';
import type { ReadGate } from '../../../../../electron/services/case/read-gate.js';
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

/** Stored files that stamp each walked file with `resultOf(n)` (n counts files from 0; null: the file is read), after `onFile(n)`. */
function storedFiles(resultOf: (n: number, relativePath: string) => FileResult | null, onFile: (n: number) => void = () => undefined): StoredFiles {
  let stamped = 0;
  return {
    async *stamp(entries) {
      for await (const entry of entries) {
        if (entry.type !== 'file') continue;
        onFile(stamped);
        const stamp: StampedEntry = { ...entry, stored: resultOf(stamped, entry.relativePath) };
        stamped += 1;
        yield stamp;
      }
    },
    remember: () => undefined,
    rememberPdq: () => undefined,
    flush: async () => undefined,
  };
}

describe('runCaseImport reopening a case whose files are all unchanged', () => {
  it('lists every item, the walk never running far ahead of what is listed (results waiting long cost the main side stalls)', async () => {
    let listed = 0;
    let mostAhead = 0;
    const stored = storedFiles(
      (n, relativePath) => storedResult(relativePath, n),
      (n) => (mostAhead = Math.max(mostAhead, n - listed)),
    );
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

describe('runCaseImport with a slow file ahead of many unchanged ones', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'veil-ready-ahead-'));
    writeFileSync(path.join(root, names[0]!), 'not a picture');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets the walk run past the ready-ahead bound while the slow file holds everything back, then lists all in order', async () => {
    let releaseSlowFile = (): void => undefined;
    const slowFileHeld = new Promise<void>((resolve) => (releaseSlowFile = resolve));
    let entered = 0;
    // The first file (the only one read) waits here until the walk has found thousands after it.
    const readGate: ReadGate = { enter: () => (entered++ === 0 ? slowFileHeld : Promise.resolve()), leave: () => undefined };
    const stored = storedFiles(
      (n, relativePath) => (n === 0 ? null : storedResult(relativePath, n)),
      (n) => n === 3000 && releaseSlowFile(),
    );
    const index = await runCaseImport(root, {
      signal: new AbortController().signal,
      nowMs: () => 0,
      newItemId: counterIds(),
      onProgress: () => undefined,
      readGate,
      stored,
      walkFs: { ...flatFolder, opendir: (dirPath) => flatFolder.opendir(dirPath === root ? '/case' : dirPath) },
    });
    expect(index.progress.phase).toBe('done');
    expect(index.problems.map((problem) => problem.relativePath)).toEqual([names[0]]);
    expect(index.items.map((item) => item.relativePath)).toEqual(names.slice(1));
  });

  it('stops listing soon after a cancel, keeping what was listed in order', async () => {
    const controller = new AbortController();
    const stored = storedFiles((n, relativePath) => storedResult(relativePath, n));
    const index = await runCaseImport('/case', {
      signal: controller.signal,
      nowMs: () => 0,
      newItemId: counterIds(),
      onProgress: () => undefined,
      onItems: () => controller.abort(),
      stored,
      walkFs: flatFolder,
    });
    expect(index.progress.phase).toBe('cancelled');
    // What was found before the cancel is kept; the walk stops there, so most of the 6,000 are never listed.
    expect(index.items.length).toBeLessThanOrEqual(500 + 250);
    expect(index.items.map((item) => item.relativePath)).toEqual(names.slice(0, index.items.length));
  });
});
