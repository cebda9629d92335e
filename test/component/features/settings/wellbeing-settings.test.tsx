import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { DEFAULT_ENCOURAGEMENT } from '../../../../shared/settings/settings.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu } from '../../header-menu';

async function openSettings(language: 'en' | 'fr-CA' = 'en') {
  const fake = createFakeVeil({ settings: { language } });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  const title = language === 'fr-CA' ? 'Paramètres' : 'Settings';
  await chooseInHeaderMenu(user, title);
  return { fake, user, dialog: screen.getByRole('dialog', { name: title }) };
}

describe('Settings: breaks, limits and encouragement', () => {
  it('sends the whole breaks object, working hours, sounds and phrases', async () => {
    const { fake, user, dialog } = await openSettings();
    const breaks = within(dialog).getByRole('group', { name: 'Breaks' });
    await user.click(within(breaks).getByRole('checkbox', { name: 'Strict mode (no skipping, postponing or ending early)' }));
    const micro = within(breaks).getByRole('spinbutton', { name: 'Micro-break every (minutes of exposure)' });
    await user.clear(micro);
    await user.type(micro, '20');
    await user.click(within(breaks).getByRole('checkbox', { name: 'Play a soft sound when a break starts and ends' }));

    const hours = within(dialog).getByRole('group', { name: 'Working hours' });
    await user.click(within(within(hours).getByRole('group', { name: 'Friday' })).getByRole('checkbox', { name: 'No work this day' }));
    fireEvent.change(within(within(hours).getByRole('group', { name: 'Monday' })).getByRole('textbox', { name: 'From' }), { target: { value: '07:30' } });

    const phrases = within(dialog).getByRole('textbox', { name: 'Phrases in English' });
    await user.clear(phrases);
    await user.type(phrases, 'Rest your eyes.{Enter}{Enter}  Drink some water.  ');

    await user.click(within(dialog).getByRole('button', { name: 'Save break settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenCalledTimes(1));
    const patch = fake.handlers.updateSettings.mock.calls[0]?.[0];
    expect(patch?.breaks).toEqual({
      ...DEFAULT_BREAK_CONFIG,
      strictMode: true,
      microIntervalMin: 20,
      workingHours: { ...DEFAULT_BREAK_CONFIG.workingHours, mon: { start: '07:30', end: '16:00' }, fri: null },
    });
    expect(patch?.breakSounds).toBe(true);
    expect(patch?.notifyBreaksWhenUnfocused).toBe(true);
    expect(patch?.encouragement).toEqual({ en: ['Rest your eyes.', 'Drink some water.'], 'fr-CA': DEFAULT_ENCOURAGEMENT['fr-CA'] });
  });

  it('sends the caps and warning thresholds from the Limits section', async () => {
    const { fake, user, dialog } = await openSettings();
    const limits = within(dialog).getByRole('group', { name: 'Personal limits' });
    await user.type(within(limits).getByRole('spinbutton', { name: 'Unfiltered time per day (minutes)' }), '10');
    const thresholds = within(limits).getByRole('textbox', { name: 'Warn at (% of a limit, separated by commas)' });
    await user.clear(thresholds);
    await user.type(thresholds, '50, 80');

    await user.click(within(dialog).getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenCalledTimes(1));
    const patch = fake.handlers.updateSettings.mock.calls[0]?.[0];
    expect(patch?.limits?.caps.unfiltered).toEqual({ dayMin: 10, weekMin: null });
    expect(patch?.limits?.warnAtPct).toEqual([50, 80]);
  });

  it('turns the working-hours warning off as a whole', async () => {
    const { fake, user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Warn me when I view media outside my working hours' }));
    expect(within(dialog).queryByRole('group', { name: 'Monday' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Save break settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings.mock.calls[0]?.[0].breaks?.workingHours).toBeNull());
  });

  it('names the sections in Canadian French', async () => {
    const { dialog } = await openSettings('fr-CA');
    expect(within(dialog).getByRole('group', { name: 'Pauses' })).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: 'Limites personnelles' })).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'Phrases en français' })).toHaveProperty('value', DEFAULT_ENCOURAGEMENT['fr-CA'].join('\n'));
  });
});
