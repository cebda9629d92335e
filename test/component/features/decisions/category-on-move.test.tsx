import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeVeil, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

/** The group's buttons pressed, by name ("" when no category is known yet, none showing pressed or not). */
function pressed(viewer: HTMLElement): string[] {
  const group = within(viewer).getByRole('group', { name: 'Category' });
  return within(group)
    .getAllByRole('button')
    .filter((button) => button.getAttribute('aria-pressed') === 'true')
    .map((button) => button.title);
}

/**
 * Each item's category is learnt when it is shown (getItemReview, drawn as a transition so the next key is not kept
 * waiting). The buttons must only ever show the category of the item on screen, however late that answer comes.
 */
describe('the Category buttons while moving between items', () => {
  it("show the open item's own category: nothing pressed until its late answer, never the last item's or a passed item's", async () => {
    const fake = createFakeVeil({ itemCount: 20 });
    fake.review.categories.set(fakeItemId(1), '3');
    let answerFirst = () => {};
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    const itemReview = vi.spyOn(fake.handlers, 'getItemReview').mockImplementation(async ({ itemId }) => {
      if (itemId === fakeItemId(1)) await firstAnswered;
      return { category: fake.review.categories.get(itemId) ?? null, history: [], authorisations: [] };
    });
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    // Item 1 was categorised before (3): it counts already.
    await screen.findByText('1 of 20 reviewed');

    await user.keyboard('2');
    await waitFor(() => expect(pressed(viewer)).toEqual(['2, Child exploitive / age difficult']));
    await user.keyboard('{ArrowRight}');
    await within(viewer).findByRole('heading', { name: 'photo-000001.jpg' });
    await waitFor(() => expect(itemReview).toHaveBeenCalledWith({ caseId: fake.state.summary.caseId, itemId: fakeItemId(1) }));
    // Item 1's answer is held back: its buttons say nothing yet, and the decision just made on item 0 is not shown on it.
    expect(pressed(viewer)).toEqual([]);
    expect(screen.getByTestId('decision-announcement').textContent).toBe('Category 2, Child exploitive / age difficult');

    // Pressing on past it: item 2's own answer shows, and item 1's, arriving late, is not drawn on item 2.
    await user.keyboard('{ArrowRight}');
    await within(viewer).findByRole('heading', { name: 'photo-000002.jpg' });
    await waitFor(() => expect(pressed(viewer)).toEqual(['Uncategorised']));
    // The held answer, and what the page does with it, all within act: drawn (as a transition) before the check below.
    const heldAnswer = itemReview.mock.results[itemReview.mock.calls.findIndex(([args]) => args.itemId === fakeItemId(1))]?.value;
    await act(async () => {
      answerFirst();
      await heldAnswer;
    });
    expect(pressed(viewer)).toEqual(['Uncategorised']);

    // Back on item 1 and item 0: what was learnt of each, without asking again.
    await user.keyboard('{ArrowLeft}');
    await within(viewer).findByRole('heading', { name: 'photo-000001.jpg' });
    await waitFor(() => expect(pressed(viewer)).toEqual(['3, CGI / animation']));
    await user.keyboard('{ArrowLeft}');
    await within(viewer).findByRole('heading', { name: 'photo-000000.jpg' });
    expect(pressed(viewer)).toEqual(['2, Child exploitive / age difficult']);
    expect(itemReview.mock.calls.filter(([args]) => args.itemId === fakeItemId(1))).toHaveLength(1);
  });
});
