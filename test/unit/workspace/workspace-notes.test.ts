import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesFilePath } from '../../../electron/services/notes/case-notes-store.js';
import { openWorkspaceNotes, type WorkspaceNotesStore } from '../../../electron/services/notes/workspace-notes-store.js';
import { workspaceSandbox } from './workspace-harness.js';

const sandbox = workspaceSandbox();

function notesStore(options: { pid?: number; isDemo?: boolean } = {}): WorkspaceNotesStore {
  return openWorkspaceNotes({
    caseRoot: sandbox.caseRoot,
    isDemo: options.isDemo ?? false,
    notesFolder: null,
    nowMs: () => 1_800_000_000_000,
    openWorkspace: (filePath, legacyNotesPath) => sandbox.open(filePath, { legacyNotesPath, ...(options.pid === undefined ? {} : { pid: options.pid }) }),
  });
}

describe('notes kept in the case workspace', () => {
  it('takes the old notes file in once, keeps it, and saves edits in the workspace for the next session', async () => {
    const legacy = notesFilePath(sandbox.caseRoot);
    const fileText = JSON.stringify({
      format: 'veil.case-notes',
      version: 1,
      notes: [{ relativePath: '.cache/x.jpg', text: 'on a hidden copy', updatedAtMs: 5 }],
    });
    await writeFile(legacy, fileText);
    const first = notesStore();
    expect(await first.load()).toEqual({
      storage: { state: 'saved', location: sandbox.dbPath, problem: null },
      notes: [{ relativePath: '.cache/x.jpg', text: 'on a hidden copy', updatedAtMs: 5 }],
    });
    const saved = await first.save('a.jpg', '  first look  ');
    expect(saved).toEqual({
      note: { relativePath: 'a.jpg', text: 'first look', updatedAtMs: 1_800_000_000_000 },
      storage: { state: 'saved', location: sandbox.dbPath, problem: null },
    });
    await first.close();

    const second = notesStore();
    expect((await second.load()).notes.map((note) => note.relativePath)).toEqual(['.cache/x.jpg', 'a.jpg']);
    await second.save('.cache/x.jpg', '');
    await second.close();
    // The old file is kept as it was, and a removed note does not come back from it.
    expect(await readFile(legacy, 'utf8')).toBe(fileText);
    const third = notesStore();
    expect((await third.load()).notes.map((note) => note.relativePath)).toEqual(['a.jpg']);
    await third.close();
  });

  it('keeps notes for the session only, and says why, while another Veil writes the case', async () => {
    const writer = notesStore();
    await writer.save('a.jpg', 'by the first Veil');
    const second = notesStore({ pid: process.pid + 100_000 });
    const loaded = await second.load();
    expect(loaded.storage).toEqual({ state: 'session-only', location: sandbox.dbPath, problem: { code: 'in-use', detail: String(process.pid) } });
    expect(loaded.notes.map((note) => note.text)).toEqual(['by the first Veil']);
    const saved = await second.save('b.jpg', 'kept for the session');
    expect(saved.note?.text).toBe('kept for the session');
    expect((await second.load()).notes.map((note) => note.relativePath)).toEqual(['a.jpg', 'b.jpg']);
    await second.close();
    await writer.close();
    const after = notesStore();
    expect((await after.load()).notes.map((note) => note.relativePath)).toEqual(['a.jpg']);
    await after.close();
  });

  it('keeps edits for the session and lets the workspace go when its notes cannot be read', async () => {
    let closed = false;
    const store = openWorkspaceNotes({
      caseRoot: sandbox.caseRoot,
      isDemo: false,
      notesFolder: null,
      nowMs: () => 1_800_000_000_000,
      openWorkspace: async (filePath, legacyNotesPath) => {
        const workspace = await sandbox.open(filePath, { legacyNotesPath });
        return {
          ...workspace,
          status: workspace.status,
          listNotes: () => Promise.reject(new Error('a damaged row')),
          close: async () => {
            closed = true;
            await workspace.close();
          },
        };
      },
    });
    expect((await store.load()).storage).toMatchObject({ state: 'session-only', problem: { code: 'unreadable' } });
    expect(closed).toBe(true);
    expect((await store.save('a.jpg', 'kept for now')).note).toMatchObject({ text: 'kept for now' });
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('never writes inside the case when the notes folder chosen is in it: notes last the session, and it says why', async () => {
    const inside = path.join(sandbox.caseRoot, 'notes');
    await mkdir(sandbox.caseRoot, { recursive: true });
    const store = openWorkspaceNotes({
      caseRoot: sandbox.caseRoot,
      isDemo: false,
      notesFolder: inside,
      nowMs: () => 1_800_000_000_000,
      openWorkspace: (filePath, legacyNotesPath) => sandbox.open(filePath, { legacyNotesPath }),
    });
    const before = await readdir(sandbox.caseRoot);
    expect((await store.save('a.jpg', 'kept for now')).storage).toMatchObject({ state: 'session-only', problem: { code: 'folder-in-case', detail: inside } });
    await store.close();
    expect(await readdir(sandbox.caseRoot)).toEqual(before);
  });

  it('writes nothing for the demo case', async () => {
    const demo = notesStore({ isDemo: true });
    expect((await demo.save('a.jpg', 'x')).storage).toEqual({ state: 'session-only', location: null, problem: { code: 'demo-case', detail: '' } });
    await demo.close();
    expect(await readdir(sandbox.parent)).toEqual([]);
  });

  it('names the damaged workspace it kept aside', async () => {
    await writeFile(sandbox.dbPath, 'not a database at all, but long enough to look like a file'.repeat(100));
    const store = notesStore();
    const { storage } = await store.load();
    expect(storage.state).toBe('saved');
    expect(storage.problem?.code).toBe('kept-aside');
    expect(await readdir(sandbox.parent)).toContain(path.basename(storage.problem?.detail ?? 'missing'));
    await store.close();
  });
});
