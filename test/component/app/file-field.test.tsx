import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings.js';
import { createFakeVeil, FAKE_CASE_ID } from '../fakes/fake-veil';
import { chooseInHeaderMenu } from '../header-menu';
import { renderApp } from '../render-app';

const SETTINGS = { ...DEFAULT_SETTINGS, limitsWizardDone: true };
const MANIFEST_DIALOG = 'Choose the referral manifest for this case';

describe('a file path with "Browse…" beside it', () => {
  it('in the desktop app, fills the manifest path from the native picker, and a cancelled picker keeps what was typed', async () => {
    const fake = createFakeVeil({ itemCount: 3, settings: SETTINGS, appInfo: { host: 'electron', canPickFolder: true } });
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Choose referral manifest…');
    const dialog = screen.getByRole('dialog', { name: MANIFEST_DIALOG });
    const field = within(dialog).getByRole('textbox', { name: 'Manifest file (full path)' });
    await user.type(field, '/typed/before.csv');
    const browse = within(dialog).getByRole('button', { name: 'Browse… Manifest file (full path)' });
    await user.click(browse);
    await waitFor(() => expect(fake.handlers.pickFile).toHaveBeenCalledWith({ purpose: 'referral-manifest' }));
    expect(field).toHaveProperty('value', '/typed/before.csv');

    fake.handlers.pickFile.mockResolvedValueOnce({ filePath: '/hotline/case-42/manifest.csv' });
    await user.click(browse);
    await waitFor(() => expect(field).toHaveProperty('value', '/hotline/case-42/manifest.csv'));
    await user.click(within(dialog).getByRole('button', { name: 'Read manifest' }));
    await waitFor(() => expect(fake.handlers.chooseReferralManifest).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, filePath: '/hotline/case-42/manifest.csv' }));
  });

  it('in Settings, asks for a hash set and a scheme file by purpose, and says so when the picker fails', async () => {
    const fake = createFakeVeil({ itemCount: 3, settings: SETTINGS, appInfo: { host: 'electron', canPickFolder: true } });
    fake.handlers.pickFile.mockImplementation(async ({ purpose }) => ({ filePath: purpose === 'hash-set' ? '/library/vics.json' : '/unit/scheme.json' }));
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Settings');
    const known = screen.getByRole('region', { name: 'Known material' });
    await user.click(within(known).getByRole('button', { name: 'Browse… Hash set file (full path)' }));
    await waitFor(() => expect(within(known).getByRole('textbox', { name: 'Hash set file (full path)' })).toHaveProperty('value', '/library/vics.json'));
    const schemes = screen.getByRole('region', { name: 'Category schemes' });
    await user.click(within(schemes).getByRole('button', { name: 'Browse… Scheme file (full path)' }));
    await waitFor(() => expect(within(schemes).getByRole('textbox', { name: 'Scheme file (full path)' })).toHaveProperty('value', '/unit/scheme.json'));
    expect(vi.mocked(fake.handlers.pickFile).mock.calls.map(([args]) => args.purpose)).toEqual(['hash-set', 'scheme-file']);

    fake.handlers.pickFile.mockRejectedValueOnce(new Error('no display'));
    await user.click(within(schemes).getByRole('button', { name: 'Browse… Scheme file (full path)' }));
    expect((await within(schemes).findByRole('alert')).textContent).toMatch(/^The file picker did not open: /);
    expect(within(schemes).getByRole('textbox', { name: 'Scheme file (full path)' })).toHaveProperty('value', '/unit/scheme.json');
  });

  it('in the browser host, offers no Browse button: the path is typed', async () => {
    const fake = createFakeVeil({ itemCount: 3, settings: SETTINGS, appInfo: { canPickFolder: false } });
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Choose referral manifest…');
    const dialog = screen.getByRole('dialog', { name: MANIFEST_DIALOG });
    expect(within(dialog).getByRole('textbox', { name: 'Manifest file (full path)' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /^Browse…/ })).toBeNull();
  });
});
