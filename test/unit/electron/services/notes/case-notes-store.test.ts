import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesFilePath, openCaseNotes } from '../../../../../electron/services/notes/case-notes-store.js';
import { CaseNotesFileSchema } from '../../../../../shared/notes/case-notes.js';

let parent: string;
let caseRoot: string;
let stampCounter = 0;

beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'veil-notes-'));
  caseRoot = path.join(parent, 'Operation Birch');
  await mkdir(caseRoot);
  await writeFile(path.join(caseRoot, 'a.jpg'), 'evidence');
});

afterEach(async () => {
  await chmod(parent, 0o755).catch(() => undefined);
  await rm(parent, { recursive: true, force: true });
});

function store(options: { isDemo?: boolean } = {}) {
  return openCaseNotes({ caseRoot, isDemo: options.isDemo ?? false, nowMs: () => 1_800_000_000_000, stamp: () => `s${(stampCounter += 1)}` });
}

describe('case notes beside the case folder', () => {
  it('saves a note to a file beside the case, never inside it, and a new session reads it back', async () => {
    const first = store();
    expect((await first.load()).notes).toEqual([]);
    const saved = await first.save('sub/a.jpg', '  Matches the hash list; see report 12.  ');
    expect(saved.storage).toEqual({ state: 'saved', location: path.join(parent, 'Operation Birch.veil-notes.json'), problem: null });
    expect(saved.note).toEqual({ relativePath: 'sub/a.jpg', text: 'Matches the hash list; see report 12.', updatedAtMs: 1_800_000_000_000 });
    expect(await readdir(caseRoot)).toEqual(['a.jpg']);
    const file = CaseNotesFileSchema.parse(JSON.parse(await readFile(notesFilePath(caseRoot), 'utf8')));
    expect(file.notes.map((note) => note.text)).toEqual(['Matches the hash list; see report 12.']);
    expect((await store().load()).notes).toEqual([saved.note]);
  });

  it('removes a note saved empty, and keeps the others', async () => {
    const notes = store();
    await notes.save('b.png', 'keep');
    await notes.save('a.jpg', 'drop me');
    const removed = await notes.save('a.jpg', '   ');
    expect(removed.note).toBeNull();
    expect((await store().load()).notes.map((note) => note.relativePath)).toEqual(['b.png']);
  });

  it('keeps a damaged notes file aside with its exact bytes and starts an empty one', async () => {
    const damaged = Buffer.from('{"format":"veil.case-notes","version":1,"notes":[{"relativePath":"a.jpg","te\u0000\u0000', 'utf8');
    await writeFile(notesFilePath(caseRoot), damaged);
    const loaded = await store().load();
    expect(loaded.notes).toEqual([]);
    expect(loaded.storage.problem?.code).toBe('kept-aside');
    const kept = (await readdir(parent)).filter((name) => name.includes('.damaged-'));
    expect(kept).toHaveLength(1);
    expect(loaded.storage.problem?.detail).toContain(kept[0]);
    expect(Buffer.compare(await readFile(path.join(parent, kept[0] ?? '')), damaged)).toBe(0);
  });

  it('never writes over something at the notes name that is not a file, and keeps edits for the session', async () => {
    await mkdir(notesFilePath(caseRoot));
    const notes = store();
    const saved = await notes.save('a.jpg', 'still here');
    expect(saved.storage.state).toBe('session-only');
    expect(saved.storage.problem?.code).toBe('unreadable');
    expect((await notes.load()).notes.map((note) => note.text)).toEqual(['still here']);
    expect(await readdir(notesFilePath(caseRoot))).toEqual([]);
  });

  it('does not hang on a pipe at the notes name', async () => {
    execFileSync('mkfifo', [notesFilePath(caseRoot)]);
    const loaded = await store().load();
    expect(loaded.storage).toMatchObject({ state: 'session-only', problem: { code: 'unreadable' } });
  });

  it.skipIf(process.getuid?.() === 0)('tells the user when the share is read-only and keeps the note for the session', async () => {
    await chmod(parent, 0o555);
    const notes = store();
    const saved = await notes.save('a.jpg', 'read-only share');
    expect(saved.storage).toMatchObject({ state: 'session-only', problem: { code: 'not-writable' } });
    expect((await notes.load()).notes.map((note) => note.text)).toEqual(['read-only share']);
  });

  it('keeps the note for the session when the write is refused, and saves it once writing works again', async () => {
    const notes = store();
    await notes.load();
    // Something appears at the name after loading: the rename over it fails (as a read-only share's would).
    await mkdir(notesFilePath(caseRoot));
    const refused = await notes.save('a.jpg', 'kept for now');
    expect(refused.storage).toMatchObject({ state: 'session-only', problem: { code: 'not-writable' } });
    expect((await notes.load()).notes.map((note) => note.text)).toEqual(['kept for now']);
    await rm(notesFilePath(caseRoot), { recursive: true });
    const retried = await notes.save('b.jpg', 'and this');
    expect(retried.storage).toMatchObject({ state: 'saved', problem: null });
    expect((await store().load()).notes.map((note) => note.text)).toEqual(['kept for now', 'and this']);
    expect((await readdir(parent)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('keeps notes on the demo case for the session only and writes nothing', async () => {
    const notes = store({ isDemo: true });
    const saved = await notes.save('a.jpg', 'demo note');
    expect(saved.storage).toEqual({ state: 'session-only', location: null, problem: { code: 'demo-case', detail: expect.any(String) } });
    expect(saved.note?.text).toBe('demo note');
    expect(await readdir(parent)).toEqual(['Operation Birch']);
  });

  it('applies quick successive saves in order', async () => {
    const notes = store();
    await Promise.all([notes.save('a.jpg', 'one'), notes.save('a.jpg', 'two'), notes.save('b.jpg', 'three')]);
    expect((await store().load()).notes.map((note) => note.text)).toEqual(['two', 'three']);
  });
});
