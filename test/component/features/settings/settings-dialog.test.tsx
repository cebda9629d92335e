import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function openSettings() {
  const fake = createFakeVeil();
  const user = userEvent.setup();
  await renderApp(fake);
  await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' });
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
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
    await waitFor(() =>
      expect(screen.getByRole('grid').querySelector('img')?.getAttribute('src')).toMatch(/thumb\?grey=1&blur=medium$/),
    );
  });

  it("shows the back end's validation message and keeps the dialog open", async () => {
    const { fake, user, dialog } = await openSettings();
    const duration = within(dialog).getByRole('spinbutton', { name: 'Reveal duration (seconds)' });
    await user.clear(duration);
    await user.type(duration, '99');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    // The message comes from the contract's own validation, naming the field.
    expect(alert.textContent).toMatch(/^The settings were not saved: updateSettings: revealDurationSec: /);
    expect(fake.state.settings.revealDurationSec).toBe(10);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('Cancel closes without saving and gives focus back', async () => {
    const { fake, user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));
  });
});
