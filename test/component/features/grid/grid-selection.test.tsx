import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import { createFakeVeil, fakeItem, fakeItemId, type FakeVeilOptions } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

function cellAt(grid: HTMLElement, index: number): HTMLElement | null {
  return grid.querySelector<HTMLElement>(`[data-item-index="${index}"]`);
}

const selectedIndexes = (grid: HTMLElement) =>
  [...grid.querySelectorAll<HTMLElement>('[role="gridcell"][aria-selected="true"]')].map((cell) => Number(cell.dataset.itemIndex));

const announcement = () => screen.getByTestId('decision-announcement');

async function grid(options: FakeVeilOptions = {}) {
  const fake = createFakeVeil({ itemCount: 200, ...options });
  await renderApp(fake);
  await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ });
  await screen.findByText(/^0 of [\d,]+ reviewed$/);
  return { fake, user: userEvent.setup(), grid: screen.getByRole('grid', { name: 'Case media' }) };
}

describe('selecting several grid items', () => {
  it('selects by Ctrl+click, Shift+click and Space, shows it on the tiles and in the toolbar, and clears it', async () => {
    const { user, grid: media } = await grid();
    expect(media.getAttribute('aria-multiselectable')).toBe('true');
    expect(cellAt(media, 0)?.getAttribute('aria-selected')).toBe('false');

    await user.keyboard('{Control>}');
    await user.click(cellAt(media, 1)!);
    await user.keyboard('{/Control}');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([1]));
    // Ctrl+click did not open the viewer.
    expect(screen.queryByRole('region', { name: 'Viewer' })).toBeNull();

    await user.keyboard('{Shift>}');
    await user.click(cellAt(media, 3)!);
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([1, 2, 3]));

    // Space on the focused item (the last one clicked) takes it out again; arrows then Space add another.
    await user.keyboard(' ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([1, 2]));
    await user.keyboard('{ArrowRight}{ArrowRight} ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([1, 2, 5]));
    expect(screen.getByText('3 selected')).toBeTruthy();
    // Seen without colour: a tick on each selected tile.
    expect(cellAt(media, 5)?.querySelector('.tile-check')?.textContent).toBe('✓');
    expect(cellAt(media, 4)?.querySelector('.tile-check')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(selectedIndexes(media)).toEqual([]));
    expect(screen.queryByText('3 selected')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear selection' })).toBeNull();
    // Focus goes back to the grid, not lost with the button.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-item-index')).toBe('5'));
  });

  it('keeps the selection when its tiles scroll out of the DOM and back', async () => {
    const { user, grid: media } = await grid();
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([0]));
    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(cellAt(media, 0)).toBeNull());
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText('2 selected')).toBeTruthy());
    await user.keyboard('{Control>}{Home}{/Control}');
    await waitFor(() => expect(cellAt(media, 0)?.getAttribute('aria-selected')).toBe('true'));
  });

  it('a number key categorises the whole selection in one request, announces it, and Ctrl+Z undoes it at once', async () => {
    const { fake, user, grid: media } = await grid({ copiesOf: (itemId) => (itemId === fakeItemId(2) ? 3 : 0) });
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' {ArrowRight} {ArrowRight} ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([0, 1, 2]));

    await user.keyboard('1');
    await waitFor(() => expect(announcement().textContent).toBe('Category 1, CAM applied to 3 items (3 copies).'));
    expect(fake.handlers.categoriseItems).toHaveBeenCalledWith({
      caseId: fake.state.summary.caseId,
      itemIds: [fakeItemId(0), fakeItemId(1), fakeItemId(2)],
      category: '1',
    });
    // Not the focused item alone.
    expect(fake.handlers.categoriseItem).not.toHaveBeenCalled();
    expect(screen.getByText('3 of 200 reviewed')).toBeTruthy();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Undone: the decision on 3 items'));
    expect(fake.handlers.undoDecision).toHaveBeenCalledTimes(1);
    expect(screen.getByText('0 of 200 reviewed')).toBeTruthy();
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Redone: the decision on 3 items'));
    expect(screen.getByText('3 of 200 reviewed')).toBeTruthy();
  });

  it('the toolbar’s Category buttons categorise the selection, and the live region says how many known items were skipped', async () => {
    const { fake, user, grid: media } = await grid();
    vi.mocked(fake.handlers.categoriseItems).mockImplementationOnce(async ({ category }) => ({
      state: await fake.handlers.getReview({ caseId: fake.state.summary.caseId }),
      category,
      itemCount: 1,
      copies: 0,
      skippedKnown: 1,
    }));
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' {ArrowRight} ');
    await waitFor(() => expect(screen.getByText('2 selected')).toBeTruthy());
    const group = within(screen.getByText('2 selected').closest('.selection-bar') as HTMLElement).getByRole('group', { name: 'Category' });
    fireEvent.click(within(group).getByRole('button', { name: '2, Child exploitive / age difficult' }));
    await waitFor(() =>
      expect(announcement().textContent).toBe(
        "Category 2, Child exploitive / age difficult applied to 1 item. 1 known item skipped: it keeps its hash set's category.",
      ),
    );
  });

  it('with the viewer open, a number key decides the open item, not the selection behind it', async () => {
    const { fake, user, grid: media } = await grid();
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' {ArrowRight} {Enter}');
    await screen.findByRole('region', { name: 'Viewer' });
    await user.keyboard('3');
    await waitFor(() => expect(fake.handlers.categoriseItem).toHaveBeenCalledWith(expect.objectContaining({ itemId: fakeItemId(1), category: '3' })));
    expect(fake.handlers.categoriseItems).not.toHaveBeenCalled();
  });

  it('leaves Esc to hide all media, selection or not, and refuses to categorise the selection while media is hidden', async () => {
    const { fake, user, grid: media } = await grid({ items: (index) => fakeItem(index) });
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([0]));
    await user.keyboard('{Escape}');
    await screen.findByText('Media hidden');
    await user.keyboard('1');
    // A later request proves the key was handled: nothing was decided on pictures nobody can see.
    await user.keyboard('{Control>}z{/Control}');
    await act(async () => undefined);
    expect(fake.handlers.categoriseItems).not.toHaveBeenCalled();
    expect(fake.handlers.categoriseItem).not.toHaveBeenCalled();
    expect(screen.getByText('0 of 200 reviewed')).toBeTruthy();
  });

  it('after a selection is undone in the viewer, the open item shows its category again', async () => {
    const { user, grid: media } = await grid();
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' {ArrowRight} {ArrowRight} ');
    await waitFor(() => expect(selectedIndexes(media)).toEqual([0, 1, 2]));
    await user.keyboard('1');
    await screen.findByText('3 of 200 reviewed');
    await user.keyboard('{Enter}');
    const group = within(await screen.findByRole('region', { name: 'Viewer' })).getByRole('group', { name: 'Category' });
    await waitFor(() => expect(within(group).getByRole('button', { name: '1, CAM' }).getAttribute('aria-pressed')).toBe('true'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Undone: the decision on 3 items'));
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Uncategorised' }).getAttribute('aria-pressed')).toBe('true'));
    expect(within(group).getByRole('button', { name: '1, CAM' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('refuses a range past 10,000 items whole, says so, and keeps the selection there was', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    const media = await screen.findByRole('grid', { name: 'Case media' });
    await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ });
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText('1 selected')).toBeTruthy());
    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(cellAt(media, 99_999)).not.toBeNull());
    await user.keyboard('{Shift>} {/Shift}');
    expect((await screen.findByRole('alert')).textContent).toBe('At most 10,000 items can be selected at once: nothing was added.');
    expect(screen.getByText('1 selected')).toBeTruthy();
  });

  it('says so when the items of a Shift range could not be read, and adds nothing', async () => {
    const { fake, user, grid: media } = await grid({ itemCount: 3000 });
    act(() => cellAt(media, 0)?.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText('1 selected')).toBeTruthy());
    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(cellAt(media, 2999)).not.toBeNull());
    // The range reaches rows never drawn: their ids are asked for, and the back end fails.
    fake.handlers.listItems.mockRejectedValue(VeilRequestError.because(reasonOf('case-not-open', {})));
    await user.keyboard('{Shift>} {/Shift}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The range could not be selected, nothing was added: /);
    expect(screen.getByText('1 selected')).toBeTruthy();
  });
});
