import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { requests } from '../../../../../shared/contract.js';
import { inItemView } from '../../../../../shared/known/item-match.js';
import { MAX_BATCH_ITEMS } from '../../../../../shared/review/batch-contract.js';
import { createReviewService, type ReviewServiceDeps } from '../../../../../electron/services/review/review-service.js';
import type { CaseWorkspace } from '../../../../../electron/services/workspace/workspace-client.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';
import { workspaceSandbox } from '../../../workspace/workspace-harness.js';

const sandbox = workspaceSandbox();
const CASE = 'case-1';

/** Four items to review (a with two exact copies; c and d near copies of each other) and a known CAM item. */
const ITEMS: MediaItem[] = [
  mediaItemFixture({ id: 'a', duplicatePaths: ['copies/a1.jpg', 'copies/a2.jpg'] }),
  mediaItemFixture({ id: 'b' }),
  mediaItemFixture({ id: 'c', stackSize: 2 }),
  mediaItemFixture({ id: 'd', stackSize: 2 }),
  mediaItemFixture({ id: 'k', match: { type: 'known', setId: 1, setName: 'VIC', scheme: 'vic-us', category: '1', matchedBy: 'md5' } }),
];
const NEAR_STACK = ['c', 'd'];

const session: ReviewServiceDeps['session'] = {
  listForReview(_caseId, offset, limit, view = 'all') {
    const items = ITEMS.filter((item) => inItemView(item, view));
    return { total: items.length, items: items.slice(offset, offset + limit) };
  },
  getItems: (_caseId, ids) => ITEMS.filter((item) => ids.includes(item.id)),
  stackMembers: (_caseId, itemId) =>
    NEAR_STACK.includes(itemId) ? ITEMS.filter((item) => NEAR_STACK.includes(item.id)).map((item) => ({ item, distanceBits: 4 })) : [],
};

function serviceOver(workspace: CaseWorkspace | null) {
  return createReviewService({
    session,
    workspace: async () => workspace,
    userName: 'jtremblay',
    presetScheme: () => ({ id: 'vic-us' }),
    nowMs: () => 1_800_000_000_000,
    onChange: () => undefined,
    retryMs: 5000,
    setTimer: () => ({ cancel: () => undefined }),
  });
}

describe('categorising a selection together', () => {
  it('applies one category to every chosen item and its copies, skips the known one and says so, and writes one step', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const service = serviceOver(workspace);
    const outcome = await service.categoriseMany(CASE, ['a', 'b', 'k', 'c', 'a'], '3');
    expect(outcome).toMatchObject({ category: '3', itemCount: 3, copies: 3, skippedKnown: 1 });
    expect(outcome.state).toMatchObject({ reviewedCount: 4, totalCount: 4, canUndo: true });
    for (const id of ['a', 'b', 'c', 'd']) expect((await service.item(CASE, id)).category).toBe('3');
    // The known item keeps its hash set's CAM, not the batch's category.
    expect((await service.item(CASE, 'k')).category).toBe('1');

    await service.whenWritten();
    const lines = [...(await workspace.itemHistory('a.jpg')), ...(await workspace.itemHistory('copies/a1.jpg')), ...(await workspace.itemHistory('d.jpg'))];
    // One keypress, one action: every line of the batch carries the same id, so the record shows they were decided together.
    expect(new Set(lines.map((line) => line.actionId)).size).toBe(1);
    expect(lines.map((line) => [line.itemPath, line.source])).toEqual([
      ['a.jpg', 'investigator'],
      ['copies/a1.jpg', 'stack'],
      ['d.jpg', 'stack'],
    ]);
    service.close();
    await workspace.close();
  });

  it('takes the whole batch back with one undo and makes it again with one redo', async () => {
    const service = serviceOver(null);
    await service.categorise(CASE, 'b', '2');
    await service.categoriseMany(CASE, ['a', 'b', 'c'], '3');
    const undone = await service.undo(CASE);
    expect(undone).toMatchObject({ cause: 'undo', chosenCount: 3 });
    expect((await service.item(CASE, 'a')).category).toBeNull();
    // b goes back to what it had before the batch, not to nothing.
    expect((await service.item(CASE, 'b')).category).toBe('2');
    expect((await service.item(CASE, 'd')).category).toBeNull();
    expect(undone.state.reviewedCount).toBe(1);

    const redone = await service.redo(CASE);
    expect(redone).toMatchObject({ cause: 'redo', chosenCount: 3 });
    for (const id of ['a', 'b', 'c', 'd']) expect((await service.item(CASE, id)).category).toBe('3');
    expect((await service.undo(CASE)).state.reviewedCount).toBe(1);
    expect((await service.undo(CASE)).state.reviewedCount).toBe(0);
  });

  it('refuses a batch naming an item not in the case, or a category not in its scheme, and changes nothing', async () => {
    const service = serviceOver(null);
    await expect(service.categoriseMany(CASE, ['a', 'gone'], '1')).rejects.toThrow(/not in this case/);
    await expect(service.categoriseMany(CASE, ['a', 'b'], '9')).rejects.toThrow(/scheme/);
    expect((await service.item(CASE, 'a')).category).toBeNull();
    expect((await service.state(CASE)).canUndo).toBe(false);
  });

  it('a batch of known items only changes nothing and leaves nothing to undo', async () => {
    const service = serviceOver(null);
    expect(await service.categoriseMany(CASE, ['k'], '0')).toMatchObject({ itemCount: 0, copies: 0, skippedKnown: 1 });
    expect((await service.state(CASE)).canUndo).toBe(false);
  });
});

describe('the categoriseItems request', () => {
  const args = requests.categoriseItems.args;
  const caseId = 'case-0001';
  it(`takes 1 to ${MAX_BATCH_ITEMS} item ids and refuses an empty, oversized or malformed batch`, () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `item-${String(index).padStart(5, '0')}`);
    expect(args.safeParse({ caseId, itemIds: ids(MAX_BATCH_ITEMS), category: '1' }).success).toBe(true);
    expect(args.safeParse({ caseId, itemIds: ids(MAX_BATCH_ITEMS + 1), category: '1' }).success).toBe(false);
    expect(args.safeParse({ caseId, itemIds: [], category: '1' }).success).toBe(false);
    expect(args.safeParse({ caseId, itemIds: ids(1), category: '1', extra: true }).success).toBe(false);
    expect(args.safeParse({ caseId, itemIds: ['../etc'], category: '1' }).success).toBe(false);
    expect(args.safeParse({ caseId, itemIds: ids(1), category: null }).success).toBe(true);
  });
});
