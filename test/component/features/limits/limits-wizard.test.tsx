import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS_CONFIG } from '../../../../shared/limits/limits-config.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { messageOf } from '../settings/open-settings';

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

  it('says beside the daily cap that it is above the weekly one, focuses it, and sends nothing', async () => {
    const { fake, dialog, user } = await wizard();
    const day = within(dialog).getByRole('spinbutton', { name: 'Exposure time per day (minutes)' });
    await user.type(day, '600');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Exposure time per week (minutes)' }), '300');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(day);
    expect(messageOf(day)).toBe(
      'The daily cap on exposure time (600 min) is larger than the weekly cap (300 min): lower the daily cap or raise the weekly one.',
    );
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Personal limits' })).toBeTruthy();
  });

  it('names a cap out of range by its label, in French, with no English', async () => {
    const { fake, dialog, user } = await wizard('fr-CA');
    const week = within(dialog).getByRole('spinbutton', { name: 'Temps audio par semaine (minutes)' });
    expect(week.getAttribute('max')).toBe('10080');
    await user.type(week, '20000');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(document.activeElement).toBe(week);
    expect(messageOf(week)).toBe("«\u00a0Temps audio par semaine (minutes)\u00a0» doit être d'au plus 10\u00a0080.");
    expect(dialog.textContent).not.toMatch(/Too big|expected|weekMin|updateSettings/);
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
  });

  it('is in Canadian French', async () => {
    const { dialog } = await wizard('fr-CA');
    expect(within(dialog).getByRole('spinbutton', { name: "Temps d'exposition par jour (minutes)" })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Passer' })).toBeTruthy();
  });
});
