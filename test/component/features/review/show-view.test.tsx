import { IDLE_IMPORT } from '../../../../shared/case/import-progress.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeVeil, FAKE_CASE_ID } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { createReviewVeil } from './review-fixture';

const cellNames = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('gridcell')
    .map((cell) => cell.getAttribute('aria-label') ?? '');

describe('the grid\'s "Show" choice', () => {
  // user-event finds a radio's group with CSS.escape, which jsdom lacks; the group's name is plain.
  beforeEach(() => vi.stubGlobal('CSS', { escape: (value: string) => value }));
  afterEach(() => vi.unstubAllGlobals());

  it('starts on the review queue and switches views with their counts, by click and by arrow keys', async () => {
    const fake = createReviewVeil();
    const user = userEvent.setup();
    const { grid } = await renderApp(fake);
    const show = screen.getByRole('group', { name: 'Show' });
    const radios = within(show).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'To review (8)',
      'Known (4)',
      'Near matches (1)',
      'Duplicates (1)',
      'All (12)',
    ]);
    expect(within(show).getByRole('radio', { name: 'To review (8)' })).toHaveProperty('checked', true);
    await waitFor(() => expect(cellNames(grid)).toHaveLength(8));
    expect(cellNames(grid).some((name) => name.includes('photo-000001.jpg'))).toBe(false);
    // Start-up's first page already asked for the review queue.
    expect(fake.handlers.listItems.mock.calls[0]?.[0]).toMatchObject({ caseId: FAKE_CASE_ID, offset: 0, view: 'to-review' });

    await user.click(within(show).getByRole('radio', { name: 'Known (4)' }));
    await waitFor(() => expect(cellNames(grid)).toHaveLength(4));
    expect(fake.handlers.listItems).toHaveBeenCalledWith(expect.objectContaining({ view: 'known' }));
    expect(cellNames(grid).every((name) => name.startsWith('Known — '))).toBe(true);

    await user.keyboard('{ArrowRight}');
    expect(within(show).getByRole('radio', { name: 'Near matches (1)' })).toHaveProperty('checked', true);
    await waitFor(() => expect(cellNames(grid)).toEqual(['Near match (distance 12) — category 1, CAM — Set Alpha. photo-000002.jpg, JPEG image']));

    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(cellNames(grid)).toEqual(['photo-000007.jpg, JPEG, 3 copies; image']));

    await user.click(within(show).getByRole('radio', { name: 'All (12)' }));
    await waitFor(() => expect(cellNames(grid)).toHaveLength(12));
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
  });

  it('opens the viewer on the chosen view and steps through that view only', async () => {
    const fake = createReviewVeil();
    const user = userEvent.setup();
    const { grid } = await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: 'Near matches (1)' }));
    await waitFor(() => expect(cellNames(grid)).toHaveLength(1));
    await user.click(within(grid).getByRole('gridcell'));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    expect(within(viewer).getByRole('heading', { name: 'photo-000002.jpg' })).toBeTruthy();
    expect(viewer.textContent).toContain('1 of 1');
    expect(within(viewer).getByRole('button', { name: 'Next item' })).toHaveProperty('disabled', true);
  });

  it('resets the active item to the first of the new view', async () => {
    const fake = createReviewVeil();
    const user = userEvent.setup();
    const { grid } = await renderApp(fake);
    await waitFor(() => expect(cellNames(grid)).toHaveLength(8));
    await user.click(within(grid).getByRole('gridcell', { name: /photo-000009\.jpg/ }));
    await user.click(await screen.findByRole('button', { name: 'Back to grid' }));
    await user.click(screen.getByRole('radio', { name: 'Known (4)' }));
    await waitFor(() => expect(cellNames(grid)).toHaveLength(4));
    const tabStops = within(grid)
      .getAllByRole('gridcell')
      .filter((cell) => cell.tabIndex === 0);
    expect(tabStops.map((cell) => cell.getAttribute('data-item-index'))).toEqual(['0']);
    expect(tabStops[0]?.getAttribute('aria-label')).toContain('Set Alpha');
  });

  it('groups the chosen view by folder', async () => {
    const fake = createReviewVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: 'Duplicates (1)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Group by folder' }));
    expect(await screen.findByRole('columnheader', { name: 'evidence (1 item)' })).toBeTruthy();
    expect(fake.handlers.listFolderGroups).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, view: 'duplicates' });
  });

  it('says why a chosen view is empty rather than that the folder has no media', async () => {
    const fake = createFakeVeil({ itemCount: 30 });
    const user = userEvent.setup();
    const { grid } = await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: 'Known (0)' }));
    expect(await within(grid).findByText('No item of this case is known.')).toBeTruthy();
    expect(within(grid).queryByText('This folder has no images or videos.')).toBeNull();
  });

  it('while the import still runs, says an empty view is not filled yet rather than why it is empty', async () => {
    const fake = createFakeVeil({ itemCount: 30, summary: { import: { ...IDLE_IMPORT, phase: 'scanning', filesFound: 60, filesProcessed: 30 } } });
    const user = userEvent.setup();
    const { grid } = await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: 'Known (0)' }));
    expect(await within(grid).findByText('This case has no images or videos yet.')).toBeTruthy();
    expect(within(grid).queryByText('No item of this case is known.')).toBeNull();
  });

  it('names the choice in French', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    const show = await screen.findByRole('group', { name: 'Afficher' });
    expect(
      within(show)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['À examiner (8)', 'Connus (4)', 'Correspondances proches (1)', 'Doublons (1)', 'Tous (12)']);
  });
});
