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
