import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ItemStore, PASSING_FAILURE_RETRY_MS } from '../../../../renderer/features/case-items/item-store';
import { createFakeVeil, FAKE_CASE_ID, fakeItemId } from '../../fakes/fake-veil';

describe('ItemStore: pictures that fail to load', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a passing failure briefly, then lets the tile try again', async () => {
    const fake = createFakeVeil();
    const store = new ItemStore(fake.client, FAKE_CASE_ID);
    const id = fakeItemId(1);
    await store.learnWhyFailed(id);
    expect(store.getFailure(id)).toEqual({ error: null });
    vi.advanceTimersByTime(PASSING_FAILURE_RETRY_MS);
    expect(store.getFailure(id)).toBeUndefined();
  });

  it('shows no failure for a thumbnail refused because the item turned out a near match: it reads the item again, veiled the strongest way', async () => {
    const fake = createFakeVeil();
    const store = new ItemStore(fake.client, FAKE_CASE_ID);
    const id = fakeItemId(3);
    const [listed] = await fake.client.call('getItems', { caseId: FAKE_CASE_ID, ids: [id] });
    if (!listed) throw new Error('the fake has no such item');
    fake.handlers.getItems.mockResolvedValueOnce([
      { ...listed, match: { type: 'near', setId: 1, setName: 'Set', scheme: 'vic-us', category: '1', distance: 9 } },
    ]);
    const before = store.getVersion();
    await store.learnWhyFailed(id);
    expect(store.getFailure(id)).toBeUndefined();
    expect(store.getVersion()).toBeGreaterThan(before);
  });

  it('keeps a failure the back end explains (a damaged file) for good', async () => {
    const fake = createFakeVeil();
    const store = new ItemStore(fake.client, FAKE_CASE_ID);
    const id = fakeItemId(2);
    store.recordFailure(id, { code: 'decode-failed', detail: 'premature end of JPEG image' });
    await store.learnWhyFailed(id);
    vi.advanceTimersByTime(PASSING_FAILURE_RETRY_MS * 2);
    expect(store.getFailure(id)).toEqual({ error: { code: 'decode-failed', detail: 'premature end of JPEG image' } });
  });
});

describe('ItemStore: pages and case changes', () => {
  it('asks for a page again when the case changed while that page was on its way (the import listed more meanwhile)', async () => {
    const fake = createFakeVeil();
    const listItems = fake.handlers.listItems.getMockImplementation();
    if (!listItems) throw new Error('the fake has no listItems');
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    fake.handlers.listItems.mockImplementationOnce(async (args) => {
      const page = await listItems(args);
      await answered;
      return page;
    });
    const store = new ItemStore(fake.client, FAKE_CASE_ID);
    store.ensureRange(0, 0);
    store.invalidate();
    answer();
    await expect.poll(() => store.getItem(0)).toBeDefined();
    store.ensureRange(0, 0);
    expect(fake.handlers.listItems).toHaveBeenCalledTimes(2);
  });

  it('shows the first page start-up read at once, and reads it again when the grid first looks (the import may have listed more)', async () => {
    const fake = createFakeVeil();
    const { items } = await fake.client.call('listItems', { caseId: FAKE_CASE_ID, offset: 0, limit: 2 });
    fake.handlers.listItems.mockClear();
    const store = new ItemStore(fake.client, FAKE_CASE_ID, { firstPage: items });
    expect(store.getItem(1)?.id).toBe(fakeItemId(1));
    expect(store.getItem(2)).toBeUndefined();
    store.ensureRange(0, 10);
    await expect.poll(() => store.getItem(10)?.id).toBe(fakeItemId(10));
    expect(fake.handlers.listItems).toHaveBeenCalledTimes(1);
  });
});
