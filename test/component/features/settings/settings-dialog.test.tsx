import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu, headerMenuButton } from '../../header-menu';

async function openSettings({ language = 'en' }: { language?: 'en' | 'fr-CA' } = {}) {
  const fake = createFakeVeil({ settings: { language } });
  const user = userEvent.setup();
  await renderApp(fake);
  await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
  const title = language === 'fr-CA' ? 'Paramètres' : 'Settings';
  await chooseInHeaderMenu(user, title);
  const dialog = screen.getByRole('dialog', { name: title });
  return { fake, user, dialog };
}

describe('SettingsDialog', () => {
  it('shows the current settings and saves a new default profile that the grid then uses', async () => {
    const { fake, user, dialog } = await openSettings();
    expect(within(dialog).getByRole('checkbox', { name: 'Show media in greyscale' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('combobox', { name: 'Blur' })).toHaveProperty('value', 'strong');
    expect(within(dialog).getByRole('spinbutton', { name: 'Reveal duration (seconds)' })).toHaveProperty('value', '10');
    expect(document.activeElement).toBe(within(dialog).getByRole('checkbox', { name: 'Show media in greyscale' }));

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Blur' }), 'Medium');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith(
      expect.objectContaining({ defaultProfile: { greyscale: true, blur: 'medium' }, revealDurationSec: 10 }),
    );
    await waitFor(() => expect(screen.getByRole('grid').querySelector('img')?.getAttribute('src')).toMatch(/thumb\?grey=1&blur=medium$/));
  });

  it('keeps notes beside the case by default, and in a chosen notes folder once one is typed', async () => {
    const { fake, user, dialog } = await openSettings();
    const group = within(dialog).getByRole('group', { name: 'Case notes' });
    const folder = within(group).getByRole('textbox', { name: 'Notes folder' });
    expect(folder).toHaveProperty('value', '');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(fake.handlers.updateSettings).toHaveBeenLastCalledWith(expect.objectContaining({ notesFolder: null }));

    await chooseInHeaderMenu(user, 'Settings');
    const again = screen.getByRole('dialog', { name: 'Settings' });
    await user.type(within(again).getByRole('textbox', { name: 'Notes folder' }), '  /mnt/casework/notes ');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    expect(fake.handlers.updateSettings).toHaveBeenLastCalledWith(expect.objectContaining({ notesFolder: '/mnt/casework/notes' }));
  });

  it("shows the back end's validation message and keeps the dialog open", async () => {
    const { fake, user, dialog } = await openSettings();
    const duration = within(dialog).getByRole('spinbutton', { name: 'Reveal duration (seconds)' });
    await user.clear(duration);
    await user.type(duration, '99');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    // The reason comes from the contract's own validation, naming the field by its label, never its key.
    expect(alert.textContent).toBe('The settings were not saved: “Reveal duration (seconds)” must be at most 60.');
    expect(fake.state.settings.revealDurationSec).toBe(10);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('says in French which setting is out of range, by its label, with no English', async () => {
    const { fake, user, dialog } = await openSettings({ language: 'fr-CA' });
    const duration = within(dialog).getByRole('spinbutton', { name: 'Durée de la révélation (secondes)' });
    await user.clear(duration);
    await user.type(duration, '1');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe("Les paramètres n'ont pas été enregistrés\u00a0: «\u00a0Durée de la révélation (secondes)\u00a0» doit être d'au moins 2.");
    expect(alert.textContent).not.toMatch(/revealDurationSec|must|updateSettings/);
    expect(fake.state.settings.revealDurationSec).toBe(10);
  });

  it('Cancel closes without saving and gives focus back', async () => {
    const { fake, user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
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
    expect(idle.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(idle.getAttribute('aria-describedby')!)?.textContent).toContain('no video playing');

    await user.clear(idle);
    await user.type(idle, '10');
    await user.clear(retention);
    await user.type(retention, '730');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith(expect.objectContaining({ idleAfterMin: 10, ledgerRetentionDays: 730 }));
    expect(fake.state.settings).toMatchObject({ idleAfterMin: 10, ledgerRetentionDays: 730 });
  });

  it.each([
    ['Stop counting after (minutes without activity)', '0', /“Stop counting after \(minutes without activity\)” must be at least 1\.$/],
    ['Stop counting after (minutes without activity)', '2.5', /“Stop counting after \(minutes without activity\)” must be a whole number\.$/],
    ['Keep exposure history (days)', '20', /“Keep exposure history \(days\)” must be at least 30\.$/],
    ['Keep exposure history (days)', '', /“Keep exposure history \(days\)” /],
  ])('refuses %s = "%s" with the back end\'s message naming the field', async (name, value, message) => {
    const { fake, user, dialog } = await openSettings();
    const field = within(dialog).getByRole('spinbutton', { name });
    await user.clear(field);
    if (value) await user.type(field, value);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(fake.state.settings).toMatchObject({ idleAfterMin: 5, ledgerRetentionDays: 400 });
  });

  it('names the exposure settings in Canadian French', async () => {
    const { dialog } = await openSettings({ language: 'fr-CA' });
    expect(within(dialog).getByRole('group', { name: "Registre d'exposition" })).toBeTruthy();
    expect(within(dialog).getByRole('spinbutton', { name: 'Arrêter le décompte après (minutes sans activité)' })).toHaveProperty('value', '5');
    expect(within(dialog).getByRole('spinbutton', { name: "Conserver l'historique d'exposition (jours)" })).toHaveProperty('value', '400');
  });
});
