import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu } from '../../header-menu';

async function openSection(language: 'en' | 'fr-CA' = 'en') {
  const fake = createFakeVeil({ itemCount: 3, settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, language } });
  await renderApp(fake);
  const user = userEvent.setup();
  await chooseInHeaderMenu(user, language === 'en' ? 'Settings' : 'Paramètres');
  const section = screen.getByRole('region', { name: language === 'en' ? 'Referral' : 'Signalement' });
  return { fake, user, section };
}

describe('Settings → Referral', () => {
  it('shows the defaults, saves a changed flag profile, and keeps a flag that adds nothing out of the map', async () => {
    const { fake, user, section } = await openSection();
    expect(within(section).getByRole('checkbox', { name: 'Infant: No colour on reveal' })).toHaveProperty('checked', true);
    expect(within(section).getByRole('checkbox', { name: 'Class A1: Spotlight only' })).toHaveProperty('checked', true);
    expect(within(section).getByRole('checkbox', { name: 'Class B2: No colour on reveal' })).toHaveProperty('checked', false);
    await user.click(within(section).getByRole('checkbox', { name: 'Class B2: No colour on reveal' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Class A1: No colour on reveal' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Class A1: Spotlight only' }));
    await user.click(within(section).getByRole('button', { name: 'Save referral settings' }));
    await waitFor(() =>
      expect(fake.handlers.updateSettings).toHaveBeenCalledWith({
        referral: {
          authorisationLock: true,
          flagProfiles: { infant: { noColourOnReveal: true, spotlightOnly: true }, B2: { noColourOnReveal: true, spotlightOnly: false } },
        },
      }),
    );
    expect(await within(section).findByText('Saved.')).toBeTruthy();
  });

  it('asks before turning the lock off, saying what it means; keeping it changes nothing', async () => {
    const { fake, user, section } = await openSection();
    const lock = within(section).getByRole('checkbox', { name: /^Authorisation lock/ });
    await user.click(lock);
    const confirm = within(section).getByRole('alertdialog', { name: 'Turn the authorisation lock off?' });
    expect(confirm.textContent).toContain('nothing in Veil will stop it being opened by accident');
    expect(lock).toHaveProperty('checked', true);
    expect(within(section).getByRole('button', { name: 'Save referral settings' })).toHaveProperty('disabled', true);
    // The question takes the focus on its safe answer, and gives it back to the lock's box.
    const keep = within(confirm).getByRole('button', { name: 'Keep the lock on' });
    expect(document.activeElement).toBe(keep);
    await user.keyboard('{Enter}');
    expect(lock).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(lock);

    await user.click(lock);
    await user.click(within(section).getByRole('button', { name: 'Turn the lock off' }));
    expect(lock).toHaveProperty('checked', false);
    await user.click(within(section).getByRole('button', { name: 'Save referral settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenCalledWith({ referral: { ...DEFAULT_SETTINGS.referral, authorisationLock: false } }));
  });

  it('is in Canadian French', async () => {
    const { section } = await openSection('fr-CA');
    expect(within(section).getByRole('checkbox', { name: 'Nourrisson\u00a0: Révélation sans couleur' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Enregistrer les réglages du signalement' })).toBeTruthy();
  });
});
