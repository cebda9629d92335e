import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesFilePath, openCaseNotes } from '../../../../../electron/services/notes/case-notes-store.js';
import { replaceFileAtomically } from '../../../../../electron/services/platform/durable-write.js';
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
    const damagedNotes = store();
    const loaded = await damagedNotes.load();
    expect(loaded.notes).toEqual([]);
    expect(loaded.storage.problem?.code).toBe('kept-aside');
    // Still named after the first save: it is where the old notes are.
    expect((await damagedNotes.save('a.jpg', 'new start')).storage).toMatchObject({ state: 'saved', problem: { code: 'kept-aside' } });
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
    let refuse = true;
    const notes = openCaseNotes({
      caseRoot,
      isDemo: false,
      nowMs: () => 1_800_000_000_000,
      stamp: () => `s${(stampCounter += 1)}`,
      replaceFile: async (dirPath, name, stamp, bytes) => {
        if (refuse) throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
        await replaceFileAtomically(dirPath, name, stamp, bytes);
      },
    });
    const refused = await notes.save('a.jpg', 'kept for now');
    expect(refused.storage).toMatchObject({ state: 'session-only', problem: { code: 'not-writable', detail: 'EROFS' } });
    expect((await notes.load()).notes.map((note) => note.text)).toEqual(['kept for now']);
    refuse = false;
    const retried = await notes.save('b.jpg', 'and this');
    expect(retried.storage).toMatchObject({ state: 'saved', problem: null });
    expect((await store().load()).notes.map((note) => note.text)).toEqual(['kept for now', 'and this']);
  });

  it('never touches something that appears at the notes name after loading, and keeps edits for the session', async () => {
    const notes = store();
    await notes.load();
    await mkdir(notesFilePath(caseRoot));
    const saved = await notes.save('a.jpg', 'kept for now');
    expect(saved.storage).toMatchObject({ state: 'session-only', problem: { code: 'unreadable' } });
    expect((await notes.load()).notes.map((note) => note.text)).toEqual(['kept for now']);
    expect(await readdir(notesFilePath(caseRoot))).toEqual([]);
  });

  it('adds an edit to what a colleague saved meanwhile instead of writing over it', async () => {
    const alice = store();
    const bob = store();
    await alice.load();
    await bob.load();
    await alice.save('a.jpg', 'Alice: matches report 12');
    await bob.save('b.jpg', 'Bob: same room as b');
    await alice.save('a.jpg', 'Alice: matches report 12 and 13');
    expect((await store().load()).notes.map((note) => note.text)).toEqual(['Alice: matches report 12 and 13', 'Bob: same room as b']);
    expect((await alice.load()).notes.map((note) => note.text)).toContain('Bob: same room as b');
  });

  it("leaves a newer Veil's notes file alone, keeping edits for the session", async () => {
    const newer = JSON.stringify({ format: 'veil.case-notes', version: 2, notes: [], tags: [] });
    await writeFile(notesFilePath(caseRoot), newer);
    const notes = store();
    const saved = await notes.save('a.jpg', 'session only');
    expect(saved.storage).toMatchObject({ state: 'session-only', problem: { code: 'newer-format' } });
    expect(await readFile(notesFilePath(caseRoot), 'utf8')).toBe(newer);
    expect((await readdir(parent)).filter((entry) => entry.includes('.damaged-'))).toEqual([]);
  });

  it('reads a notes file saved with a byte-order mark', async () => {
    const file = { format: 'veil.case-notes', version: 1, notes: [{ relativePath: 'a.jpg', text: 'from Notepad', updatedAtMs: 1 }] };
    await writeFile(notesFilePath(caseRoot), `\uFEFF${JSON.stringify(file)}`);
    expect(await store().load()).toMatchObject({ notes: [{ text: 'from Notepad' }], storage: { state: 'saved', problem: null } });
  });

  it('keeps notes for the session only for a case at the top of a drive, where beside would be inside', async () => {
    const notes = openCaseNotes({ caseRoot: path.parse(caseRoot).root, isDemo: false, nowMs: () => 1, stamp: () => 'x' });
    const saved = await notes.save('a.jpg', 'root case');
    expect(saved.storage).toMatchObject({ state: 'session-only', problem: { code: 'case-at-root' } });
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

  it('keeps notes in a chosen notes folder instead, named so two cases with the same folder name stay apart', async () => {
    const notesFolder = path.join(parent, 'casework-notes');
    await mkdir(notesFolder);
    const notes = openCaseNotes({ caseRoot, isDemo: false, notesFolder, nowMs: () => 1, stamp: () => `n${(stampCounter += 1)}` });
    const saved = await notes.save('a.jpg', 'in the notes folder');
    expect(saved.storage.location).toBe(notesFilePath(caseRoot, notesFolder));
    expect(path.dirname(saved.storage.location ?? '')).toBe(notesFolder);
    expect(path.basename(saved.storage.location ?? '')).toMatch(/^Operation Birch [0-9a-f]{8}\.veil-notes\.json$/);
    expect(notesFilePath(path.join(parent, 'elsewhere', 'Operation Birch'), notesFolder)).not.toBe(saved.storage.location);
    expect((await readdir(parent)).sort()).toEqual(['Operation Birch', 'casework-notes']);
    const atRoot = openCaseNotes({ caseRoot: path.parse(caseRoot).root, isDemo: false, notesFolder, nowMs: () => 1, stamp: () => 'r' });
    expect((await atRoot.load()).storage).toMatchObject({ state: 'saved', problem: null });
  });
});
