import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog } from '../../../renderer/app/modal-dialog';
import { useMediaVisible } from '../../../renderer/media-visibility/media-visibility';
import { createFakeVeil } from '../fakes/fake-veil';
import { renderWithProviders } from '../render-app';

function MediaState() {
  return <p>{useMediaVisible() ? 'media shown' : 'media hidden'}</p>;
}

function renderDialog(language: 'en' | 'fr-CA' = 'en') {
  const onClose = vi.fn();
  renderWithProviders(
    <>
      <MediaState />
      <ModalDialog title="Example" onClose={onClose}>
        <input aria-label="Field" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </ModalDialog>
    </>,
    createFakeVeil().client,
    language,
  );
  return { onClose, user: userEvent.setup(), dialog: screen.getByRole('dialog', { name: 'Example' }) };
}

describe('ModalDialog keys', () => {
  it('says that Esc hides all media and that Alt+C closes, beside its buttons', () => {
    const { dialog } = renderDialog();
    const hint = dialog.querySelector('.modal-keys');
    expect(hint?.textContent).toBe('Esc hides all media Alt+C closes this dialog');
    // After the dialog's own content, where its buttons are.
    expect(dialog.lastElementChild).toBe(hint);
  });

  it('says it in French', () => {
    const { dialog } = renderDialog('fr-CA');
    expect(dialog.querySelector('.modal-keys')?.textContent).toBe('Échap masque tous les médias Alt+C ferme cette boîte de dialogue');
  });

  it('closes with Alt+C, even from a text field; Esc hides all media and leaves the dialog open', async () => {
    const { onClose, user } = renderDialog();
    expect(screen.getByRole('textbox', { name: 'Field' })).toBe(document.activeElement);
    await user.keyboard('{Escape}');
    expect(screen.getByText('media hidden')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Alt>}c{/Alt}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes only the inner dialog when one is opened from another (the sharing preview over Settings)', async () => {
    const onCloseOuter = vi.fn();
    const onCloseInner = vi.fn();
    renderWithProviders(
      <ModalDialog title="Outer" onClose={onCloseOuter}>
        <ModalDialog title="Inner" onClose={onCloseInner}>
          <button type="button">Inside</button>
        </ModalDialog>
      </ModalDialog>,
      createFakeVeil().client,
    );
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Inside' }).focus();
    await user.keyboard('{Alt>}c{/Alt}');
    expect(onCloseInner).toHaveBeenCalledTimes(1);
    expect(onCloseOuter).not.toHaveBeenCalled();
  });

  it('lets Option+C type "ç" in a text field on a Mac, and closes with it elsewhere', () => {
    const { onClose, dialog } = renderDialog();
    const field = screen.getByRole('textbox', { name: 'Field' });
    // A Mac's Option+C: the key is the character it types, the code still KeyC.
    fireEvent.keyDown(field, { key: 'ç', code: 'KeyC', altKey: true });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'ç', code: 'KeyC', altKey: true });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says only what Esc does when the dialog cannot be closed (the break screen)', () => {
    renderWithProviders(<ModalDialog title="Break">body</ModalDialog>, createFakeVeil().client);
    expect(screen.getByRole('dialog', { name: 'Break' }).querySelector('.modal-keys')?.textContent?.trim()).toBe('Esc hides all media');
  });
});
