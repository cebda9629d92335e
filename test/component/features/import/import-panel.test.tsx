import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IDLE_IMPORT, type ImportProgress } from '../../../../shared/case/import-progress.js';
import { createFakeVeil, FAKE_CASE_ID } from '../../fakes/fake-veil';
import { chooseInHeaderMenu } from '../../header-menu';
import { renderApp } from '../../render-app';

const scanning: ImportProgress = {
  ...IDLE_IMPORT,
  phase: 'scanning',
  filesFound: 5000,
  filesProcessed: 1234,
  bytesProcessed: 1_000_000,
  filesPerSecond: 310.4,
  remainingMs: 185_000,
};

describe('ImportPanel', () => {
  it('shows count, rate and time left on an accessible progress bar, and Cancel calls cancelImport', async () => {
    const fake = createFakeVeil({ itemCount: 1234, summary: { import: scanning } });
    const user = userEvent.setup();
    await renderApp(fake);
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1234');
    expect(bar.getAttribute('aria-valuemax')).toBe('5000');
    expect(bar.getAttribute('aria-valuetext')).toBe('1,234 of 5,000 files');
    expect(screen.getByText('1,234 of 5,000 files')).toBeTruthy();
    expect(screen.getByText('310 files/s')).toBeTruthy();
    expect(screen.getByText('3 minutes 5 seconds left')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(fake.handlers.cancelImport).toHaveBeenCalledTimes(1);
  });

  it('formats figures for Canadian French', async () => {
    const fake = createFakeVeil({ itemCount: 1234, settings: { language: 'fr-CA' }, summary: { import: scanning } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    const bar = screen.getByRole('progressbar', { name: "Progression de l'importation" });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^1\s234 sur 5\s000\sfichiers$/u);
    expect(screen.getByText(/^310\sfichiers\/s$/u)).toBeTruthy();
    expect(screen.getByText(/^Temps restant\s: 3 minutes 5 secondes$/u)).toBeTruthy();
    expect(screen.getByRole('button', { name: "Annuler l'importation" })).toBeTruthy();
  });

  it('follows importProgress events and announces milestones politely', async () => {
    const fake = createFakeVeil({ itemCount: 0, summary: { import: { ...scanning, filesProcessed: 100, remainingMs: null } } });
    await renderApp(fake);
    expect(screen.getByText('Still counting files…')).toBeTruthy();
    const live = document.querySelector('.import-panel [aria-live="polite"]');
    expect(live?.textContent).toBe('Import started.');

    act(() => fake.emit('importProgress', { caseId: FAKE_CASE_ID, progress: { ...scanning, filesProcessed: 2600 } }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2600');
    expect(live?.textContent).toBe('Import 50% complete.');

    act(() => fake.emit('importProgress', { caseId: 'case-other-0009', progress: { ...scanning, filesProcessed: 4000 } }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2600');

    act(() =>
      fake.emit('importProgress', {
        caseId: FAKE_CASE_ID,
        progress: { ...scanning, phase: 'done', filesProcessed: 5000, remainingMs: 0 },
      }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    // No item arrived: the outcome says the folder holds no media rather than counting nothing.
    expect(live?.textContent).toBe('Import complete: this folder has no images or videos. None of its 5,000 files could be opened as one.');
  });

  it('accounts for every file found: shown, identical copies and failures add up', async () => {
    const done: ImportProgress = { ...IDLE_IMPORT, phase: 'done', filesFound: 18, filesProcessed: 18, remainingMs: 0 };
    const fake = createFakeVeil({
      itemCount: 15,
      problems: [
        { relativePath: 'broken.jpg', error: { code: 'decode-failed', detail: '' } },
        { relativePath: 'notes.txt', error: { code: 'unsupported-format', detail: '' } },
      ],
      summary: { duplicateCount: 1, import: done },
    });
    await renderApp(fake);
    expect(
      screen.getByText('Import complete: 18 files found: 15 shown, 1 identical copy, listed on its tile, 2 could not be opened.', {
        selector: '.import-outcome',
      }),
    ).toBeTruthy();
  });

  it('counts near copies found after the import on its line, without announcing the outcome again', async () => {
    const done: ImportProgress = { ...IDLE_IMPORT, phase: 'done', filesFound: 15, filesProcessed: 15, remainingMs: 0 };
    const fake = createFakeVeil({ itemCount: 15, summary: { import: done } });
    await renderApp(fake);
    const live = document.querySelector('.import-panel [aria-live="polite"]');
    const announced = 'Import complete: 15 files found: 15 shown.';
    expect(live?.textContent).toBe(announced);
    // The PDQ pass stacks two near copies: the line accounts for them, the live region stays as announced.
    act(() => fake.emit('caseChanged', { ...fake.state.summary, nearCopyCount: 2, listVersion: fake.state.summary.listVersion + 1 }));
    expect(
      await screen.findByText('Import complete: 15 files found: 13 shown, 2 near copies, listed in their stacks.', { selector: '.import-outcome' }),
    ).toBeTruthy();
    expect(live?.textContent).toBe(announced);
  });

  it('accounts for the files in Canadian French, and offers grouping by folder', async () => {
    const done: ImportProgress = { ...IDLE_IMPORT, phase: 'done', filesFound: 1003, filesProcessed: 1003, remainingMs: 0 };
    const fake = createFakeVeil({
      itemCount: 1000,
      settings: { language: 'fr-CA' },
      problems: [{ relativePath: 'notes.txt', error: { code: 'unsupported-format', detail: '' } }],
      summary: { duplicateCount: 2, import: done },
    });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    expect(document.querySelector('.import-outcome')?.textContent).toMatch(
      /^Importation terminée\s: 1\s003\sfichiers trouvés\s: 1\s000 affichés, 2\scopies identiques, indiquées sur leurs vignettes, 1 n'a pas pu être ouvert\.$/u,
    );
    expect(screen.getByRole('checkbox', { name: 'Regrouper par dossier' })).toBeTruthy();
  });

  it('finishes at once on an empty folder even when its events come before the reply to openCase', async () => {
    const fake = createFakeVeil({ appInfo: { canPickFolder: false } });
    const emptyFolder = { ...fake.state.summary, caseId: 'case-empty-0003', name: 'empty', itemCount: 0, problemCount: 0, duplicateCount: 0, toReviewCount: 0 };
    fake.handlers.openCase.mockImplementationOnce(async () => {
      fake.emit('caseChanged', { ...emptyFolder, import: { ...IDLE_IMPORT, phase: 'scanning' } });
      fake.emit('importProgress', { caseId: emptyFolder.caseId, progress: { ...IDLE_IMPORT, phase: 'done', remainingMs: 0 } });
      fake.emit('caseChanged', { ...emptyFolder, import: { ...IDLE_IMPORT, phase: 'done', remainingMs: 0 } });
      // The reply was made when the import started.
      return { ...emptyFolder, import: { ...IDLE_IMPORT, phase: 'scanning' } };
    });
    const user = userEvent.setup();
    await renderApp(fake);
    await chooseInHeaderMenu(user, 'Open case');
    const dialog = screen.getByRole('dialog', { name: 'Open case' });
    await user.type(within(dialog).getByRole('textbox'), '/cases/empty');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('Import complete: this folder has no files, so no images or videos.', { selector: '.import-outcome' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
    expect(screen.getByText('This folder has no images or videos.')).toBeTruthy();
  });

  it('lists the files that could not be opened, with translated reasons and details', async () => {
    const fake = createFakeVeil({
      itemCount: 10,
      problems: [
        { relativePath: 'a/broken.jpg', error: { code: 'decode-failed', detail: 'premature end of JPEG' } },
        { relativePath: 'b/link.png', error: { code: 'symlink-skipped', detail: '' } },
      ],
    });
    const user = userEvent.setup();
    await renderApp(fake);
    const toggle = screen.getByRole('button', { name: '2 files could not be opened' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Files that could not be opened' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('a/broken.jpg');
    expect(items[0]?.textContent).toContain('The file is damaged or incomplete.');
    expect(items[0]?.textContent).toContain('premature end of JPEG');
    expect(items[1]?.textContent).toContain('Links are skipped for safety.');
    expect(fake.handlers.listProblems).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, offset: 0, limit: 100 });
  });

  it('reports a failed import in an alert', async () => {
    const fake = createFakeVeil({
      itemCount: 0,
      summary: { import: { ...IDLE_IMPORT, phase: 'failed', failure: { code: 'case-folder-unreachable', detail: 'ENOENT' } } },
    });
    await renderApp(fake);
    expect(screen.getByRole('alert').textContent).toBe('Import failed: the case folder can no longer be reached.');
  });
});
