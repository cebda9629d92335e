import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil, fakeItem } from '../../fakes/fake-veil';
import { capView, dailyExposureReached, limitsView, wellbeingView } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';

function mediaElements(): NodeListOf<Element> {
  return document.querySelectorAll('img, video, canvas');
}

async function textOnlyApp(systemLanguage = 'en-CA') {
  const fake = createFakeVeil({
    settings: { language: systemLanguage.startsWith('fr') ? 'fr-CA' : 'en' },
    items: (index) => ({
      ...fakeItem(index),
      duplicatePaths: index === 1 ? ['.trash/photo-000001', 'copy/photo-000001'] : [],
      error: index === 2 ? { code: 'decode-failed', detail: 'truncated' } : null,
    }),
  });
  const { grid } = await renderApp(fake, { systemLanguage });
  await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
  act(() => fake.setWellbeing(wellbeingView({ limits: dailyExposureReached() })));
  return { fake, grid, user: userEvent.setup() };
}

describe('Text-only mode', () => {
  it('hides every media element and lists the case as text', async () => {
    await textOnlyApp();
    expect(mediaElements()).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    expect(screen.getByText('Text-only mode: you reached your daily exposure limit.')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Case items (text only)' });
    const first = await within(list).findByText('photo-000000.jpg');
    const row = first.closest('[role="listitem"]');
    expect(row?.textContent).toContain('JPEG image');
    expect(row?.textContent).toContain('1 kB');
    expect(row?.textContent).toContain('Path: evidence/photo-000000');
    expect(row?.textContent).toContain('Folder: evidence');
    // A row stands for every identical copy of its file too.
    const copied = within(list).getByText('photo-000001.jpg').closest('[role="listitem"]');
    expect(copied?.textContent).toContain('Path: evidence/photo-000001 · Identical copies: .trash/photo-000001, copy/photo-000001');
    expect(row?.getAttribute('aria-setsize')).toBe('100000');
    const broken = within(list).getByText('photo-000002.jpg').closest('[role="listitem"]');
    expect(broken?.textContent).toContain('The file is damaged or incomplete.');
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(100);
  });

  it('lists a near stack’s files on its row as words, as the viewer does, and never a picture of them', async () => {
    const fake = createFakeVeil({
      items: (index) => ({ ...fakeItem(index), stackSize: index === 4 ? 4 : 1, duplicatePaths: [] }),
    });
    const near = {
      ...fakeItem(90),
      relativePath: 'resized/photo-000004-small.jpg',
      duplicatePaths: ['backup/photo-000004-small.jpg'],
      stackId: fakeItem(4).id,
    };
    const known = {
      ...fakeItem(91),
      relativePath: 'known/photo.jpg',
      match: { type: 'known' as const, setId: 1, setName: 'Unit set', scheme: 'vic-us' as const, category: '1', matchedBy: 'md5' as const },
    };
    fake.handlers.listStackMembers.mockResolvedValue([
      { item: fakeItem(4), distanceBits: 0 },
      { item: near, distanceBits: 12 },
      { item: known, distanceBits: 20 },
    ]);
    const { grid } = await renderApp(fake);
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    act(() => fake.setWellbeing(wellbeingView({ limits: dailyExposureReached() })));
    const list = screen.getByRole('list', { name: 'Case items (text only)' });
    const row = (await within(list).findByText('photo-000004.jpg')).closest<HTMLElement>('[role="listitem"]');
    await waitFor(() =>
      expect(row?.textContent).toContain(
        'This stack holds 4 files: evidence/photo-000004 — shown for the stack, resized/photo-000004-small.jpg — near copy (distance 12), ' +
          'backup/photo-000004-small.jpg — exact copy, known/photo.jpg — known, not shown',
      ),
    );
    expect(fake.handlers.listStackMembers).toHaveBeenCalledWith({ caseId: expect.any(String), itemId: fakeItem(4).id });
    // The row has room for the stack's line; a row without near copies keeps its four lines and asks for no stack.
    const plain = within(list).getByText('photo-000006.jpg').closest<HTMLElement>('[role="listitem"]');
    expect(Number.parseFloat(row?.style.height ?? '0')).toBeGreaterThan(Number.parseFloat(plain?.style.height ?? '0'));
    expect(fake.handlers.listStackMembers).not.toHaveBeenCalledWith(expect.objectContaining({ itemId: fakeItem(6).id }));
    expect(mediaElements()).toHaveLength(0);
  });

  it('Override asks for a reason, sends it for the reached cap, and media returns when the view says so', async () => {
    const { fake, grid, user } = await textOnlyApp();
    await user.click(screen.getByRole('button', { name: 'Override' }));
    const dialog = screen.getByRole('dialog', { name: 'Override limit' });
    expect(within(dialog).getByText(/15 more minutes/)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(document.getElementById(reason.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent).toBe('“Reason” needs at least 3 characters.');
    expect(fake.handlers.overrideLimit).not.toHaveBeenCalled();

    fake.handlers.overrideLimit.mockImplementationOnce(async () => {
      fake.state.wellbeing = wellbeingView({ limits: limitsView() });
      return { rejected: null, view: fake.state.wellbeing };
    });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Finishing the report for court');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect(fake.handlers.overrideLimit).toHaveBeenCalledWith({ quantity: 'exposure', period: 'day', reason: 'Finishing the report for court' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('list', { name: 'Case items (text only)' })).toBeNull();
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
  });

  it("shows the back end's refusal and keeps media hidden", async () => {
    const { fake, user } = await textOnlyApp();
    fake.handlers.overrideLimit.mockResolvedValueOnce({ rejected: 'already extended today', view: fake.state.wellbeing });
    await user.click(screen.getByRole('button', { name: 'Override' }));
    const dialog = screen.getByRole('dialog', { name: 'Override limit' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'need it');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The override was refused: already extended today');
    expect(mediaElements()).toHaveLength(0);
  });

  it('warns calmly at a threshold', async () => {
    const fake = createFakeVeil();
    const { grid } = await renderApp(fake);
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    act(() =>
      fake.setWellbeing(
        wellbeingView({ limits: limitsView([capView('exposure', 'day', { capMs: 3_600_000, usedMs: 2_700_000, fraction: 0.75, warningPct: 75 })]) }),
      ),
    );
    expect(screen.getByText('You have used 75 % of your daily exposure limit.')).toBeTruthy();
    expect(mediaElements().length).toBeGreaterThan(0);
  });

  it('is in Canadian French', async () => {
    const { user } = await textOnlyApp('fr-CA');
    // The matcher's text is compared after whitespace (the non-breaking space too) is normalized.
    expect(screen.getByText("Mode texte seulement : vous avez atteint votre limite quotidienne d'exposition.")).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Éléments du dossier (texte seulement)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prolonger' }));
    const dialog = screen.getByRole('dialog', { name: 'Prolonger la limite' });
    expect(within(dialog).getByText(/15 minutes de plus/)).toBeTruthy();
  });
});
