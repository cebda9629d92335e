import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { chooseInHeaderMenu } from '../../header-menu';
import { renderApp } from '../../render-app';

describe('Export review dialog', () => {
  it('sends the chosen formats with notes off by default and the scheme’s words, then lists the files written', async () => {
    const fake = createFakeVeil();
    fake.handlers.exportReview.mockResolvedValueOnce({
      files: [{ format: 'vics', filePath: '/exports/veil-review-case.json', sizeBytes: 10 }],
      recordCount: 2,
    });
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Export review');
    const dialog = screen.getByRole('dialog', { name: 'Export the review' });
    expect(within(dialog).getByRole('checkbox', { name: /Include my notes/ })).toHaveProperty('checked', false);
    await user.click(within(dialog).getByRole('checkbox', { name: /^CSV/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Folder' }), '/exports');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('/exports/veil-review-case.json'));
    expect(within(dialog).getByRole('status').textContent).toMatch(/^2 records written to:/);
    expect(fake.handlers.exportReview).toHaveBeenCalledWith(
      expect.objectContaining({
        folderPath: '/exports',
        formats: ['vics', 'html'],
        includeNotes: false,
        language: 'en',
        schemeName: 'Project VIC (US)',
        categoryNames: expect.objectContaining({ '1': '1, CAM' }),
      }),
    );
  });

  it('shows the back end’s reason when the folder is refused, and asks for a folder before sending anything', async () => {
    const fake = createFakeVeil();
    fake.handlers.exportReview.mockRejectedValueOnce(VeilRequestError.because(reasonOf('review-export-in-case-folder', { path: '/case/sub' })));
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Export review');
    const dialog = screen.getByRole('dialog', { name: 'Export the review' });
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Type or choose a folder.');
    expect(fake.handlers.exportReview).not.toHaveBeenCalled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Folder' }), '/case/sub');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/^Nothing was exported: .*inside the case folder/));
  });

  it('lets the native picker make a new folder for the export (the Open case picker may not)', async () => {
    const fake = createFakeVeil({ appInfo: { canPickFolder: true } });
    fake.handlers.pickFolder.mockResolvedValueOnce({ folderPath: '/exports/new' });
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Export review');
    const dialog = screen.getByRole('dialog', { name: 'Export the review' });
    await user.click(within(dialog).getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Folder' })).toHaveProperty('value', '/exports/new'));
    expect(fake.handlers.pickFolder).toHaveBeenCalledWith({ mayCreate: true });
  });
});
