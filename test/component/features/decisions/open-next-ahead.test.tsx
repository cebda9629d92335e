import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionOutcome } from '../../../../shared/review/review-contract.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil, fakeItem, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

/** Item 0 with a near match to a hash set: a change of its category may be refused until a reason is given. */
/** Item 5 locked by the referral until an authorisation is recorded. */
const lockedFifth = (index: number) =>
  index === 5
    ? { ...fakeItem(5), referral: { classification: null, annotations: [], providerViewed: null, publiclyAvailable: null, locked: true, authorised: false } }
    : fakeItem(index);

const nearMatchFirst = (index: number) =>
  index === 0
    ? { ...fakeItem(0), match: { type: 'near' as const, setId: 1, setName: 'Set Alpha', scheme: 'vic-us' as const, category: '1', distance: 12 } }
    : fakeItem(index);

/**
 * The viewer on item 0 with "open next" on, the next item after it known ahead (item 5), and the decision's answer held.
 * With `matched`, item 0 has a hash set's match, and nothing is asked ahead for it.
 */
async function viewerWithHeldDecision(matched = false, items = matched ? nearMatchFirst : undefined) {
  const fake = createFakeVeil({
    itemCount: 20,
    items,
    settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, review: { ...DEFAULT_SETTINGS.review, openNextAfterDecision: true } },
  });
  fake.review.nextAfter.mockImplementation(() => ({ itemId: fakeItemId(5), index: 5 }));
  const decide = fake.handlers.categoriseItem;
  const asked = vi.spyOn(fake.handlers, 'nextToReview');
  let release: (how: 'answer' | 'fail') => void = () => {};
  const held = new Promise<'answer' | 'fail'>((resolve) => (release = resolve));
  vi.spyOn(fake.handlers, 'categoriseItem').mockImplementationOnce(async (args): Promise<DecisionOutcome> => {
    if ((await held) === 'fail') throw new Error('the share went away');
    return decide(args);
  });
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  await screen.findByText('0 of 20 reviewed');
  // The next item after the open one is asked while it is open, and its answer kept.
  if (!matched) await waitFor(() => expect(asked).toHaveBeenCalledWith({ caseId: expect.any(String), afterItemId: fakeItemId(0) }));
  await Promise.all(asked.mock.results.map((result) => result.value));
  return { fake, user, viewer, release, asked };
}

const heading = (viewer: HTMLElement, index: number) =>
  within(viewer).findByRole('heading', { name: new RegExp(`^photo-${String(index).padStart(6, '0')}\\.`) });

