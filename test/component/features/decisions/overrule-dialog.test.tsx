import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { OverruleDialog } from '../../../../renderer/features/decisions/overrule-dialog';
import { createI18n, type UiLanguage } from '../../../../renderer/i18n/i18n';

function show(language: UiLanguage = 'en', onConfirm = vi.fn(async (_reason: string) => undefined)) {
  const onCancel = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <button type="button">Category 0</button>
    </I18nextProvider>,
  );
  // Opened from the button, as the viewer's Category group opens it: focus must come back there.
  screen.getByRole('button', { name: 'Category 0' }).focus();
  const view = render(
    <I18nextProvider i18n={createI18n(language)}>
      <OverruleDialog categoryName="0, Non-pertinent" onConfirm={onConfirm} onCancel={onCancel} />
    </I18nextProvider>,
  );
  return { onConfirm, onCancel, view, user: userEvent.setup() };
}

describe('the dialog asking why a hash set’s category is changed', () => {
  it('starts in the reason field and sends nothing until the reason has 3 characters once trimmed; then sends it trimmed', async () => {
    const { onConfirm, user } = show();
    const dialog = screen.getByRole('dialog', { name: 'Change a category from a hash set' });
    expect(within(dialog).getByText(/To change it to 0, Non-pertinent, say why/)).toBeTruthy();
    const field = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(document.activeElement).toBe(field);
    await user.click(within(dialog).getByRole('button', { name: 'Change category' }));
    expect(within(dialog).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.type(field, '  ab  ');
    await user.click(within(dialog).getByRole('button', { name: 'Change category' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    await user.type(field, 'c');
    // The message follows the text: a good reason takes it away before the next press.
    expect(within(dialog).queryByText('Give a reason of at least 3 characters.')).toBeNull();
    await user.clear(field);
    await user.type(field, '  Adult, age confirmed by ID  ');
    await user.click(within(dialog).getByRole('button', { name: 'Change category' }));
    expect(onConfirm).toHaveBeenCalledWith('Adult, age confirmed by ID');
  });

  it('refuses a reason over 500 characters and one with control characters', async () => {
    const { onConfirm, user } = show();
    const field = screen.getByRole('textbox', { name: 'Reason' });
    await user.click(field);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('button', { name: 'Change category' }));
    expect(screen.getByText('The reason is too long: at most 500 characters.')).toBeTruthy();
    await user.clear(field);
    await user.paste('bad\u0007bell');
    await user.click(screen.getByRole('button', { name: 'Change category' }));
    expect(screen.getByText('The reason must be plain text (no control characters).')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps the text as typed and says why when the change is refused', async () => {
    const { user } = show(
      'en',
      vi.fn(async () => {
        throw new Error('share gone');
      }),
    );
    const field = screen.getByRole('textbox', { name: 'Reason' });
    await user.type(field, 'Adult');
    await user.click(screen.getByRole('button', { name: 'Change category' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The category was not changed: /);
    expect((field as HTMLTextAreaElement).value).toBe('Adult');
  });

  it('cancels with Cancel, and with Escape, which the app-wide handler that hides media still receives', async () => {
    const { onCancel, user, view } = show();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // One line says what Escape does here, not two that read as a contradiction ("cancels" and "hides media").
    const dialog = screen.getByRole('dialog', { name: 'Change a category from a hash set' });
    expect(
      within(dialog)
        .queryAllByText(/^Esc /)
        .map((hint) => hint.textContent),
    ).toEqual(['Esc cancels and hides all media']);
    const hidden = vi.fn();
    window.addEventListener('keydown', hidden);
    try {
      await user.type(screen.getByRole('textbox', { name: 'Reason' }), '{Escape}');
      expect(onCancel).toHaveBeenCalledTimes(2);
      expect(hidden).toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
    } finally {
      window.removeEventListener('keydown', hidden);
    }
    view.unmount();
    // Focus goes back to where the dialog was opened from.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Category 0' })));
  });

  it('speaks Canadian French', () => {
    show('fr-CA');
    const dialog = screen.getByRole('dialog', { name: 'Changer une catégorie venue d’un jeu de hachages' });
    expect(within(dialog).getByRole('textbox', { name: 'Motif' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Changer la catégorie' })).toBeTruthy();
  });
});
