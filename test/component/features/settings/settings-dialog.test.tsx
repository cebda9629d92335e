import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import { headerMenuButton } from '../../header-menu';
import { openSettings } from './open-settings';

describe('SettingsDialog', () => {
  it('shows the current settings and saves the Viewing section alone, which the grid then uses', async () => {
    const { fake, user, dialog } = await openSettings();
    expect(within(dialog).getByRole('checkbox', { name: 'Show media in greyscale' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('combobox', { name: 'Blur' })).toHaveProperty('value', 'strong');
    expect(within(dialog).getByRole('spinbutton', { name: 'Reveal duration (seconds)' })).toHaveProperty('value', '10');

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Blur' }), 'Medium');
    await user.click(within(dialog).getByRole('button', { name: 'Save viewing settings' }));
    const viewing = within(dialog).getByRole('region', { name: 'Viewing' });
    await waitFor(() => expect(within(viewing).getByRole('status').textContent).toBe('Saved.'));
    // Saved on its own: nothing of the other sections rides along.
    const patch = fake.handlers.updateSettings.mock.calls[0]?.[0];
    expect(patch).toMatchObject({ defaultProfile: { greyscale: true, blur: 'medium' }, revealDurationSec: 10 });
    expect(Object.keys(patch ?? {})).not.toContain('breaks');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('grid').querySelector('img')?.getAttribute('src')).toMatch(/thumb\?grey=1&blur=medium$/));
  });

  it('lists its sections to jump to, each a heading the list focuses, each with its own Save', async () => {
    const { user, dialog } = await openSettings();
    const nav = within(dialog).getByRole('navigation', { name: 'Settings sections' });
    const names = within(nav)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Viewing', 'Breaks', 'Limits', 'Notes', 'Sharing', 'Language', 'Known material', 'Review', 'Category schemes', 'Referral']);
    // The last sections too: they are below a long Known material section, out of sight when the dialog opens.
    for (const name of ['Known material', 'Review', 'Category schemes', 'Referral']) {
      await user.click(within(nav).getByRole('button', { name }));
      expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name }));
    }
    await user.click(within(nav).getByRole('button', { name: 'Limits' }));
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Limits' }));
    const limits = within(dialog).getByRole('region', { name: 'Limits' });
    expect(within(limits).getByRole('button', { name: 'Save limits' })).toBeTruthy();
    for (const save of ['Save viewing settings', 'Save break settings', 'Save notes folder', 'Save sharing settings', 'Save language']) {
      expect(within(dialog).getByRole('button', { name: save })).toBeTruthy();
    }
  });

  it('keeps notes beside the case by default, and in a chosen notes folder once one is typed', async () => {
    const { fake, user, dialog } = await openSettings();
    const folder = within(dialog).getByRole('textbox', { name: 'Notes folder' });
    expect(folder).toHaveProperty('value', '');
    expect(folder.getAttribute('maxlength')).toBe('4096');
    await user.type(folder, '  /mnt/casework/notes ');
    await user.click(within(dialog).getByRole('button', { name: 'Save notes folder' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenLastCalledWith({ notesFolder: '/mnt/casework/notes' }));
  });

  it('Close closes and gives focus back', async () => {
    const { fake, user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(headerMenuButton());
  });

  it('sets how soon exposure stops counting without activity, and how long history is kept', async () => {
    const { fake, user, dialog } = await openSettings();
    const idle = within(dialog).getByRole('spinbutton', { name: 'Stop counting after (minutes without activity)' });
    const retention = within(dialog).getByRole('spinbutton', { name: 'Keep exposure history (days)' });
    expect(idle).toHaveProperty('value', '5');
    expect(retention).toHaveProperty('value', '400');
    expect(document.getElementById(idle.getAttribute('aria-describedby')!)?.textContent).toContain('no video playing');

    await user.clear(idle);
    await user.type(idle, '10');
    await user.clear(retention);
    await user.type(retention, '730');
    await user.click(within(dialog).getByRole('button', { name: 'Save viewing settings' }));
    await waitFor(() => expect(fake.state.settings).toMatchObject({ idleAfterMin: 10, ledgerRetentionDays: 730 }));
  });

  it('shows a refusal the back end still makes as its reason, translated, never raw text', async () => {
    const { fake, user, dialog } = await openSettings({ language: 'fr-CA' });
    fake.handlers.updateSettings.mockRejectedValueOnce(VeilRequestError.because(reasonOf('setting-too-large', { setting: 'mediaCacheMb', max: 4096 })));
    await user.click(within(dialog).getByRole('button', { name: "Enregistrer l'affichage" }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      "Les paramètres n'ont pas été enregistrés\u00a0: «\u00a0Taille du cache des médias (Mo)\u00a0» doit être d'au plus 4\u00a0096.",
    );
  });

  it('names the sections and the exposure settings in Canadian French', async () => {
    const { dialog } = await openSettings({ language: 'fr-CA' });
    const nav = within(dialog).getByRole('navigation', { name: 'Sections des paramètres' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Affichage', 'Pauses', 'Limites', 'Notes', 'Partage', 'Langue', 'Matériel connu', 'Révision', 'Grilles de catégories', 'Signalement']);
    expect(within(dialog).getByRole('group', { name: "Registre d'exposition" })).toBeTruthy();
    expect(within(dialog).getByRole('spinbutton', { name: 'Arrêter le décompte après (minutes sans activité)' })).toHaveProperty('value', '5');
  });

  it("sets the first day of the week, naming the language's day, and says team summaries use ISO weeks", async () => {
    const { fake, user, dialog } = await openSettings();
    const weekStart = within(dialog).getByRole('combobox', { name: 'First day of the week (My exposure)' });
    expect(weekStart).toHaveProperty('value', 'language');
    expect(
      within(weekStart)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['As usual in my language (Sunday)', 'Sunday', 'Monday']);
    expect(weekStart.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(weekStart.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Team summaries always use ISO weeks, Monday to Sunday.',
    );
    await user.selectOptions(weekStart, 'Monday');
    await user.click(within(dialog).getByRole('button', { name: 'Save language' }));
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith(expect.objectContaining({ weekStart: 'monday' }));
  });

  it('names the week-start choices in Canadian French', async () => {
    const { dialog } = await openSettings({ language: 'fr-CA' });
    const weekStart = within(dialog).getByRole('combobox', { name: 'Premier jour de la semaine (Mon exposition)' });
    expect(
      within(weekStart)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(["Comme d'habitude dans ma langue (dimanche)", 'Dimanche', 'Lundi']);
  });
});
