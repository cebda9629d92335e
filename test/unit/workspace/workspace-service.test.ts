import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueryTiming } from '../../../electron/services/workspace/workspace-client.js';
import { workspaceFilePath } from '../../../electron/services/workspace/workspace-location.js';
import { itemRow } from '../../fixtures/workspace/item-rows.js';
import { workspaceSandbox } from './workspace-harness.js';

const sandbox = workspaceSandbox();

/** Writes random-looking bytes over `length` bytes before the last page of the file. */
async function overwriteNearEnd(file: string, length: number): Promise<void> {
  const bytes = await readFile(file);
  const start = bytes.length - length - 4096;
  for (let index = start; index < start + length; index += 1) bytes[index] = (index * 151) % 256;
  await writeFile(file, bytes);
}

describe('the case workspace', () => {
  it('lives beside the case folder, or in the notes folder under a name tagged by the case path', () => {
    expect(sandbox.dbPath).toBe(path.join(sandbox.parent, 'Operation Birch.veil-case.sqlite'));
    const inFolder = workspaceFilePath(sandbox.caseRoot, '/srv/case-work');
    expect(path.dirname(inFolder)).toBe('/srv/case-work');
    expect(path.basename(inFolder)).toMatch(/^Operation Birch [0-9a-f]{8}\.veil-case\.sqlite$/);
    expect(workspaceFilePath('/other/Operation Birch', '/srv/case-work')).not.toBe(inFolder);
  });

  it('keeps items across sessions and names only new or changed files as needing a read', async () => {
    const first = await sandbox.open(sandbox.dbPath);
    expect(first.status).toEqual({ mode: 'read-write', filePath: sandbox.dbPath, problem: null, notesImported: null });
    const items = Array.from({ length: 4500 }, (_, index) => itemRow(index));
    await first.putItems(items);
    await first.close();

    const second = await sandbox.open(sandbox.dbPath);
    expect(await second.readAllItems()).toEqual(items);
    const now = items.map(({ path: itemPath, sizeBytes, mtimeMs }) => ({ path: itemPath, sizeBytes, mtimeMs }));
    now[10] = { ...now[10]!, sizeBytes: 1 };
    now[20] = { ...now[20]!, mtimeMs: 5 };
    now.push({ path: 'photos/new.jpg', sizeBytes: 3, mtimeMs: 4 });
    expect(await second.changedFiles(now)).toEqual([items[10]!.path, items[20]!.path, 'photos/new.jpg']);
  });

  it('tells how long each request spent in the workspace thread and on the main side, for bench:reopen', async () => {
    const timings: QueryTiming[] = [];
    const workspace = await sandbox.open(sandbox.dbPath, { onQuery: (timing) => timings.push(timing) });
    await workspace.putItems([itemRow(1)]);
    await workspace.readAllItems();
    expect(timings.map((timing) => timing.type)).toEqual(['open', 'putItems', 'readItems']);
    for (const timing of timings) {
      expect(timing.workerMs).toBeGreaterThan(0);
      expect(timing.replyMs).toBeGreaterThanOrEqual(0);
      expect(timing.roundTripMs).toBeGreaterThanOrEqual(timing.workerMs + timing.replyMs);
    }
  });

  it('refuses a workspace written by a newer Veil and leaves its bytes alone', async () => {
    const first = await sandbox.open(sandbox.dbPath);
    await first.putItems([itemRow(1)]);
    await first.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(sandbox.dbPath);
    db.pragma('user_version = 99');
    db.close();
    const before = await readFile(sandbox.dbPath);

    const newer = await sandbox.open(sandbox.dbPath);
    expect(newer.status).toEqual({ mode: 'unavailable', filePath: sandbox.dbPath, problem: { code: 'workspace-newer', version: 99 }, notesImported: null });
    expect(await newer.readAllItems()).toEqual([]);
    await expect(newer.putItems([itemRow(2)])).rejects.toMatchObject({ code: 'workspace-read-only' });
    await newer.close();
    expect((await readFile(sandbox.dbPath)).equals(before)).toBe(true);
  });

  const seen = { relativePath: 'photos/000001.jpg', text: 'Seen in case 12', updatedAtMs: 1_800_000_000_000 };
  it.each([
    ['garbage bytes', (file: string) => writeFile(file, Buffer.from('this is not a database, it is a shopping list\n'.repeat(200))), []],
    // SQLite cannot read even the schema of a file cut short: nothing can be saved from it.
    ['a truncated file', async (file: string) => truncate(file, Math.floor((await stat(file)).size / 2)), []],
    // Garbage over item pages near the end: the notes' early page is still readable and saved.
    ['garbage over some pages', (file: string) => overwriteNearEnd(file, 3 * 4096), [seen]],
  ])('keeps a damaged workspace (%s) aside byte for byte, makes a new one and says what was recovered', async (_label, damage, recovered) => {
    const first = await sandbox.open(sandbox.dbPath);
    await first.saveNote('photos/000001.jpg', 'Seen in case 12', 1_800_000_000_000);
    await first.putItems(Array.from({ length: 3000 }, (_, index) => itemRow(index)));
    await first.close();
    await damage(sandbox.dbPath);
    const damagedBytes = await readFile(sandbox.dbPath);

    const reopened = await sandbox.open(sandbox.dbPath);
    expect(reopened.status.mode).toBe('read-write');
    const problem = reopened.status.problem;
    if (problem?.code !== 'workspace-kept-aside') throw new Error(`expected kept-aside, got ${JSON.stringify(problem)}`);
    expect(problem.keptAs).toMatch(/^Operation Birch\.veil-case\.sqlite\.damaged-/);
    expect((await readFile(path.join(sandbox.parent, problem.keptAs))).equals(damagedBytes)).toBe(true);
    // The items are rebuilt from the case files by the next import; the workspace starts empty of them.
    expect(await reopened.readAllItems()).toEqual([]);
    expect(await reopened.listNotes()).toEqual(recovered);
    expect(problem.recoveredNotes).toBe(recovered.length);
    await reopened.putItems([itemRow(7)]);
    expect(await reopened.readAllItems()).toEqual([itemRow(7)]);
  });

  it('lets one Veil write a workspace; a second Veil on the same case reads it and says so', async () => {
    const writer = await sandbox.open(sandbox.dbPath);
    await writer.saveNote('a.jpg', 'first', 1);
    await writer.putItems([itemRow(1)]);
    expect(await readdir(sandbox.parent)).toContain('Operation Birch.veil-case.sqlite.lock');

    // Another process's pid: the lock names this (running) process, so the holder is alive.
    const second = await sandbox.open(sandbox.dbPath, { pid: process.pid + 100_000 });
    expect(second.status.mode).toBe('read-only');
    expect(second.status.problem).toEqual({ code: 'workspace-in-use', holderPid: process.pid, holderHost: 'browser' });
    expect(await second.readAllItems()).toEqual([itemRow(1)]);
    expect(await second.listNotes()).toEqual([{ relativePath: 'a.jpg', text: 'first', updatedAtMs: 1 }]);
    await expect(second.saveNote('a.jpg', 'second', 2)).rejects.toMatchObject({ code: 'workspace-read-only' });
    await second.close();

    await writer.close();
    expect(await readdir(sandbox.parent)).not.toContain('Operation Birch.veil-case.sqlite.lock');
    const next = await sandbox.open(sandbox.dbPath, { pid: process.pid + 100_000 });
    expect(next.status.mode).toBe('read-write');
  });

  it('uses a rollback journal, never WAL, so a workspace on a network share stays safe', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    await workspace.putItems([itemRow(1)]);
    await workspace.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(sandbox.dbPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect((await readdir(sandbox.parent)).filter((name) => name.endsWith('-wal') || name.endsWith('-shm'))).toEqual([]);
  });
});
