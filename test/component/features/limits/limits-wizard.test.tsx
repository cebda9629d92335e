import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS_CONFIG } from '../../../../shared/limits/limits-config.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function wizard(systemLanguage = 'en-CA') {
  const fake = createFakeVeil({ settings: { limitsWizardDone: false, language: systemLanguage.startsWith('fr') ? 'fr-CA' : 'en' } });
  await renderApp(fake, { systemLanguage });
  const name = systemLanguage.startsWith('fr') ? 'Limites personnelles' : 'Personal limits';
  return { fake, dialog: await screen.findByRole('dialog', { name }), user: userEvent.setup() };
}

describe('Personal limits wizard', () => {
  it('is offered on first run, says the limits are the user’s own, and Save sends the caps and that it is done', async () => {
    const { fake, dialog, user } = await wizard();
    expect(within(dialog).getByText(/These limits are your own/).textContent).toContain('Nobody else is told');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Exposure time per day (minutes)' }), '90');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Exposure time per week (minutes)' }), '360');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Audio time per day (minutes)' }), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith({
      limits: {
        ...DEFAULT_LIMITS_CONFIG,
        caps: {
          exposure: { dayMin: 90, weekMin: 360 },
          unfiltered: { dayMin: null, weekMin: null },
          audio: { dayMin: 30, weekMin: null },
        },
      },
      limitsWizardDone: true,
    });
    expect(fake.state.settings.limitsWizardDone).toBe(true);
  });

  it('Skip sends only that it is done, and it is not offered again', async () => {
    const { fake, dialog, user } = await wizard();
    await user.click(within(dialog).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.handlers.updateSettings).toHaveBeenCalledTimes(1);
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith({ limitsWizardDone: true });
  });

  it("shows the back end's message when a daily cap is above the weekly one, and stays open", async () => {
    const { fake, dialog, user } = await wizard();
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Exposure time per day (minutes)' }), '600');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Exposure time per week (minutes)' }), '300');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The limits were not saved');
    expect(alert.textContent).toContain('larger than the weekly cap');
    expect(fake.state.settings.limitsWizardDone).toBe(false);
    expect(screen.getByRole('dialog', { name: 'Personal limits' })).toBeTruthy();
  });

  it('is in Canadian French', async () => {
    const { dialog } = await wizard('fr-CA');
    expect(within(dialog).getByRole('spinbutton', { name: "Temps d'exposition par jour (minutes)" })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Passer' })).toBeTruthy();
  });
});
