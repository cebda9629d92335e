import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../../shared/contract-errors.js';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { inItemView } from '../../../../../shared/known/item-match.js';
import type { CaseScheme } from '../../../../../shared/review/category-scheme.js';
import type { ReviewState } from '../../../../../shared/review/review-contract.js';
import { createReviewService, type ReviewServiceDeps } from '../../../../../electron/services/review/review-service.js';
import type { CaseWorkspace } from '../../../../../electron/services/workspace/workspace-client.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';
import { workspaceSandbox } from '../../../workspace/workspace-harness.js';

const sandbox = workspaceSandbox();
const CASE = 'case-1';

/** Four items to review, one with two exact copies, and a known CAM item from a Project VIC US set. */
const ITEMS: MediaItem[] = [
  mediaItemFixture({ id: 'a', duplicatePaths: ['copies/a1.jpg', 'copies/a2.jpg'] }),
  mediaItemFixture({ id: 'b' }),
  mediaItemFixture({ id: 'c' }),
  mediaItemFixture({ id: 'd' }),
  mediaItemFixture({ id: 'k', match: { type: 'known', setId: 1, setName: 'VIC', scheme: 'vic-us', category: '1', matchedBy: 'md5' } }),
];

const session: ReviewServiceDeps['session'] = {
  listForReview(_caseId, offset, limit, view = 'all') {
    const items = ITEMS.filter((item) => inItemView(item, view));
    return { total: items.length, items: items.slice(offset, offset + limit) };
  },
  getItems: (_caseId, ids) => ITEMS.filter((item) => ids.includes(item.id)),
  stackMembers: () => [],
};

interface Timer {
  callback: () => void;
}

function serviceOver(workspace: CaseWorkspace | null, preset: CaseScheme | null = { id: 'vic-us' }) {
  const changes: ReviewState[] = [];
  const timers: Timer[] = [];
  const deps: ReviewServiceDeps = {
    session,
    workspace: async () => workspace,
    userName: 'jtremblay',
    presetScheme: () => preset,
    nowMs: () => 1_800_000_000_000,
    onChange: (state) => changes.push(state),
    retryMs: 5000,
    setTimer: (callback) => {
      const timer = { callback };
      timers.push(timer);
      return { cancel: () => timers.splice(timers.indexOf(timer), 1) };
    },
  };
  const service = createReviewService(deps);
  return { service, changes, timers, deps };
}

/** A workspace whose decision writes fail (a disk full) until `heal` is called. */
async function flakyWorkspace() {
  const real = await sandbox.open(sandbox.dbPath);
  let failing = true;
  const flaky: CaseWorkspace = {
    ...real,
    status: real.status,
    appendDecisions: (events) => (failing ? Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) : real.appendDecisions(events)),
  };
  return { real, flaky, heal: () => (failing = false) };
}

