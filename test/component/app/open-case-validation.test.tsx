import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { createFakeVeil } from '../fakes/fake-veil';
import { renderApp } from '../render-app';
import { chooseInHeaderMenu } from '../header-menu';
import { messageOf } from '../features/settings/open-settings';

async function openCaseFrench() {
  const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: 'fr-CA' });
  await chooseInHeaderMenu(user, "Ouvrir un dossier d'enquête");
  const dialog = screen.getByRole('dialog');
  return { fake, user, dialog, field: within(dialog).getByRole('textbox', { name: "Chemin du dossier d'enquête" }) };
}

describe('Open case: the folder path is checked beside the field', () => {
  it('says an empty path needs a value, in French, and sends nothing', async () => {
    const { fake, user, dialog, field } = await openCaseFrench();
    expect(field.getAttribute('maxlength')).toBe('4096');
    await user.type(field, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(field)).toBe("«\u00a0Chemin du dossier d'enquête\u00a0» doit être rempli.");
    expect(document.activeElement).toBe(field);
    expect(fake.handlers.openCase).not.toHaveBeenCalled();
  });

  it("puts the back end's refusal beside the field, translated, and clears it when the path changes", async () => {
    const { fake, user, dialog, field } = await openCaseFrench();
    fake.handlers.openCase.mockRejectedValueOnce(VeilRequestError.because(reasonOf('folder-missing', { path: '/nulle/part' })));
    await user.type(field, '/nulle/part');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir' }));
    const alert = await within(dialog).findByRole('alert');
    expect(messageOf(field)).toBe(alert.textContent);
    expect(alert.textContent).toMatch(/^Le dossier n'a pas pu être ouvert\u00a0: /);
    expect(alert.textContent).not.toMatch(/does not exist|ENOENT|folder-missing/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.type(field, 'x');
    expect(messageOf(field)).toBeNull();
  });
});
