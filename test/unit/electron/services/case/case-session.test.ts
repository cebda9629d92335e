import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseSummarySchema } from '../../../../../shared/case/case-summary.js';
import type { EventName, EventPayloads } from '../../../../../shared/contract.js';
import { VeilRequestError } from '../../../../../shared/contract-errors.js';
import { createCaseSession } from '../../../../../electron/services/case/case-session.js';
import type { CaseSessionDeps } from '../../../../../electron/services/case/case-session-deps.js';
import { nodeWalkFs } from '../../../../../electron/services/case/walk-folder.js';
import { counterIds, steppingClock, writeManyFiles, writeSmallCase } from './case-fixture.js';

type Emitted = { [N in EventName]: { name: N; payload: EventPayloads[N] } }[EventName];

let rootA: string;
let rootB: string;
beforeEach(async () => {
  rootA = mkdtempSync(path.join(os.tmpdir(), 'veil-case-a-'));
  rootB = mkdtempSync(path.join(os.tmpdir(), 'veil-case-b-'));
  await writeSmallCase(rootA);
  writeManyFiles(rootB, 30);
});
afterEach(() => {
  rmSync(rootA, { recursive: true, force: true });
  rmSync(rootB, { recursive: true, force: true });
});

function makeSession(overrides: Partial<CaseSessionDeps> = {}) {
  const events: Emitted[] = [];
  const session = createCaseSession({
    idGenerator: counterIds('id'),
    nowMs: steppingClock(1).nowMs,
    emit: (name, payload) => events.push({ name, payload } as Emitted),
    ...overrides,
  });
  return { session, events };
}