describe('the review service', () => {
  it('reopens a case with its decisions: categories, progress and history, the undone one undone', async () => {
    const firstWorkspace = await sandbox.open(sandbox.dbPath);
    const first = serviceOver(firstWorkspace);
    const outcome = await first.service.categorise(CASE, 'a', '1');
    expect(outcome.copies).toBe(2);
    await first.service.categorise(CASE, 'b', '0');
    await first.service.categorise(CASE, 'c', '3');
    const undone = await first.service.undo(CASE);
    expect([undone.itemId, undone.category]).toEqual(['c', null]);
    expect(undone.state).toMatchObject({ reviewedCount: 2, totalCount: 4, canRedo: true });
    await first.service.whenWritten();
    expect((await first.service.state(CASE)).unsavedCount).toBe(0);
    first.service.close();
    await firstWorkspace.close();

    const reopened = await sandbox.open(sandbox.dbPath);
    expect(reopened.status.mode).toBe('read-write');
    const again = serviceOver(reopened);
    expect(await again.service.state(CASE)).toMatchObject({ reviewedCount: 2, totalCount: 4, scheme: { id: 'vic-us' }, canUndo: false });
    expect((await again.service.item(CASE, 'a')).category).toBe('1');
    expect((await again.service.item(CASE, 'c')).history.map((line) => [line.category, line.cause])).toEqual([
      ['3', 'decision'],
      [null, 'undo'],
    ]);
    expect(await again.service.nextToReview(CASE, 'b')).toEqual({ itemId: 'c', index: 2 });
  });

  it('asks for the scheme at a case’s first open: nothing is categorised before, and the choice stays', async () => {
    const firstWorkspace = await sandbox.open(sandbox.dbPath);
    const first = serviceOver(firstWorkspace, null);
    expect(await first.service.state(CASE)).toMatchObject({ schemeChosen: false, reviewedCount: 0 });
    expect((await first.service.item(CASE, 'k')).history).toEqual([]);
    await expect(first.service.categorise(CASE, 'b', '1')).rejects.toThrow(/scheme/);
    const chosen = await first.service.chooseScheme(CASE, { id: 'vic-dhs' });
    expect(chosen).toMatchObject({ schemeChosen: true, scheme: { id: 'vic-dhs' } });
    expect(first.changes.at(-1)?.scheme).toEqual({ id: 'vic-dhs' });
    expect((await first.service.chooseScheme(CASE, { id: 'uk-abc' })).scheme).toEqual({ id: 'vic-dhs' });
    await first.service.whenWritten();
    first.service.close();
    await firstWorkspace.close();

    const again = serviceOver(await sandbox.open(sandbox.dbPath), null);
    expect(await again.service.state(CASE)).toMatchObject({ schemeChosen: true, scheme: { id: 'vic-dhs' } });
  });

  it('lets a case another Veil holds be reviewed under a scheme chosen here, kept for this session only', async () => {
    const writer = await sandbox.open(sandbox.dbPath);
    // Another process's pid: the lock names this (running) process, so the holder is alive.
    const reader = await sandbox.open(sandbox.dbPath, { pid: process.pid + 100_000 });
    expect(reader.status.mode).toBe('read-only');
    const { service } = serviceOver(reader, null);
    expect(await service.state(CASE)).toMatchObject({ schemeChosen: false });
    expect(await service.chooseScheme(CASE, { id: 'uk-abc' })).toMatchObject({ schemeChosen: true, scheme: { id: 'uk-abc' } });
    // Nothing was written: the Veil that holds the case still asks at its own first look.
    expect(await writer.readScheme()).toBeNull();
    expect(await reader.readScheme()).toBeNull();
  });

  it('gives a new case the unit’s preset scheme without asking', async () => {
    const { service } = serviceOver(await sandbox.open(sandbox.dbPath), { id: 'uk-abc' });
    expect(await service.state(CASE)).toMatchObject({ schemeChosen: true, scheme: { id: 'uk-abc' } });
  });

  it('records a known item’s category from its hash set, with the set as the source', async () => {
    const { service } = serviceOver(await sandbox.open(sandbox.dbPath));
    const known = await service.item(CASE, 'k');
    expect(known.category).toBe('1');
    expect(known.history.map((line) => [line.source, line.userName])).toEqual([['hash-set', 'jtremblay']]);
  });

  it('overrules a known item’s hash-set category only with a reason, kept in its history; undo puts the set’s category back and redo the reason', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const { service } = serviceOver(workspace);
    const refused = await service.categorise(CASE, 'k', '0').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(VeilRequestError);
    expect(refused).toMatchObject({ reason: { code: 'reason-required' } });
    expect((await service.item(CASE, 'k')).category).toBe('1');

    const outcome = await service.categorise(CASE, 'k', '0', 'Adult, age confirmed by ID');
    expect(outcome).toMatchObject({ itemId: 'k', category: '0', cause: 'decision' });
    const lines = () => service.item(CASE, 'k').then((item) => item.history.map((line) => [line.category, line.source, line.cause, line.reason ?? null]));
    expect(await lines()).toEqual([
      ['1', 'hash-set', 'decision', null],
      ['0', 'investigator', 'decision', 'Adult, age confirmed by ID'],
    ]);
    // Once overruled, the category is the investigator's: a further change needs no new reason.
    await service.categorise(CASE, 'k', '2');
    await service.undo(CASE);
    await service.undo(CASE);
    expect((await service.item(CASE, 'k')).category).toBe('1');
    // Back to the set's category by an undo: changing it is an overrule again.
    await expect(service.categorise(CASE, 'k', '3')).rejects.toMatchObject({ reason: { code: 'reason-required' } });
    await service.redo(CASE);
    expect((await lines()).slice(-3)).toEqual([
      ['0', 'investigator', 'undo', null],
      ['1', 'investigator', 'undo', null],
      ['0', 'investigator', 'redo', 'Adult, age confirmed by ID'],
    ]);
    await service.whenWritten();
    service.close();

    // The reasons are in the workspace: a reopen reads them back.
    const again = serviceOver(workspace);
    expect((await again.service.item(CASE, 'k')).history.filter((line) => line.reason).map((line) => line.cause)).toEqual(['decision', 'redo']);
  });

  it('leaves a known item’s category alone when a stack decision on another file covers it', async () => {
    const stacked = createReviewService({
      ...serviceOver(null).deps,
      session: { ...session, stackMembers: () => ITEMS.filter((item) => item.id === 'b' || item.id === 'k').map((item) => ({ item, distanceBits: 0 })) },
    });
    await stacked.categorise(CASE, 'b', '0');
    expect((await stacked.item(CASE, 'k')).category).toBe('1');
    expect((await stacked.item(CASE, 'b')).category).toBe('0');
  });

  it('lists the authorisations recorded to open an item (or one of its exact copies) with its history', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    await workspace.appendAuthorisation({ itemPath: 'copies/a2.jpg', reference: 'W-2026-0042', dateIso: '2026-12-01', userName: 'mroy', atMs: 5 });
    await workspace.appendAuthorisation({ itemPath: ITEMS[1]?.relativePath ?? '', reference: 'W-other', dateIso: '2026-12-02', userName: 'mroy', atMs: 6 });
    const { service } = serviceOver(workspace);
    expect((await service.item(CASE, 'a')).authorisations).toEqual([{ reference: 'W-2026-0042', dateIso: '2026-12-01', userName: 'mroy', atMs: 5 }]);
    expect((await serviceOver(null).service.item(CASE, 'a')).authorisations).toEqual([]);
  });

  it('reopens where the case was left: the remembered item’s place in To review, else the first item to review; nothing before a place is kept', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const { service } = serviceOver(workspace);
    expect(await service.place(CASE)).toBeNull();
    await service.rememberPlace(CASE, 'c');
    await service.rememberPlace(CASE, 'd');
    expect(await service.place(CASE)).toEqual({ itemId: 'd', index: 3 });
    // An exact copy's path stands for the item it was folded into.
    await workspace.rememberPlace('copies/a2.jpg');
    expect(await service.place(CASE)).toEqual({ itemId: 'a', index: 0 });
    // A file gone from the case (or now known): the first item without a category.
    await service.categorise(CASE, 'a', '1');
    await workspace.rememberPlace('gone/away.jpg');
    expect(await service.place(CASE)).toEqual({ itemId: 'b', index: 1 });
    await service.rememberPlace(CASE, 'k');
    expect(await service.place(CASE)).toEqual({ itemId: 'b', index: 1 });
  });

  it('keeps a decision the workspace cannot take as not saved, says so, and writes it on a later try', async () => {
    const { real, flaky, heal } = await flakyWorkspace();
    const { service, changes, timers } = serviceOver(flaky);
    await service.categorise(CASE, 'b', '2');
    await service.whenWritten();
    expect((await service.state(CASE)).unsavedCount).toBeGreaterThan(0);
    expect(changes.at(-1)?.unsavedCount).toBeGreaterThan(0);
    expect((await service.item(CASE, 'b')).category).toBe('2');

    heal();
    timers.shift()?.callback();
    await service.whenWritten();
    expect((await service.state(CASE)).unsavedCount).toBe(0);
    expect(changes.at(-1)?.unsavedCount).toBe(0);
    expect((await real.itemHistory('b.jpg')).map((line) => line.category)).toEqual(['2']);
  });

  it('gives decisions not saved yet one last try when the case is left, instead of dropping them with their retry', async () => {
    const { real, flaky, heal } = await flakyWorkspace();
    const { service, timers } = serviceOver(flaky);
    await service.categorise(CASE, 'c', '3');
    await service.whenWritten();
    expect((await service.state(CASE)).unsavedCount).toBeGreaterThan(0);

    heal();
    await service.leave();
    expect(timers).toEqual([]);
    expect((await real.itemHistory('c.jpg')).map((line) => line.category)).toEqual(['3']);
  });

  it('keeps a stack decided when a near copy joins it later and becomes its representative: progress and Next to review agree', async () => {
    let joined = false;
    // Before: c and d apart. After: d (larger, arrived later) represents both.
    const now = () =>
      ITEMS.map((item) => {
        if (!joined) return item;
        if (item.id === 'c') return { ...item, stackId: 'd', stackSize: 2 };
        return item.id === 'd' ? { ...item, stackSize: 2 } : item;
      });
    const moving: ReviewServiceDeps['session'] = {
      listForReview(_caseId, offset, limit, view = 'all') {
        const items = now().filter((item) => inItemView(item, view));
        return { total: items.length, items: items.slice(offset, offset + limit) };
      },
      getItems: (_caseId, ids) => now().filter((item) => ids.includes(item.id)),
      stackMembers: (_caseId, itemId) =>
        joined && (itemId === 'c' || itemId === 'd')
          ? now()
              .filter((item) => item.id === 'd' || item.id === 'c')
              .map((item) => ({ item, distanceBits: 0 }))
          : [],
    };
    const service = createReviewService({ ...serviceOver(null).deps, session: moving });
    await service.categorise(CASE, 'c', '2');
    expect((await service.state(CASE)).reviewedCount).toBe(1);

    joined = true;
    const state = await service.state(CASE);
    expect([state.reviewedCount, state.totalCount]).toEqual([1, 3]);
    expect((await service.item(CASE, 'd')).category).toBe('2');
    const order: (string | null)[] = [];
    for (let after: string | null = null, step = 0; step < 3; step += 1) {
      after = (await service.nextToReview(CASE, after)).itemId;
      order.push(after);
    }
    expect(order).not.toContain('d');
  });

  it('a late request for a case already left is refused and leaves the open case’s unsaved decisions retrying', async () => {
    const { real, flaky, heal } = await flakyWorkspace();
    const base = serviceOver(flaky);
    const onlyOpen: ReviewServiceDeps['session'] = {
      ...session,
      getItems: (caseId, ids) => {
        if (caseId !== CASE) throw new Error('case not open');
        return session.getItems(caseId, ids);
      },
    };
    const service = createReviewService({ ...base.deps, session: onlyOpen });
    await service.categorise(CASE, 'd', '4');
    await service.whenWritten();
    const unsaved = (await service.state(CASE)).unsavedCount;
    expect(unsaved).toBeGreaterThan(0);
    await expect(service.state('case-left')).rejects.toThrow(/not open/);
    expect((await service.state(CASE)).unsavedCount).toBe(unsaved);

    heal();
    base.timers.shift()?.callback();
    await service.whenWritten();
    expect((await real.itemHistory('d.jpg')).map((line) => line.category)).toEqual(['4']);
  });

  it('refuses a category the case’s scheme does not have, and changes nothing', async () => {
    const { service } = serviceOver(await sandbox.open(sandbox.dbPath));
    await expect(service.categorise(CASE, 'b', '9')).rejects.toThrow(/scheme/);
    expect((await service.state(CASE)).reviewedCount).toBe(0);
  });
});
