import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SCHEME } from '../../../../shared/review/category-scheme.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

/**
 * The header keeps its figures when the same ones arrive again (each decision's come up to three
 * times); whatever else changed must still show.
 */
describe('review figures arriving again', () => {
  it('still shows a new category on an item already counted, and the unsaved warning coming and going with the same counts', async () => {
    const fake = createFakeVeil({ itemCount: 20 });
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const group = within(viewer).getByRole('group', { name: 'Category' });
    await screen.findByText('0 of 20 reviewed');

    await user.keyboard('1');
    await waitFor(() => expect(within(group).getByRole('button', { name: '1, CAM' }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByText('1 of 20 reviewed')).toBeTruthy();
    // The same item again: the figures are the same as before (one reviewed, undo possible), its category is not.
    await user.keyboard('2');
    await waitFor(() => expect(within(group).getByRole('button', { name: '2, Child exploitive / age difficult' }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByTestId('decision-announcement').textContent).toBe('Category 2, Child exploitive / age difficult');
    expect(screen.getByText('1 of 20 reviewed')).toBeTruthy();

    const figures = {
      caseId: fake.state.summary.caseId,
      scheme: DEFAULT_CASE_SCHEME,
      schemeChosen: true,
      reviewedCount: 1,
      totalCount: 20,
      canUndo: true,
      canRedo: false,
    };
    act(() => fake.emit('reviewChanged', { ...figures, unsavedCount: 1 }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    act(() => fake.emit('reviewChanged', { ...figures, unsavedCount: 0 }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    act(() => fake.emit('reviewChanged', { ...figures, reviewedCount: 2, unsavedCount: 0 }));
    expect(await screen.findByText('2 of 20 reviewed')).toBeTruthy();
  });
});
