import { chmodSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaseImport } from '../../../../../electron/services/case/case-import.js';
import type { CaseIndex } from '../../../../../electron/services/case/case-index.js';
import { createStoredFiles, type StoredFiles } from '../../../../../electron/services/case/stored-files.js';
import type { CaseWorkspace } from '../../../../../electron/services/workspace/workspace-client.js';
import { openForTest } from '../../../workspace/workspace-harness.js';
import { counterIds, steppingClock, writeSmallCase } from './case-fixture.js';

let parent: string;
let root: string;
let dbPath: string;
const opened: CaseWorkspace[] = [];

beforeEach(async () => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'veil-reopen-'));
  root = path.join(parent, 'case');
  dbPath = path.join(parent, 'case.veil-case.sqlite');
  await writeSmallCase(root);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  rmSync(parent, { recursive: true, force: true });
});

async function openWorkspace(pid?: number): Promise<CaseWorkspace> {
  const workspace = await openForTest(dbPath, pid === undefined ? {} : { pid });
  opened.push(workspace);
  return workspace;
}

/** Imports the case; with a workspace, as the session does (unchanged files from it, read files kept in it). */
async function importCase(workspace: CaseWorkspace | null): Promise<{ index: CaseIndex; stored: StoredFiles | null }> {
  const stored = workspace === null ? null : createStoredFiles(Promise.resolve(workspace));
  const index = await runCaseImport(root, {
    signal: new AbortController().signal,
    nowMs: steppingClock(1).nowMs,
    newItemId: counterIds('item'),
    onProgress: () => undefined,
    stored: stored ?? undefined,
  });
  expect(index.progress.phase).toBe('done');
  return { index, stored };
}

/** Everything a user sees of a case's list: order, stacks, counts, problems (not the random ids). */
function listing(index: CaseIndex) {
  return {
    items: index.items.map(({ id: _id, stackId: _stackId, ...item }) => item),
    problems: index.problems,
    duplicateCount: index.duplicateCount,
    filesFound: index.progress.filesFound,
  };
}

/** Bytes the import hashed: counted chunk by chunk in the read loop, so a file taken from the workspace adds nothing. */
const bytesRead = (index: CaseIndex): number => index.progress.bytesProcessed;

/** A whole second, so it can be set again exactly (a Date keeps only milliseconds of the nanoseconds a file system keeps). */
const STAMP_S = 1_700_000_000;

/** Writes new bytes of the same length into a file and puts its modification time back: only a read can notice. */
function swapContentKeepingStamp(relativePath: string): void {
  const filePath = path.join(root, relativePath);
  const bytes = readFileSync(filePath);
  writeFileSync(filePath, Buffer.from(bytes.map((byte) => byte ^ 0x5a)));
  utimesSync(filePath, STAMP_S, STAMP_S);
}

