import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Settings } from '../../../../shared/settings/settings.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { chooseInHeaderMenu } from '../../header-menu';
import { renderApp } from '../../render-app';

/** The app against a fake back end, with Settings open. */
export async function openSettings({ language = 'en', settings = {} }: { language?: 'en' | 'fr-CA'; settings?: Partial<Settings> } = {}) {
  const fake = createFakeVeil({ settings: { language, ...settings } });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
  const title = language === 'fr-CA' ? 'Paramètres' : 'Settings';
  await chooseInHeaderMenu(user, title);
  const dialog = screen.getByRole('dialog', { name: title });
  return { fake, user, dialog };
}

/** The message a field is described by (aria-describedby), other than its help. */
export function messageOf(field: HTMLElement): string | null {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.length > 0);
  const texts = ids.map((id) => document.getElementById(id)).filter((element) => element?.classList.contains('field-error'));
  return texts[0]?.textContent ?? null;
}
