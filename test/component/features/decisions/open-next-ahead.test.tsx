import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionOutcome } from '../../../../shared/review/review-contract.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

/** The viewer on item 0 with "open next" on, the next item after it known ahead (item 5), and the decision's answer held. */
async function viewerWithHeldDecision() {
  const fake = createFakeVeil({
    itemCount: 20,
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
  await waitFor(() => expect(asked).toHaveBeenCalledWith({ caseId: expect.any(String), afterItemId: fakeItemId(0) }));
  await Promise.all(asked.mock.results.map((result) => result.value));
  return { fake, user, viewer, release };
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
});
