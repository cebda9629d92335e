import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

const UNIT_SCHEME = {
  name: 'Unit 7 grading',
  categories: [
    { key: '1', description: 'Severe' },
    { key: '2', description: 'Other' },
    { key: '5', description: 'Ignore' },
  ],
};

describe('choosing a case’s category scheme at its first open', () => {
  it('asks which scheme (Project VIC US chosen already, the unit’s own offered), then shows it in the header and the buttons follow it', async () => {
    const fake = createFakeVeil({
      itemCount: 20,
      askScheme: true,
      settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, review: { ...DEFAULT_SETTINGS.review, customSchemes: [UNIT_SCHEME] } },
    });
    await renderApp(fake);
    const dialog = await screen.findByRole('dialog', { name: 'Category scheme for this case' });
    const radios = within(dialog).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Project VIC US (0 to 4)',
      'Older DHS numbering (0 to 5)',
      'UK grading: A, B, C, not indecent',
      'Unit 7 grading (imported: 1, 2, 5)',
    ]);
    expect(within(dialog).getByRole('radio', { name: 'Project VIC US (0 to 4)' })).toHaveProperty('checked', true);
    // Focus starts inside the dialog; the keys do not categorise anything behind it.
    expect(dialog.contains(document.activeElement)).toBe(true);
    // The app behind waits, inert (no click, no screen-reader cursor reaches it), and the dialog says nothing of another Veil.
    expect(screen.getByRole('banner', { hidden: true }).closest('[inert]')).not.toBeNull();
    expect(dialog.closest('[inert]')).toBeNull();
    expect(within(dialog).queryByText(/Another Veil/)).toBeNull();
    const user = userEvent.setup();
    await user.keyboard('1');
    expect(fake.handlers.categoriseItem).not.toHaveBeenCalled();
    // Esc still hides all media while the question is open, and focus stays in the dialog.
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { name: 'Media hidden', hidden: true })).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Category scheme for this case' })).toBe(dialog);

    await user.click(within(dialog).getByRole('radio', { name: /Unit 7 grading/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Use this scheme' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Category scheme for this case' })).toBeNull());
    expect(fake.handlers.chooseCaseScheme).toHaveBeenCalledWith({ caseId: fake.state.summary.caseId, scheme: { id: 'custom', custom: UNIT_SCHEME } });
    expect(screen.getByLabelText('Category scheme: Unit 7 grading (imported: 1, 2, 5)').textContent).toBe('Unit 7 grading');

    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const group = within(viewer).getByRole('group', { name: 'Category' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.getAttribute('title')),
    ).toEqual(['1, Severe', '2, Other', '5, Ignore', 'Uncategorised']);
    await user.keyboard('5');
    await waitFor(() => expect(fake.handlers.categoriseItem).toHaveBeenCalledWith(expect.objectContaining({ category: '5' })));
  });

  it('says, in a case another Veil holds, that the choice and the decisions last only until Veil closes', async () => {
    const fake = createFakeVeil({
      itemCount: 3,
      askScheme: true,
      notesStorage: { state: 'session-only', location: '/cases/x.veil-notes.json', problem: { code: 'in-use', detail: '4242' } },
    });
    await renderApp(fake);
    const dialog = await screen.findByRole('dialog', { name: 'Category scheme for this case' });
    expect(dialog.getAttribute('aria-describedby')).not.toBeNull();
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(/Another Veil is working on this case .* last only until Veil closes\.$/);
  });

  it('names the scheme shortly in French, and asks nothing when the case has one', async () => {
    const fake = createFakeVeil({ itemCount: 5, settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    expect((await screen.findByLabelText('Grille de catégories : Project VIC États-Unis (0 à 4)')).textContent).toBe('VIC É.-U.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
