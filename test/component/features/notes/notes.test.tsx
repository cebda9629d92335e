import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../../shared/notes/case-notes.js';
import { createFakeVeil, FAKE_CASE_ID, fakeItemId, type FakeVeilOptions } from '../../fakes/fake-veil';
import { dailyExposureReached, wellbeingView } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';

const existing: Note = { relativePath: 'evidence/photo-000001', text: 'Same room as report 2024-118.', updatedAtMs: 1 };

async function textOnlyApp(options: FakeVeilOptions = {}, systemLanguage = 'en-CA') {
  const fake = createFakeVeil({ settings: { language: systemLanguage.startsWith('fr') ? 'fr-CA' : 'en' }, notes: [existing], ...options });
  const { grid } = await renderApp(fake, { systemLanguage });
  await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
  act(() => fake.setWellbeing(wellbeingView({ limits: dailyExposureReached() })));
  const list = screen.getByRole('list', { name: systemLanguage.startsWith('fr') ? 'Éléments du dossier (texte seulement)' : 'Case items (text only)' });
  await within(list).findByText('photo-000000.jpg');
  return { fake, list, user: userEvent.setup() };
}

function rowOf(list: HTMLElement, name: string): HTMLElement {
  const row = within(list).getByText(name).closest<HTMLElement>('[role="listitem"]');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('Notes in text-only mode', () => {
  it("shows each item's note in its row and says where notes are kept", async () => {
    const { list } = await textOnlyApp();
    expect(rowOf(list, 'photo-000001.jpg').textContent).toContain('Note: Same room as report 2024-118.');
    expect(within(rowOf(list, 'photo-000001.jpg')).getByRole('button', { name: 'Edit note on photo-000001.jpg' })).toBeTruthy();
    expect(within(rowOf(list, 'photo-000000.jpg')).getByRole('button', { name: 'Add note on photo-000000.jpg' })).toBeTruthy();
    expect(screen.getByText('Notes are saved beside the case, in /cases/Operation Test.veil-notes.json.')).toBeTruthy();
  });

  it('adds a note with no media on screen, and the row shows it', async () => {
    const { fake, list, user } = await textOnlyApp();
    await user.click(within(rowOf(list, 'photo-000000.jpg')).getByRole('button', { name: 'Add note on photo-000000.jpg' }));
    const dialog = screen.getByRole('dialog', { name: 'Note on photo-000000.jpg' });
    expect(document.querySelectorAll('img, video, canvas')).toHaveLength(0);
    expect(within(dialog).getByText('Up to 4,000 characters. Leave it empty to remove the note.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Check EXIF against the seized phone.');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.handlers.saveNote).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, itemId: fakeItemId(0), text: 'Check EXIF against the seized phone.' });
    expect(rowOf(list, 'photo-000000.jpg').textContent).toContain('Note: Check EXIF against the seized phone.');
  });

  it('edits an existing note, and an emptied note is removed', async () => {
    const { list, user } = await textOnlyApp();
    await user.click(within(rowOf(list, 'photo-000001.jpg')).getByRole('button', { name: 'Edit note on photo-000001.jpg' }));
    const field = within(screen.getByRole('dialog')).getByRole('textbox', { name: 'Note' });
    expect((field as HTMLTextAreaElement).value).toBe('Same room as report 2024-118.');
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rowOf(list, 'photo-000001.jpg').textContent).not.toContain('Note:');
    expect(within(rowOf(list, 'photo-000001.jpg')).getByRole('button', { name: 'Add note on photo-000001.jpg' })).toBeTruthy();
  });

  it('keeps the typed text and says why when saving fails', async () => {
    const { fake, list, user } = await textOnlyApp();
    fake.handlers.saveNote.mockRejectedValueOnce(new Error('the disk is full'));
    await user.click(within(rowOf(list, 'photo-000000.jpg')).getByRole('button', { name: 'Add note on photo-000000.jpg' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Do not lose me');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The note was not saved');
    expect((within(dialog).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Do not lose me');
  });

  it('tells the user, in French too, when notes cannot outlast the session', async () => {
    await textOnlyApp(
      { notesStorage: { state: 'session-only', location: '/share/Case.veil-notes.json', problem: { code: 'not-writable', detail: 'EROFS' } } },
      'fr-CA',
    );
    const line = screen.getByText(/^Les notes ne peuvent pas être écrites/);
    expect(line.textContent).toBe(
      "Les notes ne peuvent pas être écrites à côté de ce dossier (EROFS)\u00a0: elles sont conservées seulement jusqu'à la fermeture de Veil.",
    );
    expect(line.getAttribute('role')).toBe('status');
  });
});

describe('Notes in the viewer', () => {
  it('shows the note of the open item and edits it from the toolbar', async () => {
    const fake = createFakeVeil({ notes: [existing] });
    const { grid } = await renderApp(fake);
    const user = userEvent.setup();
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    const tiles = within(grid).getAllByRole('gridcell');
    await user.dblClick(tiles[1] ?? grid);
    const viewer = await screen.findByRole('region', { name: /viewer/i });
    expect(viewer.textContent).toContain('Note: Same room as report 2024-118.');
    await user.click(within(viewer).getByRole('button', { name: 'Edit note on photo-000001.jpg' }));
    expect(screen.getByRole('dialog', { name: 'Note on photo-000001.jpg' })).toBeTruthy();
  });

  it('keeps the dialog open and says so when the note could only be kept for the session', async () => {
    const fake = createFakeVeil({ notes: [existing] });
    const { grid } = await renderApp(fake);
    const user = userEvent.setup();
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    fake.handlers.saveNote.mockImplementationOnce(async () => ({
      note: { relativePath: 'evidence/photo-000001', text: 'kept', updatedAtMs: 2 },
      storage: { state: 'session-only', location: '/share/x.veil-notes.json', problem: { code: 'not-writable', detail: 'permission refused (EROFS)' } },
    }));
    await user.dblClick(within(grid).getAllByRole('gridcell')[1] ?? grid);
    const viewer = await screen.findByRole('region', { name: /viewer/i });
    await user.click(within(viewer).getByRole('button', { name: 'Edit note on photo-000001.jpg' }));
    const dialog = screen.getByRole('dialog', { name: 'Note on photo-000001.jpg' });
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('kept only until Veil closes');
    expect(within(dialog).getByText(/permission refused \(EROFS\)/)).toBeTruthy();
  });
});