describe('createCaseSession', () => {
  it('has no case before one is opened', async () => {
    const { session } = makeSession();
    expect(session.summary()).toBeNull();
    expect(await session.cancelImport()).toMatchObject({ phase: 'idle' });
  });

  it('hands every listed item of the open case, in grid order, to onItems as the import finds it', async () => {
    const listed: { caseId: string; ids: string[] }[] = [];
    const { session } = makeSession({ onItems: (caseId, items) => listed.push({ caseId, ids: items.map((item) => item.id) }) });
    const opened = await session.open(rootB);
    await session.whenIdle();
    const page = session.listItems(opened.caseId, 0, 100);
    expect(listed.every((batch) => batch.caseId === opened.caseId)).toBe(true);
    expect(listed.flatMap((batch) => batch.ids)).toEqual(page.items.map((item) => item.id));
  });

  it('asks whether pictures are being made while it reads, and still imports every file when they always are', async () => {
    let asked = 0;
    const { session } = makeSession({
      picturesInFlight: () => {
        asked += 1;
        return true;
      },
    });
    // More files than the first screen's, which are read one at a time whatever the workers do.
    const root = mkdtempSync(path.join(os.tmpdir(), 'veil-case-many-'));
    try {
      writeManyFiles(root, 80);
      await session.open(root);
      await session.whenIdle();
      expect(session.summary()?.import).toMatchObject({ phase: 'done', filesProcessed: 80 });
      expect(asked).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('opens a folder, announces it, and imports it in the background', async () => {
    const { session, events } = makeSession();
    const first = await session.open(rootA);
    expect(CaseSummarySchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({ caseId: 'id-000001', name: path.basename(rootA), isDemo: false });
    expect(events[0]).toEqual({ name: 'caseChanged', payload: first });

    await session.whenIdle();
    const summary = session.summary();
    expect(summary).toMatchObject({ itemCount: 7, import: { phase: 'done' } });
    const last = events.filter((event) => event.name === 'caseChanged').at(-1);
    expect(last?.payload).toEqual(summary);
    const progress = events.filter((event) => event.name === 'importProgress');
    expect(progress.at(-1)?.payload).toMatchObject({ caseId: 'id-000001', progress: { phase: 'done' } });
  });

  it('pages through items and problems in order', async () => {
    const { session } = makeSession();
    const { caseId } = await session.open(rootA);
    await session.whenIdle();
    const all = session.listItems(caseId, 0, 100);
    expect(all.total).toBe(7);
    const pages = [session.listItems(caseId, 0, 3), session.listItems(caseId, 3, 3), session.listItems(caseId, 6, 3)];
    expect(pages.flatMap((page) => page.items)).toEqual(all.items);
    expect(session.listItems(caseId, 50, 10)).toEqual({ total: 7, items: [] });
    // The review counts the same pages, without a copy of each item (part 6: copies made a recount's garbage).
    const forReview = session.listForReview(caseId, 0, 100, 'all');
    expect(forReview.total).toBe(7);
    expect(forReview.items.map((item) => item.relativePath)).toEqual(all.items.map((item) => item.relativePath));
    expect(session.listForReview(caseId, 3, 3, 'all').items).toEqual(forReview.items.slice(3, 6));
    expect(session.listForReview(caseId, 0, 1, 'all').items[0]).toBe(forReview.items[0]);
    expect(session.listProblems(caseId, 1, 1).problems.map((problem) => problem.relativePath)).toEqual([
      session.listProblems(caseId, 0, 10).problems[1]?.relativePath,
    ]);
    const [second, first] = [all.items[1]?.id ?? '', all.items[0]?.id ?? ''];
    expect(session.getItems(caseId, [second, 'not-in-case', first]).map((item) => item.id)).toEqual([second, first]);
  });

  it('refuses requests that name a case which is no longer open', async () => {
    const { session } = makeSession();
    const old = await session.open(rootA);
    await session.open(rootB);
    for (const call of [() => session.listItems(old.caseId, 0, 10), () => session.getItems(old.caseId, []), () => session.listProblems(old.caseId, 0, 10)]) {
      expect(call).toThrow(VeilRequestError);
      expect(call).toThrow('That case is no longer open.');
    }
    await session.whenIdle();
  });

  it('lets the media service find an item of the open case, and only of the open case', async () => {
    const { session } = makeSession();
    const { caseId } = await session.open(rootA);
    await session.whenIdle();
    const item = session.listItems(caseId, 0, 1).items[0];
    const location = session.lookupItem(item?.id ?? '');
    expect(location).toEqual({
      absolutePath: path.join(rootA, 'a-first.png'),
      kind: 'image',
      format: 'png',
      caseRoot: rootA,
      knownHidden: false,
      nearMatch: false,
      nearComparable: false,
    });

    await session.open(rootB);
    expect(session.lookupItem(item?.id ?? '')).toBeNull();
    expect(session.lookupItem('never-issued')).toBeNull();
    await session.whenIdle();
  });

  it('keeps known items out of "To review" and their pictures hidden until the investigator chooses to see them', async () => {
    const knownSha256 = new Set<string>();
    const { session, events } = makeSession({
      matchKnown: ({ sha256 }) =>
        knownSha256.has(sha256) ? { type: 'known', setId: 1, setName: 'Unit set', scheme: 'vic-us', category: '1', matchedBy: 'sha256' } : null,
    });
    const { caseId } = await session.open(rootA);
    await session.whenIdle();
    const all = session.listItems(caseId, 0, 100).items;
    const first = all.find((item) => item.relativePath === 'a-first.png');
    if (!first) throw new Error('a-first.png not listed');
    expect(first.stackSize).toBe(3);
    expect(session.summary()).toMatchObject({ knownCount: 0, toReviewCount: all.length, duplicateStackCount: 1, knownShown: false });

    // A hash set imported while the case is open applies to it at once.
    knownSha256.add(first.sha256);
    await session.rematchKnown();
    expect(events.at(-1)).toMatchObject({ name: 'caseChanged', payload: { knownCount: 1, toReviewCount: all.length - 1 } });
    expect(session.listItems(caseId, 0, 100, 'to-review').items.map((item) => item.id)).not.toContain(first.id);
    expect(session.listItems(caseId, 0, 100, 'known')).toMatchObject({ total: 1, items: [{ id: first.id, match: { setName: 'Unit set' } }] });
    expect(session.listItems(caseId, 0, 100, 'duplicates').items.map((item) => item.id)).toEqual([first.id]);
    expect(session.lookupItem(first.id)?.knownHidden).toBe(true);

    expect(session.showKnownItems(caseId, true).knownShown).toBe(true);
    expect(session.lookupItem(first.id)?.knownHidden).toBe(false);
    expect(events.at(-1)).toMatchObject({ name: 'caseChanged', payload: { knownShown: true } });

    // The set turned off: the item is to review again; reopening forgets the choice to see known items.
    knownSha256.clear();
    await session.rematchKnown();
    expect(session.summary()).toMatchObject({ knownCount: 0, toReviewCount: all.length });
    knownSha256.add(first.sha256);
    const reopened = await session.open(rootA);
    await session.whenIdle();
    expect(session.summary()).toMatchObject({ knownCount: 1, knownShown: false });
    const again = session.listItems(reopened.caseId, 0, 100, 'known').items[0];
    expect(session.lookupItem(again?.id ?? '')?.knownHidden).toBe(true);
  });

  it('records an item that fails to show and tells the renderer once', async () => {
    const { session, events } = makeSession();
    const { caseId } = await session.open(rootA);
    await session.whenIdle();
    const id = session.listItems(caseId, 1, 1).items[0]?.id ?? '';
    const error = { code: 'decode-failed' as const, detail: 'premature end of JPEG image' };
    expect(session.markItemFailed(id, error)).toBe(true);
    expect(session.markItemFailed(id, error)).toBe(true);
    expect(session.getItems(caseId, [id])[0]?.error).toEqual(error);
    expect(events.filter((event) => event.name === 'itemFailed')).toEqual([{ name: 'itemFailed', payload: { caseId, itemId: id, error } }]);
    expect(session.markItemFailed('unknown-item', error)).toBe(false);
  });

  it('leaves the open case alone when asked to open a folder that is not there', async () => {
    const { session } = makeSession();
    const open = await session.open(rootA);
    await expect(session.open(path.join(rootA, 'nope'))).rejects.toMatchObject({
      reason: { code: 'folder-missing', params: { path: path.join(rootA, 'nope') } },
    });
    await expect(session.open(path.join(rootA, 'notes.txt'))).rejects.toThrow(/is a file, not a folder/);
    expect(session.summary()?.caseId).toBe(open.caseId);
    await session.whenIdle();
  });

  it('cancels a running import when asked, keeping what it found', async () => {
    // The walk is held at its second folder, so the import is certainly still running when cancelled.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { session } = makeSession({
      concurrency: 1,
      walkFs: {
        ...nodeWalkFs,
        opendir: async (dirPath) => (dirPath.endsWith('folder 1') ? held.then(() => nodeWalkFs.opendir(dirPath)) : nodeWalkFs.opendir(dirPath)),
      },
    });
    const { caseId } = await session.open(rootB);
    const cancelling = session.cancelImport();
    release();
    const progress = await cancelling;
    expect(progress.phase).toBe('cancelled');
    expect(session.summary()?.import.phase).toBe('cancelled');
    expect(session.listItems(caseId, 0, 100).total).toBeLessThan(30);
  });

  it('opens the next case without waiting for a stuck import, and only the open case reports', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { session, events } = makeSession({
      walkFs: {
        ...nodeWalkFs,
        opendir: async (dirPath) => (dirPath.endsWith('folder 1') ? held.then(() => nodeWalkFs.opendir(dirPath)) : nodeWalkFs.opendir(dirPath)),
      },
    });
    const first = await session.open(rootB);
    // The first import is stuck (as on a hung network drive); opening another case must not wait for it.
    const second = await session.open(rootA);
    while (session.summary()?.import.phase === 'scanning') await new Promise((resolve) => setImmediate(resolve));
    release();
    await session.whenIdle();
    const afterSecond = events.slice(events.findIndex((event) => event.name === 'caseChanged' && event.payload.caseId === second.caseId));
    expect(afterSecond.every((event) => event.name !== 'importProgress' || event.payload.caseId === second.caseId)).toBe(true);
    expect(afterSecond.every((event) => event.name !== 'caseChanged' || event.payload.caseId === second.caseId)).toBe(true);
    expect(first.caseId).not.toBe(second.caseId);
    expect(session.summary()).toMatchObject({ caseId: second.caseId, import: { phase: 'done' } });
  });

  it('sends caseChanged at most twice a second while items arrive', async () => {
    const clock = steppingClock(40);
    const changedAtMs: number[] = [];
    const session = createCaseSession({
      idGenerator: counterIds('id'),
      nowMs: clock.nowMs,
      concurrency: 1,
      emit: (name) => {
        if (name === 'caseChanged') changedAtMs.push(clock.current);
      },
    });
    await session.open(rootB);
    await session.whenIdle();
    const whileRunning = changedAtMs.slice(1, -1);
    expect(whileRunning.length).toBeGreaterThan(0);
    for (let i = 1; i < whileRunning.length; i += 1) expect((whileRunning[i] ?? 0) - (whileRunning[i - 1] ?? 0)).toBeGreaterThanOrEqual(500);
  });
});