describe('reopening a case with a workspace', () => {
  it('reads no unchanged file and lists the case exactly as a fresh import does', async () => {
    const first = await importCase(await openWorkspace());
    expect(bytesRead(first.index)).toBeGreaterThan(0);
    const reopened = await importCase(opened[0]!);
    expect(bytesRead(reopened.index)).toBe(0);
    expect(listing(reopened.index)).toEqual(listing((await importCase(null)).index));
    expect(listing(reopened.index)).toEqual(listing(first.index));
  });

  it('reads again a file rewritten with its modification time set back, one whose permissions changed, and one kept before version 3', async () => {
    utimesSync(path.join(root, 'Sample 2.jpg'), STAMP_S, STAMP_S);
    const workspace = await openWorkspace();
    await importCase(workspace);
    swapContentKeepingStamp('Sample 2.jpg');
    chmodSync(path.join(root, 'Sample 10.jpg'), 0o600);
    await opened.splice(0).map((open) => open.close())[0];
    // A row as version 2 kept it: no status change time, inode or device.
    const db = new Database(dbPath);
    db.prepare('UPDATE items SET ctime_ms = NULL, ino = NULL, dev = NULL WHERE path = ?').run('photo.jpg');
    db.close();

    const reopened = await importCase(await openWorkspace());
    const sizeOf = (relativePath: string): number => statSync(path.join(root, relativePath)).size;
    expect(bytesRead(reopened.index)).toBe(['Sample 2.jpg', 'Sample 10.jpg', 'photo.jpg'].reduce((sum, file) => sum + sizeOf(file), 0));
    // Read again, the swapped file is no longer a JPEG, as a fresh import finds.
    expect(reopened.index.items.some((item) => item.relativePath === 'Sample 2.jpg')).toBe(false);
    expect(listing(reopened.index)).toEqual(listing((await importCase(null)).index));
  });

  it('reads again a file whose size changed, one whose modification time changed, a new one and a renamed one; a deleted one disappears', async () => {
    await importCase(await openWorkspace());
    const grown = path.join(root, 'z/last.gif');
    writeFileSync(grown, Buffer.concat([readFileSync(grown), Buffer.from([0])]));
    const touched = path.join(root, 'Sample 10.jpg');
    utimesSync(touched, new Date(), new Date(statSync(touched).mtimeMs + 5_000));
    writeFileSync(path.join(root, 'new.png'), readFileSync(path.join(root, 'photo.jpg')));
    renameSync(path.join(root, 'z/moving.webp'), path.join(root, 'z/moved.webp'));
    rmSync(path.join(root, 'corrupt.jpg'));

    const reopened = await importCase(opened[0]!);
    const sizeOf = (relativePath: string): number => statSync(path.join(root, relativePath)).size;
    // Only these four: the files that are not media (kept with why) and the rest come from the workspace.
    const expectedBytes = ['z/last.gif', 'Sample 10.jpg', 'new.png', 'z/moved.webp'].reduce((sum, file) => sum + sizeOf(file), 0);
    expect(bytesRead(reopened.index)).toBe(expectedBytes);
    expect(listing(reopened.index)).toEqual(listing((await importCase(null)).index));
    const paths = reopened.index.items.flatMap((item) => [item.relativePath, ...item.duplicatePaths]);
    expect(paths).toContain('z/moved.webp');
    expect(paths).not.toContain('z/moving.webp');
    expect(paths).not.toContain('corrupt.jpg');
  });

  it('keeps a PDQ hash learnt later, so the reopened image needs none again', async () => {
    const first = await importCase(await openWorkspace());
    const photo = first.index.items.find((item) => item.relativePath === 'a-first.png');
    const pdq = { hex: 'ab'.repeat(32), quality: 90 };
    first.stored?.rememberPdq([photo!.relativePath, ...photo!.duplicatePaths], pdq);
    await first.stored?.flush();

    const reopened = await importCase(opened[0]!);
    const again = reopened.index.items.find((item) => item.relativePath === 'a-first.png');
    expect({ pdq: again?.pdq, pdqQuality: again?.pdqQuality }).toEqual({ pdq: pdq.hex, pdqQuality: pdq.quality });
  });

  it('reuses a file dated before 1970 like any other, and reads again only a file whose stored row is not whole', async () => {
    // Forensic extractions carry NTFS's 1601 epoch (a Date: utimes takes a negative number of seconds as "now").
    const ntfsEpoch = new Date(-11_644_473_600_000);
    utimesSync(path.join(root, 'Sample 2.jpg'), ntfsEpoch, ntfsEpoch);
    expect(statSync(path.join(root, 'Sample 2.jpg')).mtimeMs).toBeLessThan(0);
    const workspace = await openWorkspace();
    await importCase(workspace);
    expect(bytesRead((await importCase(workspace)).index)).toBe(0);

    await opened.splice(0).map((open) => open.close())[0];
    const db = new Database(dbPath);
    db.prepare("UPDATE items SET md5 = 'not hex' WHERE path = ?").run('photo.jpg');
    db.close();
    const reopened = await importCase(await openWorkspace());
    expect(bytesRead(reopened.index)).toBe(statSync(path.join(root, 'photo.jpg')).size);
    expect(listing(reopened.index)).toEqual(listing((await importCase(null)).index));
  });

  it('publishes nothing more of a looked-up batch once the import is cancelled', async () => {
    const workspace = await openWorkspace();
    await importCase(workspace);
    const inner = createStoredFiles(Promise.resolve(workspace));
    const controller = new AbortController();
    const cancelling: StoredFiles = {
      ...inner,
      async *stamp(entries, rootDir) {
        for await (const entry of inner.stamp(entries, rootDir)) {
          yield entry;
          // The investigator cancels right after the first unchanged file is listed.
          if (entry.type === 'file' && entry.stored) controller.abort();
        }
      },
    };
    const index = await runCaseImport(root, {
      signal: controller.signal,
      nowMs: steppingClock(1).nowMs,
      newItemId: counterIds('item'),
      onProgress: () => undefined,
      stored: cancelling,
    });
    expect(index.progress.phase).toBe('cancelled');
    expect(index.items.length + index.problems.length).toBeLessThanOrEqual(1);
  });

  it('writes PDQ hashes in batches, one message per batch, on flush or once the delay has passed', async () => {
    const workspace = await openWorkspace();
    const first = await importCase(workspace);
    let pdqMessages = 0;
    const counting: CaseWorkspace = { ...workspace, putPdq: (entries) => ((pdqMessages += 1), workspace.putPdq(entries)) };
    const timers: (() => void)[] = [];
    const stored = createStoredFiles(Promise.resolve(counting), (run) => (timers.push(run), () => timers.splice(timers.indexOf(run), 1)));
    const pdq = { hex: 'cd'.repeat(32), quality: 80 };
    for (const item of first.index.items) stored.rememberPdq([item.relativePath, ...item.duplicatePaths], pdq);
    await stored.flush();
    expect(pdqMessages).toBe(1);
    stored.rememberPdq([first.index.items[0]!.relativePath], null);
    stored.rememberPdq([first.index.items[1]!.relativePath], null);
    expect(timers).toHaveLength(1);
    timers[0]!();
    await stored.flush();
    expect(pdqMessages).toBe(2);
    const reopened = await importCase(workspace);
    expect(reopened.index.items.slice(2).every((item) => item.pdq === pdq.hex)).toBe(true);
    expect(reopened.index.items.slice(0, 2).map((item) => item.pdq)).toEqual([null, null]);
  });

  it('reads everything when another Veil writes the workspace, and still lists the case the same', async () => {
    const holder = await openWorkspace();
    await importCase(holder);
    const second = await openWorkspace(process.pid + 100_000);
    expect(second.status.mode).toBe('read-only');
    const fresh = await importCase(null);
    const readOnly = await importCase(second);
    expect(bytesRead(readOnly.index)).toBe(bytesRead(fresh.index));
    expect(listing(readOnly.index)).toEqual(listing(fresh.index));
  });

  it('reads everything when the workspace cannot be had at all', async () => {
    const stored = createStoredFiles(Promise.reject(new Error('no thread')));
    const index = await runCaseImport(root, {
      signal: new AbortController().signal,
      nowMs: steppingClock(1).nowMs,
      newItemId: counterIds('item'),
      onProgress: () => undefined,
      stored,
    });
    const fresh = await importCase(null);
    expect(bytesRead(index)).toBe(bytesRead(fresh.index));
    expect(listing(index)).toEqual(listing(fresh.index));
  });
});
