import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messageOf, openSettings } from '../settings/open-settings';

describe('Settings → Known material → near-match distance', () => {
  it('shows the distance with its help, refuses one outside 0–63 beside the field without saving, and saves one inside', async () => {
    const { fake, user, dialog } = await openSettings();
    const section = within(dialog).getByRole('region', { name: 'Known material' });
    const field = within(section).getByRole('spinbutton', { name: 'Near-match distance (bits, 0–63)' });
    expect(field).toHaveProperty('value', '31');
    expect(section.textContent).toContain('Lower finds fewer, closer copies');

    await user.clear(field);
    await user.type(field, '64');
    await user.click(within(section).getByRole('button', { name: 'Save the near-match distance' }));
    await waitFor(() => expect(messageOf(field)).toMatch(/63/));
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();

    await user.clear(field);
    await user.type(field, '12');
    await user.click(within(section).getByRole('button', { name: 'Save the near-match distance' }));
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith({ nearMatchDistanceBits: 12 });
    await waitFor(() => expect(within(section).getByText('Saved. The open case is matched and stacked again.')).toBeTruthy());
  });

  it('says it in Canadian French', async () => {
    const { dialog } = await openSettings({ language: 'fr-CA', settings: { nearMatchDistanceBits: 20 } });
    const section = within(dialog).getByRole('region', { name: 'Matériel connu' });
    const field = within(section).getByRole('spinbutton', { name: 'Distance de correspondance proche (bits, 0 à 63)' });
    expect(field).toHaveProperty('value', '20');
    expect(section.textContent).toContain('Plus bas, on trouve moins de copies, mais plus proches');
    expect(within(section).getByRole('button', { name: 'Enregistrer la distance de correspondance proche' })).toBeTruthy();
  });
});
