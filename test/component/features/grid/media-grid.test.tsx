import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil, FAKE_CASE_ID, fakeItem, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

// The shimmed box is 1000 × 800 px: 5 columns of 184 px tiles, rows of 232 px + 12 px gap.
const COLUMNS = 5;

function cellAt(grid: HTMLElement, index: number): HTMLElement | null {
  return grid.querySelector<HTMLElement>(`[data-item-index="${index}"]`);
}

function focusedIndex(): number {
  return Number(document.activeElement?.getAttribute('data-item-index'));
}

async function gridWithFirstPage() {
  const fake = createFakeVeil();
  const view = await renderApp(fake);
  await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' });
  return { ...view, fake, grid: screen.getByRole('grid', { name: 'Case media' }) };
}

describe('MediaGrid', () => {
  it('renders only a bounded window of a 100,000-item case and describes its size', async () => {
    const { grid, fake } = await gridWithFirstPage();
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThan(300);
    expect(grid.getAttribute('aria-colcount')).toBe(String(COLUMNS));
    expect(grid.getAttribute('aria-rowcount')).toBe(String(100_000 / COLUMNS));
    // Only the first page was asked for, not the whole case (read at start-up, then again by the grid
    // in case the import listed more meanwhile).
    expect(fake.handlers.listItems.mock.calls.length).toBeGreaterThan(0);
    for (const [args] of fake.handlers.listItems.mock.calls) expect(args).toMatchObject({ caseId: FAKE_CASE_ID, offset: 0, limit: 500 });
    const firstRow = within(grid).getAllByRole('row')[0];
    expect(firstRow?.getAttribute('aria-rowindex')).toBe('1');
    expect(cellAt(grid, 2)?.getAttribute('aria-colindex')).toBe('3');
  });

  it('moves a single tab stop with the arrows, Home/End, PageDown and Ctrl+Home/End', async () => {
    const user = userEvent.setup();
    const { grid } = await gridWithFirstPage();
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((cell) => cell.tabIndex === 0),
    ).toHaveLength(1);
    act(() => cellAt(grid, 0)?.focus());

    await user.keyboard('{ArrowRight}');
    expect(focusedIndex()).toBe(1);
    await user.keyboard('{ArrowDown}');
    expect(focusedIndex()).toBe(1 + COLUMNS);
    await user.keyboard('{End}');
    expect(focusedIndex()).toBe(2 * COLUMNS - 1);
    await user.keyboard('{Home}');
    expect(focusedIndex()).toBe(COLUMNS);
    await user.keyboard('{ArrowLeft}');
    expect(focusedIndex()).toBe(COLUMNS - 1);
    await user.keyboard('{ArrowUp}');
    expect(focusedIndex()).toBe(COLUMNS - 1);
    // 800 px show 3 whole rows of 244 px.
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(focusedIndex()).toBe(COLUMNS - 1 + 3 * COLUMNS));

    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(focusedIndex()).toBe(99_999));
    expect(within(grid).getAllByRole('gridcell').length).toBeLessThan(300);
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((cell) => cell.tabIndex === 0),
    ).toHaveLength(1);
    // The last page was fetched on demand (item 99,999 is one of the synthetic broken files).
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Could not be shown: The file is damaged or incomplete. photo-099999.jpg, JPEG image'),
    );

    await user.keyboard('{Control>}{Home}{/Control}');
    await waitFor(() => expect(focusedIndex()).toBe(0));
  });

  it('opens the viewer on the focused item with Enter, and returns focus to it with Backspace', async () => {
    const user = userEvent.setup();
    const { grid } = await gridWithFirstPage();
    act(() => cellAt(grid, 0)?.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    expect(within(viewer).getByRole('heading', { name: 'photo-000002.jpg' })).toBeTruthy();
    expect(document.activeElement).toBe(viewer);

    await user.keyboard('{Backspace}');
    expect(screen.queryByRole('region', { name: 'Viewer' })).toBeNull();
    await waitFor(() => expect(focusedIndex()).toBe(2));
  });

  it('selects with Space rather than opening the viewer (Enter opens)', async () => {
    const user = userEvent.setup();
    const { grid } = await gridWithFirstPage();
    act(() => cellAt(grid, 0)?.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(cellAt(grid, 0)?.getAttribute('aria-selected')).toBe('true'));
    expect(screen.queryByRole('region', { name: 'Viewer' })).toBeNull();
  });

  it('shows only pre-filtered thumbnails with the default profile, and never an unblurred one', async () => {
    const { grid } = await gridWithFirstPage();
    await waitFor(() => expect(grid.querySelectorAll('img').length).toBeGreaterThan(10));
    const images = [...grid.querySelectorAll('img')];
    for (const img of images) {
      expect(img.getAttribute('src')).toMatch(/^veil-media:\/\/item\/it-\d{7}\/thumb\?grey=1&blur=strong$/);
    }
    expect(document.querySelector('img[src*="blur=off"]')).toBeNull();
  });

  it('keeps a thumbnail invisible over a placeholder until it has loaded', async () => {
    const { grid } = await gridWithFirstPage();
    const cell = cellAt(grid, 0);
    const img = await waitFor(() => cell?.querySelector('img') ?? Promise.reject(new Error('no img yet')));
    expect(img?.className).toBe('tile-img');
    expect(cell?.querySelector('.tile-placeholder')).not.toBeNull();
    fireEvent.load(img!);
    expect(img?.className).toBe('tile-img is-loaded');
    expect(cell?.querySelector('.tile-placeholder')).toBeNull();
  });

  it('requests no thumbnail for rows that only flash past while scrolling', async () => {
    const { grid } = await gridWithFirstPage();
    await waitFor(() => expect(grid.querySelectorAll('img').length).toBeGreaterThan(10));
    const requested = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement) node.querySelectorAll('img').forEach((img) => requested.add(img.src));
          if (node instanceof HTMLImageElement) requested.add(node.src);
        }
      }
    });
    observer.observe(grid, { childList: true, subtree: true });
    act(() => grid.scrollTo({ top: 2000 * 244 }));
    await waitFor(() => expect(cellAt(grid, 10_000)).not.toBeNull());
    act(() => grid.scrollTo({ top: 4000 * 244 }));
    await waitFor(() => expect(cellAt(grid, 20_000)?.querySelector('img')).not.toBeNull());
    observer.disconnect();
    expect([...requested].some((src) => src.includes(fakeItemId(10_000)))).toBe(false);
    expect([...requested].some((src) => src.includes(fakeItemId(20_000)))).toBe(true);
  });

  it('shows videos as a neutral icon tile with a badge, never as a picture or a video', async () => {
    const { grid } = await gridWithFirstPage();
    const cell = screen.getByRole('gridcell', { name: 'clip-000003.mp4, MP4 Video' });
    expect(cell.querySelector('img, video')).toBeNull();
    expect(cell.textContent).toContain('MP4');
    expect(cell.textContent).toContain('Video');
    expect(grid.querySelector('video')).toBeNull();
  });

  it('counts identical copies and marks notes on the tile, in words its name contains', async () => {
    const fake = createFakeVeil({
      items: (index) =>
        index === 1 ? { ...fakeItem(1), duplicatePaths: ['.hidden/photo-000001.jpg', 'copy/photo-000001.jpg'], stackSize: 3 } : fakeItem(index),
      notes: [{ relativePath: 'evidence/photo-000002', text: 'Seen before', updatedAtMs: 1 }],
    });
    await renderApp(fake);
    const copied = await screen.findByRole('gridcell', { name: 'photo-000001.jpg, JPEG, 3 copies; image' });
    expect(copied.textContent).toContain('3 copies');
    const noted = await screen.findByRole('gridcell', { name: 'photo-000002.jpg, JPEG, Note; image' });
    expect(noted.textContent).toContain('Note');
    expect(screen.getByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' }).textContent).not.toMatch(/copies|Note/);
  });

  it('groups the grid by folder on request, keeping one tab stop and arrows that follow the rows as drawn', async () => {
    // Folders of 7 items: with 5 columns each folder takes a full row and a row of 2.
    const fake = createFakeVeil({
      itemCount: 30,
      items: (index) => ({ ...fakeItem(index), relativePath: `folder ${Math.floor(index / 7)}/${fakeItem(index).name}` }),
    });
    const user = userEvent.setup();
    await renderApp(fake);
    const grid = screen.getByRole('grid', { name: 'Case media' });
    await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
    expect(within(grid).queryAllByRole('columnheader')).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Group by folder' }));
    expect(await within(grid).findByRole('columnheader', { name: 'folder 0 (7 items)' })).toBeTruthy();
    expect(within(grid).getByRole('columnheader', { name: 'folder 1 (7 items)' })).toBeTruthy();
    expect(fake.handlers.listFolderGroups).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, view: 'to-review' });
    // Item 7 opens the second folder's first row, under item 5 (the first folder's short row).
    expect(cellAt(grid, 7)?.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe('5');

    act(() => cellAt(grid, 3)?.focus());
    await user.keyboard('{ArrowDown}');
    expect(focusedIndex()).toBe(6);
    await user.keyboard('{ArrowDown}');
    expect(focusedIndex()).toBe(8);
    await user.keyboard('{ArrowUp}');
    expect(focusedIndex()).toBe(6);
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((cell) => cell.tabIndex === 0),
    ).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'Group by folder' }));
    expect(within(grid).queryAllByRole('columnheader')).toHaveLength(0);
  });

  it('marks mislabelled files and shows translated reasons on error tiles', async () => {
    const { grid } = await gridWithFirstPage();
    const mislabelled = screen.getByRole('gridcell', { name: 'photo-000005.png, JPEG, Mislabelled image, named as PNG' });
    expect(mislabelled.textContent).toContain('Mislabelled');
    // Item 49 sits in row 10, below the first screen: scroll it in.
    act(() => grid.scrollTo({ top: 8 * 244 }));
    const broken = await screen.findByRole('gridcell', {
      name: 'Could not be shown: The file is damaged or incomplete. photo-000049.jpg, JPEG image',
    });
    expect(broken.textContent).toContain('The file is damaged or incomplete.');
    expect(broken.querySelector('img')).toBeNull();
  });

  it('asks the back end why a thumbnail failed to load and shows the reason', async () => {
    const fake = createFakeVeil({
      items: (index) => ({
        ...fakeItem(index),
        name: `photo-${index}.jpg`,
        relativePath: `photo-${index}.jpg`,
        kind: 'image',
        format: 'jpeg',
        claimedFormat: null,
        error: null,
      }),
      itemCount: 20,
    });
    await renderApp(fake);
    const cell = await screen.findByRole('gridcell', { name: 'photo-1.jpg, JPEG image' });
    fake.handlers.getItems.mockResolvedValueOnce([
      { ...fakeItem(1), name: 'photo-1.jpg', relativePath: 'photo-1.jpg', error: { code: 'too-many-pixels', detail: 'Input image exceeds pixel limit' } },
    ]);
    fireEvent.error(await waitFor(() => cell.querySelector('img') ?? Promise.reject(new Error('no img yet'))));
    await waitFor(() => expect(cell.textContent).toContain('The image has too many pixels to open safely.'));
    expect(fake.handlers.getItems).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, ids: [fakeItemId(1)] });
    expect(cell.getAttribute('aria-label')).toBe('Could not be shown: The image has too many pixels to open safely. photo-1.jpg, JPEG image');
    expect(cell.querySelector('img')).toBeNull();
  });

  it('shows the reason pushed by an itemFailed event', async () => {
    const fake = createFakeVeil({ itemCount: 30 });
    await renderApp(fake);
    const cell = await screen.findByRole('gridcell', { name: 'photo-000001.jpg, JPEG image' });
    act(() => fake.emit('itemFailed', { caseId: FAKE_CASE_ID, itemId: fakeItemId(1), error: { code: 'timed-out', detail: '' } }));
    expect(cell.textContent).toContain('Opening the file took too long.');
  });

  it('refetches the visible page when the case changes', async () => {
    const { fake } = await gridWithFirstPage();
    await waitFor(() => expect(fake.handlers.listItems).toHaveBeenCalledTimes(2));
    act(() => fake.emit('caseChanged', { ...fake.state.summary, itemCount: 100_001, listVersion: 1 }));
    await waitFor(() => expect(fake.handlers.listItems).toHaveBeenCalledTimes(3));
    // A summary whose list did not change (the PDQ pass's progress) refetches nothing.
    act(() => fake.emit('caseChanged', { ...fake.state.summary, itemCount: 100_001, listVersion: 1, pdqProgress: { doneCount: 5, totalCount: 9 } }));
    await screen.findByText(/looking for near matches: 5 of 9/);
    expect(fake.handlers.listItems).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' })).toBeTruthy();
  });
});
