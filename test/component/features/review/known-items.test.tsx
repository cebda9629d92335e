import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FAKE_CASE_ID, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { createReviewVeil, KNOWN_INDEXES } from './review-fixture';

const KNOWN_IDS = KNOWN_INDEXES.map(fakeItemId);

/** The app on the review case, with every media URL the renderer makes recorded. */
async function renderReviewApp(options: Parameters<typeof createReviewVeil>[0] = {}, systemLanguage = 'en-CA') {
  const fake = createReviewVeil(options);
  const mediaUrl = vi.spyOn(fake.client, 'mediaUrl');
  const user = userEvent.setup();
  const { grid } = await renderApp(fake, { systemLanguage });
  const requestedIds = () => mediaUrl.mock.calls.map(([request]) => request.itemId);
  return { fake, user, grid, requestedIds };
}

describe('known items', () => {
  it('are words on their tiles, with no picture and no media request, whatever their category', async () => {
    const { user, grid, requestedIds } = await renderReviewApp();
    await user.click(screen.getByRole('radio', { name: 'Known (4)' }));
    const tile = await within(grid).findByRole('gridcell', { name: /^Known — category 1, CAM — Set Alpha\. photo-000001\.jpg/ });
    expect(tile.textContent).toContain('Known — category 1, CAM — Set Alpha');
    expect(within(grid).getByRole('gridcell', { name: /^Known — category A — UK set\./ })).toBeTruthy();
    expect(within(grid).getByRole('gridcell', { name: /^Known — Sexting — Local set\./ })).toBeTruthy();
    expect(within(grid).getByRole('gridcell', { name: /^Known — no category — Plain set\./ })).toBeTruthy();
    expect(grid.querySelector('img')).toBeNull();

    // In "All" too, next to pictures of the other items.
    await user.click(screen.getByRole('radio', { name: 'All (12)' }));
    await waitFor(() => expect(grid.querySelectorAll('img').length).toBeGreaterThan(0));
    for (const index of KNOWN_INDEXES) expect(grid.querySelector(`[data-item-index="${index}"] img`)).toBeNull();
    expect(requestedIds().filter((id) => KNOWN_IDS.includes(id))).toEqual([]);
  });

  it('are words in the viewer too, with nothing to reveal and no media request', async () => {
    const { user, grid, requestedIds } = await renderReviewApp();
    await user.click(screen.getByRole('radio', { name: 'Known (4)' }));
    await user.click(await within(grid).findByRole('gridcell', { name: /Set Alpha/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    expect(within(viewer).getByRole('status').textContent).toBe('Known — category 1, CAM — Set Alpha');
    expect(within(viewer).getByRole('button', { name: 'Reveal' })).toHaveProperty('disabled', true);
    await user.click(within(viewer).getByRole('button', { name: 'Next item' }));
    expect(await within(viewer).findByRole('heading', { name: 'photo-000004.jpg' })).toBeTruthy();
    expect(viewer.querySelector('img, video')).toBeNull();
    expect(requestedIds().filter((id) => KNOWN_IDS.includes(id))).toEqual([]);
  });

  it('are shown veiled only after "Show known items", and hidden again with "Hide known items"', async () => {
    const { fake, user, grid, requestedIds } = await renderReviewApp();
    expect(screen.queryByRole('button', { name: 'Show known items' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Known (4)' }));
    await within(grid).findByRole('gridcell', { name: /Set Alpha/ });
    expect(screen.getByText(/shown veiled like any item, and the time they are on screen counts as exposure/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show known items' }));
    expect(fake.handlers.showKnownItems).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, shown: true });
    await waitFor(() => expect(grid.querySelectorAll('img')).toHaveLength(4));
    expect(grid.querySelector<HTMLImageElement>('[data-item-index="0"] img')?.getAttribute('src')).toContain('grey=1&blur=strong');
    // Still named as known, now under its picture.
    expect(within(grid).getByRole('gridcell', { name: /^Known — category 1, CAM — Set Alpha\./ }).textContent).toContain('Set Alpha');
    expect(requestedIds()).toContain(fakeItemId(1));

    // Shown in another view too (All), hiding them stays one click away there.
    await user.click(screen.getByRole('radio', { name: /^All/ }));
    await user.click(screen.getByRole('button', { name: 'Hide known items' }));
    expect(fake.handlers.showKnownItems).toHaveBeenLastCalledWith({ caseId: FAKE_CASE_ID, shown: false });
    await user.click(screen.getByRole('radio', { name: 'Known (4)' }));
    await user.click(screen.getByRole('button', { name: 'Show known items' }));
    await waitFor(() => expect(grid.querySelectorAll('img')).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Hide known items' }));
    expect(fake.handlers.showKnownItems).toHaveBeenLastCalledWith({ caseId: FAKE_CASE_ID, shown: false });
    await waitFor(() => expect(grid.querySelector('img')).toBeNull());
    expect(screen.getByRole('button', { name: 'Show known items' })).toBeTruthy();
  });

  it('says all of it in French', async () => {
    const { user, grid } = await renderReviewApp({ settings: { language: 'fr-CA' } }, 'fr-CA');
    await user.click(await screen.findByRole('radio', { name: 'Connus (4)' }));
    const tile = await within(grid).findByRole('gridcell', { name: /Set Alpha/ });
    expect(tile.textContent).toContain("Connu — catégorie 1, Matériel d'abus pédosexuel — Set Alpha");
    expect(within(grid).getByRole('gridcell', { name: /^Connu — aucune catégorie — Plain set\./ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Afficher les éléments connus' }));
    expect(await screen.findByRole('button', { name: 'Masquer les éléments connus' })).toBeTruthy();
  });
});

describe('near matches', () => {
  it('show their picture with the strongest veil and a label, whatever the chosen profile', async () => {
    const { grid } = await renderReviewApp({ settings: { defaultProfile: { greyscale: false, blur: 'light', style: 'blur' } } });
    const near = await within(grid).findByRole('gridcell', { name: /^Near match \(distance 12\) — category 1, CAM — Set Alpha\. photo-000002\.jpg/ });
    expect(near.textContent).toContain('Near match (distance 12) — category 1, CAM — Set Alpha');
    await waitFor(() => expect(near.querySelector('img')?.getAttribute('src')).toBe('veil-media://item/it-0000002/thumb?grey=1&blur=strong'));
    await waitFor(() =>
      expect(grid.querySelector('[data-item-index="0"] img')?.getAttribute('src')).toBe('veil-media://item/it-0000000/thumb?grey=0&blur=light'),
    );
  });

  it('are veiled the strongest way in the viewer too', async () => {
    const { user, grid } = await renderReviewApp({ settings: { defaultProfile: { greyscale: false, blur: 'light', style: 'blur' } } });
    await user.click(await within(grid).findByRole('gridcell', { name: /photo-000002\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    expect(within(viewer).getByRole('img', { name: 'photo-000002.jpg' }).getAttribute('src')).toBe('veil-media://item/it-0000002/view?grey=1&blur=strong');
    expect(viewer.textContent).toContain('Near match (distance 12) — category 1, CAM — Set Alpha');
  });
});
