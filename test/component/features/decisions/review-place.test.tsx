import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../../shared/client.js';
import { ReviewPlace } from '../../../../renderer/features/decisions/use-review-place';

const CASE = 'case-1';

/** A back end that remembers nothing but what it was asked: the place writes are what the tests read. */
function setUp() {
  const request = vi.fn(async (name: string, _args: unknown) => ({ ok: true, result: name === 'getReviewPlace' ? null : {} }));
  const transport: Transport = { request, subscribe: () => () => undefined, mediaPrefix: '/media/', mediaQuerySuffix: '' };
  const client = createClient(transport);
  const places = () => request.mock.calls.filter(([name]) => name === 'rememberReviewPlace').map(([, args]) => args);
  const props = { client, caseId: CASE, ready: true, viewerOpen: false, decided: 0, stillAtStart: () => true, onRestore: vi.fn() };
  const view = render(<ReviewPlace {...props} currentItemId="item-0" />);
  const move = (changes: Partial<typeof props> & { currentItemId: string }) => view.rerender(<ReviewPlace {...props} {...changes} />);
  return { places, move };
}

/** Lets the place's read-back answer (a resolved promise) land. */
async function settle() {
  await act(async () => undefined);
}

describe('remembering where the case was left', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a grid move once the focus rests, the last item only, never per key', async () => {
    const { places, move } = setUp();
    await settle();
    move({ currentItemId: 'item-1' });
    act(() => {
      vi.advanceTimersByTime(300);
    });
    move({ currentItemId: 'item-2' });
    act(() => {
      vi.advanceTimersByTime(700);
    });
    expect(places()).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(places()).toEqual([{ caseId: CASE, itemId: 'item-2' }]);
    // Nothing new: nothing written again.
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(places()).toHaveLength(1);
  });

  it('writes the waiting place at once when the page goes away or is hidden, before the rest is over', async () => {
    const { places, move } = setUp();
    await settle();
    move({ currentItemId: 'item-3' });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(places()).toEqual([{ caseId: CASE, itemId: 'item-3' }]);

    move({ currentItemId: 'item-4' });
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    hidden.mockRestore();
    expect(places()).toEqual([
      { caseId: CASE, itemId: 'item-3' },
      { caseId: CASE, itemId: 'item-4' },
    ]);
  });

  it('writes at once when the viewer opens an item or a decision is made', async () => {
    const { places, move } = setUp();
    await settle();
    move({ currentItemId: 'item-5', viewerOpen: true });
    expect(places()).toEqual([{ caseId: CASE, itemId: 'item-5' }]);
    move({ currentItemId: 'item-6', viewerOpen: false });
    move({ currentItemId: 'item-6', decided: 1 });
    expect(places()).toEqual([
      { caseId: CASE, itemId: 'item-5' },
      { caseId: CASE, itemId: 'item-6' },
    ]);
  });

  it('writes nothing before the place left last time has been read back', () => {
    const { places, move } = setUp();
    move({ currentItemId: 'item-7', viewerOpen: true });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(places()).toEqual([]);
  });
});