describe('"Open next" with the next item known ahead', () => {
  it('opens the next item with the key, before the decision is answered; the answer then counts it', async () => {
    const { user, viewer, release } = await viewerWithHeldDecision();
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    expect(screen.getByText('0 of 20 reviewed')).toBeTruthy();
    release('answer');
    expect(await screen.findByText('1 of 20 reviewed')).toBeTruthy();
    expect(screen.getByTestId('decision-announcement').textContent).toMatch(/^Category 1/);
    expect(await heading(viewer, 5)).toBeTruthy();
  });

  it('moves to the item the answer names when it is another (the one opened was covered by the decision)', async () => {
    const { fake, user, viewer, release } = await viewerWithHeldDecision();
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    fake.review.nextAfter.mockImplementation(() => ({ itemId: fakeItemId(7), index: 7 }));
    release('answer');
    expect(await heading(viewer, 7)).toBeTruthy();
  });

  it('returns to the decided item when the decision fails, and says so', async () => {
    const { user, viewer, release } = await viewerWithHeldDecision();
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    release('fail');
    expect(await heading(viewer, 0)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('decision-announcement').textContent).toMatch(/^The decision could not be made/));
  });

  it('a failure answered after the investigator moved on (→) says so and leaves them where they went', async () => {
    const { user, viewer, release } = await viewerWithHeldDecision();
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(await heading(viewer, 6)).toBeTruthy();
    release('fail');
    await waitFor(() => expect(screen.getByTestId('decision-announcement').textContent).toMatch(/^The decision could not be made/));
    expect(within(viewer).getByRole('heading', { name: /^photo-000006\./ })).toBeTruthy();
  });

  it('waits for the answer when the review changed since the next item was asked (here, an undo)', async () => {
    const { fake, user, viewer, release } = await viewerWithHeldDecision();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(fake.handlers.undoDecision).toHaveBeenCalled());
    await user.keyboard('1');
    // Not opened ahead: the item stays until the decision's answer names the next one.
    expect(await heading(viewer, 0)).toBeTruthy();
    fake.review.nextAfter.mockImplementation(() => ({ itemId: fakeItemId(9), index: 9 }));
    release('answer');
    expect(await heading(viewer, 9)).toBeTruthy();
  });

  it("waits for the answer on an item with a hash set's match (its change may be refused until a reason is given)", async () => {
    const { user, viewer, release, asked } = await viewerWithHeldDecision(true);
    await user.keyboard('1');
    // Still on the decided item: had the next one opened, a refusal's reason dialog would ask about an item not shown.
    expect(within(viewer).getByRole('heading', { name: /^photo-000000\./ })).toBeTruthy();
    expect(within(viewer).queryByRole('heading', { name: /^photo-000005\./ })).toBeNull();
    expect(asked).not.toHaveBeenCalledWith({ caseId: expect.any(String), afterItemId: fakeItemId(0) });
    release('answer');
    expect(await heading(viewer, 5)).toBeTruthy();
  });

  it('none left: the late "none left" answer does not pull back an investigator who moved on meanwhile', async () => {
    const { fake, user, viewer, release, asked } = await viewerWithHeldDecision();
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    // The decision covered item 5 too: none is left, which is asked again (to be said aloud); that answer is held.
    fake.review.nextAfter.mockImplementation(() => ({ itemId: null, index: null }));
    let answerNone: () => void = () => {};
    const none = new Promise<void>((resolve) => (answerNone = resolve));
    asked.mockImplementation(async ({ afterItemId }) => {
      if (afterItemId === fakeItemId(0)) await none;
      return fake.review.nextAfter(afterItemId);
    });
    const before = asked.mock.calls.length;
    release('answer');
    await waitFor(() => expect(asked.mock.calls.slice(before)).toContainEqual([{ caseId: expect.any(String), afterItemId: fakeItemId(0) }]));
    await user.keyboard('{ArrowRight}');
    expect(await heading(viewer, 6)).toBeTruthy();
    answerNone();
    await waitFor(() => expect(screen.getByTestId('decision-announcement').textContent).toBe('Every item of this case has a category.'));
    expect(within(viewer).getByRole('heading', { name: /^photo-000006\./ })).toBeTruthy();
  });

  it('counts exposure to what is painted: the item opened ahead once its picture loads, and the decided item again after a bounce back', async () => {
    const { fake, user, viewer, release } = await viewerWithHeldDecision();
    const painted = () => fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces.flatMap((surface) => surface.itemIds);
    const load = (index: number) => fireEvent.load(within(viewer).getByRole('img', { name: new RegExp(`^photo-${String(index).padStart(6, '0')}\\.`) }));
    load(0);
    await waitFor(() => expect(painted()).toEqual([fakeItemId(0)]));
    await user.keyboard('1');
    expect(await heading(viewer, 5)).toBeTruthy();
    // The decided item is no longer on screen, and the next one counts only once painted.
    await waitFor(() => expect(painted()).toEqual([]));
    load(5);
    await waitFor(() => expect(painted()).toEqual([fakeItemId(5)]));
    release('fail');
    expect(await heading(viewer, 0)).toBeTruthy();
    await waitFor(() => expect(painted()).toEqual([]));
    load(0);
    await waitFor(() => expect(painted()).toEqual([fakeItemId(0)]));
  });

  it('shows a locked next item opened ahead as its authorisation form, and asks for none of its pixels', async () => {
    const { user, viewer, release } = await viewerWithHeldDecision(false, lockedFifth);
    const pixelsOf = (index: number) => [...viewer.querySelectorAll('img')].filter((img) => img.src.includes(fakeItemId(index)));
    expect(pixelsOf(0)).not.toEqual([]);
    await user.keyboard('1');
    expect(await within(viewer).findByRole('form', { name: 'Locked — needs authorisation' })).toBeTruthy();
    expect(pixelsOf(5)).toEqual([]);
    release('answer');
    expect(await screen.findByText('1 of 20 reviewed')).toBeTruthy();
    expect(within(viewer).getByRole('form', { name: 'Locked — needs authorisation' })).toBeTruthy();
    expect(pixelsOf(5)).toEqual([]);
  });
});
