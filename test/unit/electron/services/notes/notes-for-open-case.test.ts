import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openForTest } from '../../../workspace/workspace-harness.js';
import { openCaseNotes } from '../../../../../electron/services/notes/case-notes-store.js';
import { createNotesForOpenCase } from '../../../../../electron/services/notes/notes-for-open-case.js';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';

let parent: string;
let caseRoot: string;

beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'veil-open-notes-'));
  caseRoot = path.join(await realpath(parent), 'Operation Elm');
  await mkdir(caseRoot);
});

afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** The item as the import shows it once it found the normally named copy of a hidden file. */
const ITEM: MediaItem = mediaItemFixture({ id: 'itm-1', name: 'x.jpg', relativePath: 'photos/x.jpg', sizeBytes: 10, duplicatePaths: ['.cache/x.jpg'] });

function notesForOpenCase() {
  let stamp = 0;
  return createNotesForOpenCase({
    session: { caseFolder: () => ({ realRoot: caseRoot, isDemo: false }), getItems: () => [ITEM] },
    notesFolder: () => null,
    nowMs: () => 1_800_000_000_000,
    stamp: () => `s${(stamp += 1)}`,
  });
}

describe('notes of the open case', () => {
  it('edits a note where it was written, on a copy the import no longer shows, rather than writing a second one', async () => {
    await openCaseNotes({ caseRoot, isDemo: false, nowMs: () => 1, stamp: () => 'first' }).save('.cache/x.jpg', 'seen on the hidden copy');
    const notes = notesForOpenCase();
    const saved = await notes.save('case-1', ITEM.id, 'seen, and matched');
    expect(saved.note?.relativePath).toBe('.cache/x.jpg');
    expect((await notes.load('case-1')).notes.map((note) => [note.relativePath, note.text])).toEqual([['.cache/x.jpg', 'seen, and matched']]);
  });

  it('writes a new note under the path shown', async () => {
    const saved = await notesForOpenCase().save('case-1', ITEM.id, 'first look');
    expect(saved.note?.relativePath).toBe('photos/x.jpg');
  });

  it("closes the workspace of a case left only after its import's last writes are in", async () => {
    const otherRoot = path.join(parent, 'Operation Oak');
    await mkdir(otherRoot);
    const events: string[] = [];
    const notes = createNotesForOpenCase({
      session: { caseFolder: (caseId) => ({ realRoot: caseId === 'case-1' ? caseRoot : otherRoot, isDemo: false }), getItems: () => [ITEM] },
      notesFolder: () => null,
      nowMs: () => 1_800_000_000_000,
      stamp: () => 's',
      openWorkspace: async (filePath) => {
        const workspace = await openForTest(filePath);
        return { ...workspace, close: async () => (events.push(`closed ${path.basename(filePath)}`), workspace.close()) };
      },
    });
    expect(await notes.workspace('case-1')).not.toBeNull();
    let finishWrites = (): void => undefined;
    notes.keepOpenFor(new Promise<void>((resolve) => (finishWrites = resolve)).then(() => events.push('rows written')));
    expect(await notes.workspace('case-2')).not.toBeNull();
    finishWrites();
    await expect.poll(() => events.length).toBe(2);
    await notes.close();
    expect(events.slice(0, 2)).toEqual(['rows written', expect.stringMatching(/^closed .*Elm/)]);
  });
});
