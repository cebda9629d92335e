import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { createI18n } from '../../../renderer/i18n/i18n';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { createFakeVeil } from '../fakes/fake-veil';
import { chooseInHeaderMenu, headerMenuButton } from '../header-menu';
import { renderApp } from '../render-app';

describe('App shell', () => {
  it('starts from getAppInfo, getSettings and getCase, and names the case in the header', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    expect(fake.handlers.getAppInfo).toHaveBeenCalled();
    expect(fake.handlers.getSettings).toHaveBeenCalled();
    expect(fake.handlers.getCase).toHaveBeenCalled();
    expect(fake.handlers.openDemoCase).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1, name: 'Operation Test' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Case media' })).toBeTruthy();
  });

  it('opens the demo case when no case is open', async () => {
    const fake = createFakeVeil({ noCaseOpen: true });
    await renderApp(fake);
    expect(fake.handlers.openDemoCase).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Demo case' })).toBeTruthy();
  });

  it('asks for a folder path in the browser host, then opens that case', async () => {
    const fake = createFakeVeil({ appInfo: { canPickFolder: false } });
    const user = userEvent.setup();
    await renderApp(fake);
    await chooseInHeaderMenu(user, 'Open case');
    const dialog = screen.getByRole('dialog', { name: 'Open case' });
    const field = within(dialog).getByRole('textbox', { name: 'Case folder path' });
    expect(document.activeElement).toBe(field);
    await user.type(field, '/cases/2024-118');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.handlers.openCase).toHaveBeenCalledWith({ folderPath: '/cases/2024-118' });
    expect(screen.getByRole('heading', { level: 1, name: '2024-118' })).toBeTruthy();
  });

  it('shows why a typed folder could not be opened', async () => {
    const fake = createFakeVeil();
    fake.handlers.openCase.mockRejectedValueOnce(VeilRequestError.because(reasonOf('folder-missing', { path: '/nowhere' })));
    const user = userEvent.setup();
    await renderApp(fake);
    await chooseInHeaderMenu(user, 'Open case');
    const dialog = screen.getByRole('dialog', { name: 'Open case' });
    await user.type(within(dialog).getByRole('textbox'), '/nowhere');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The case could not be opened: the folder “/nowhere” does not exist.');
  });

  it('says in French why a folder could not be opened, with no English', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    fake.handlers.openCase.mockRejectedValueOnce(VeilRequestError.because(reasonOf('folder-is-file', { path: '/cas/note.txt' })));
    const user = userEvent.setup();
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    await chooseInHeaderMenu(user, "Ouvrir un dossier d'enquête");
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox'), '/cas/note.txt');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      "Le dossier n'a pas pu être ouvert\u00a0: «\u00a0/cas/note.txt\u00a0» est un fichier, pas un dossier.",
    );
  });

  it('uses the native picker under Electron', async () => {
    const fake = createFakeVeil({ appInfo: { host: 'electron', canPickFolder: true } });
    const user = userEvent.setup();
    await renderApp(fake);
    await chooseInHeaderMenu(user, 'Open case');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.handlers.openCase).toHaveBeenCalledWith({});
    expect(await screen.findByRole('heading', { level: 1, name: 'Picked folder' })).toBeTruthy();
  });

  it('switches to Canadian French: the grid, the buttons and the language setting follow', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.click(headerMenuButton());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Français (Canada)');
    expect(await screen.findByRole('grid', { name: 'Médias du dossier' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Masquer tous les médias' })).toBeTruthy();
    expect(headerMenuButton().textContent).toBe('Plus');
    expect(screen.getByRole('button', { name: "Ouvrir un dossier d'enquête" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Paramètres' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(fake.handlers.updateSettings).toHaveBeenCalledWith({ language: 'fr-CA' });
    expect(document.documentElement.lang).toBe('fr-CA');
    expect(await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG, image' })).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'Masquer tous les médias' }).click());
    expect(screen.getByRole('heading', { name: 'Médias masqués' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reprendre' })).toBeTruthy();
  });

  it('follows a French system language when the setting is "system"', async () => {
    const fake = createFakeVeil({ settings: { language: 'system' } });
    await renderApp(fake, { systemLanguage: 'fr-FR' });
    expect(screen.getByRole('grid', { name: 'Médias du dossier' })).toBeTruthy();
  });

  it('shows start-up notices from the back end', async () => {
    const fake = createFakeVeil({
      appInfo: { notices: [{ code: 'settings-reset', detail: 'Unexpected token } in JSON', keptAs: 'settings.corrupt-1.json' }] },
    });
    const user = userEvent.setup();
    await renderApp(fake);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Veil is using the default settings');
    expect(alert.textContent).toContain('settings.corrupt-1.json');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells the user, calmly, that a torn exposure record was left out after a crash', async () => {
    const fake = createFakeVeil({
      appInfo: {
        notices: [{ code: 'ledger-torn-record-dropped', detail: 'bad checksum on the last line', keptAs: 'ledger/2025-03-05.jsonl.torn-1741200000000' }],
      },
    });
    await renderApp(fake);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The last exposure record it was writing was incomplete and has been left out; every earlier record is kept.');
    expect(alert.textContent).toContain('The incomplete record was kept as ledger/2025-03-05.jsonl.torn-1741200000000, in the data folder.');
    expect(alert.textContent).toContain('bad checksum on the last line');
  });

  it('shows a notice raised after start-up, even after earlier ones were dismissed, in French too', async () => {
    const fake = createFakeVeil({
      settings: { language: 'fr-CA' },
      appInfo: { notices: [{ code: 'settings-reset', detail: '', keptAs: null }] },
    });
    const user = userEvent.setup();
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('alert')).toBeNull();

    act(() =>
      fake.emit('noticeRaised', {
        code: 'ledger-file-kept-aside',
        detail: 'line 12: bad checksum',
        keptAs: 'ledger/2025-03-01.corrupt-1741200000000.jsonl',
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      "Un fichier quotidien de votre registre d'exposition était endommagé. Veil l'a mis de côté et a conservé tous les enregistrements lisibles.",
    );
    expect(alert.textContent).toContain(
      "Le fichier endommagé a été conservé sous le nom ledger/2025-03-01.corrupt-1741200000000.jsonl, dans le dossier de données. Il n'est jamais supprimé.",
    );
    // Only the new notice: the dismissed one stays dismissed.
    expect(alert.textContent).not.toContain('paramètres par défaut');
    expect(headerMenuButton().textContent).toBe('Plus');
  });

  it('explains a failed start and can try again', async () => {
    const fake = createFakeVeil();
    fake.handlers.getSettings.mockRejectedValueOnce(new Error('settings store unavailable'));
    // An unexpected failure has no reason: the user is told it was internal, never the raw English.
    const user = userEvent.setup();
    render(<App client={fake.client} i18n={createI18n('en')} systemLanguage="en-CA" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Veil could not start: Veil ran into an internal error.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('grid', { name: 'Case media' })).toBeTruthy();
  });
});

describe('App shell start-up and pushed events', () => {
  it('shows an import that ended while the page was still starting: a missed event makes it read the case again', async () => {
    const fake = createFakeVeil({ itemCount: 40 });
    const finished = fake.state.summary;
    const scanning = {
      ...finished,
      itemCount: 12,
      toReviewCount: 12,
      import: { ...finished.import, phase: 'scanning' as const, filesFound: 40, filesProcessed: 12 },
    };
    let answerStartUp: () => void = () => undefined;
    fake.handlers.getCase.mockImplementationOnce(() => new Promise((resolve) => (answerStartUp = () => resolve(scanning))));
    render(<App client={fake.client} i18n={createI18n('en')} systemLanguage="en-CA" />);
    await waitFor(() => expect(fake.handlers.getCase).toHaveBeenCalledTimes(1));
    // The import ends while start-up's read (taken before) is still on its way.
    act(() => {
      fake.emit('importProgress', { caseId: finished.caseId, progress: finished.import });
      fake.emit('caseChanged', finished);
    });
    act(() => answerStartUp());
    expect((await screen.findAllByText('Import complete: 40 files found: 40 shown.')).length).toBeGreaterThan(0);
    expect(fake.handlers.getCase).toHaveBeenCalledTimes(2);
  });
});
