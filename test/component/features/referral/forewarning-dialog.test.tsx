import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ForewarningDialog } from '../../../../renderer/features/referral/forewarning-dialog';
import { createI18n, type UiLanguage } from '../../../../renderer/i18n/i18n';

function show(language: UiLanguage) {
  const onOpenStrongest = vi.fn();
  const onNotNow = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ForewarningDialog classification="A1" annotations={['infant', 'violence']} onOpenStrongest={onOpenStrongest} onNotNow={onNotNow} />
    </I18nextProvider>,
  );
  return { onOpenStrongest, onNotNow };
}

describe('the forewarning before a flagged file opens', () => {
  it('says what the referral says, focuses "Open with strongest filter", and Escape means not now', async () => {
    const { onOpenStrongest, onNotNow } = show('en');
    const dialog = screen.getByRole('dialog', { name: 'Before you open this file' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Industry classification A1', 'an infant', 'violence']);
    expect(dialog.getAttribute('aria-describedby')).not.toBeNull();
    const open = within(dialog).getByRole('button', { name: 'Open with strongest filter' });
    expect(document.activeElement).toBe(open);
    // One line says what Escape does here; "Esc hides all media" beside "Escape: not now" read as a contradiction.
    expect(
      within(dialog)
        .queryAllByText(/^Esc/)
        .map((hint) => hint.textContent),
    ).toEqual(['Esc answers “Not now” and hides all media']);
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    expect(onNotNow).toHaveBeenCalledTimes(1);
    expect(onOpenStrongest).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onOpenStrongest).toHaveBeenCalledTimes(1);
    // Focus stays inside: Tab cycles between the two answers.
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(open);
  });

  it('speaks Canadian French', () => {
    show('fr-CA');
    const dialog = screen.getByRole('dialog', { name: "Avant d'ouvrir ce fichier" });
    expect(within(dialog).getByRole('button', { name: 'Ouvrir avec le filtre le plus fort' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Pas maintenant' })).toBeTruthy();
    expect(within(dialog).getByText('un nourrisson')).toBeTruthy();
    expect(
      within(dialog)
        .queryAllByText(/^Échap/)
        .map((hint) => hint.textContent),
    ).toEqual(['Échap répond «\u00a0Pas maintenant\u00a0» et masque tous les médias']);
  });
});
