import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { notesFilePath } from '../../../electron/services/notes/case-notes-store.js';
import { itemRow } from '../../fixtures/workspace/item-rows.js';
import { workspaceSandbox } from './workspace-harness.js';

const WRITER = fileURLToPath(new URL('../../fixtures/workspace/interrupted-writer.ts', import.meta.url));

const sandbox = workspaceSandbox();

describe('the case workspace and the notes file it replaces', () => {
  it('imports the old notes file once, keeps it, and loses none (a note on a duplicate copy included)', async () => {
    const legacyNotesPath = notesFilePath(sandbox.caseRoot);
    const notes = [
      { relativePath: 'a.jpg', text: 'On the shown copy', updatedAtMs: 10 },
      { relativePath: 'copies/.hidden-a.jpg', text: 'Written on a duplicate copy', updatedAtMs: 11 },
      { relativePath: 'b.jpg', text: 'Ünïcode — “quotes”', updatedAtMs: 12 },
    ];
    const fileText = JSON.stringify({ format: 'veil.case-notes', version: 1, notes });
    await writeFile(legacyNotesPath, fileText);

    const first = await sandbox.open(sandbox.dbPath, { legacyNotesPath });
    expect(first.status.notesImported).toBe(3);
    expect(await first.listNotes()).toEqual([...notes].sort((x, y) => x.relativePath.localeCompare(y.relativePath)));
    await first.saveNote('a.jpg', 'Edited after the import', 20);
    await first.close();

    const second = await sandbox.open(sandbox.dbPath, { legacyNotesPath });
    expect(second.status.notesImported).toBeNull();
    expect((await second.listNotes()).find((note) => note.relativePath === 'a.jpg')?.text).toBe('Edited after the import');
    expect(await readdir(sandbox.parent)).toContain(path.basename(legacyNotesPath));
  });

  it('leaves an unreadable notes file for a later open instead of marking it imported', async () => {
    const legacyNotesPath = notesFilePath(sandbox.caseRoot);
    await writeFile(legacyNotesPath, '{"format": "veil.case-notes", "version": 1, "notes": [');
    const first = await sandbox.open(sandbox.dbPath, { legacyNotesPath });
    expect(first.status.notesImported).toBeNull();
    await first.close();
    await writeFile(legacyNotesPath, JSON.stringify({ format: 'veil.case-notes', version: 1, notes: [{ relativePath: 'a.jpg', text: 'x', updatedAtMs: 1 }] }));
    const second = await sandbox.open(sandbox.dbPath, { legacyNotesPath });
    expect(second.status.notesImported).toBe(1);
  });

  it('keeps the last committed state when a write is cut off by a crash', async () => {
    const before = await sandbox.open(sandbox.dbPath);
    await before.putItems([itemRow(1), itemRow(2)]);
    await before.saveNote('a.jpg', 'kept', 5);
    await before.close();

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, sandbox.dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    // The writer never stops by itself: a test that times out must not leave it writing.
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    let said = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      said += chunk;
      if (said.includes('in-transaction')) child.kill('SIGKILL');
    });
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal, said }).toEqual({ code: null, signal: 'SIGKILL', said: 'in-transaction\n' });
    // The kill left a hot journal (and a lock naming a process that is gone).
    expect(await readdir(sandbox.parent)).toContain('Operation Birch.veil-case.sqlite-journal');

    const after = await sandbox.open(sandbox.dbPath);
    expect(after.status).toMatchObject({ mode: 'read-write', problem: null });
    expect(await after.readAllItems()).toEqual([itemRow(1), itemRow(2)]);
    expect(await after.listNotes()).toEqual([{ relativePath: 'a.jpg', text: 'kept', updatedAtMs: 5 }]);
  });
});
