import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { nativeFilePicker, nativeFolderPicker } from '../../../../electron/app/native-dialogs.js';
import type { UiLanguage } from '../../../../shared/i18n/resolve-language.js';
import { electronFake, FakeBrowserWindow } from '../../electron-fake.js';

/** The fake stands in for Electron's window type; the pickers only hand it on to the dialog. */
function windowOf(fake: FakeBrowserWindow): () => BrowserWindow {
  const window: unknown = fake;
  return () => window as BrowserWindow;
}

describe('the native file picker', () => {
  it('answers null when the person cancels, and the chosen path otherwise', async () => {
    const pick = nativeFilePicker(windowOf(new FakeBrowserWindow()), () => 'en');
    electronFake.openDialogPicks = null;
    await expect(pick('referral-manifest')).resolves.toBeNull();
    electronFake.openDialogPicks = ['/hotline/case-42/manifest.csv'];
    await expect(pick('referral-manifest')).resolves.toBe('/hotline/case-42/manifest.csv');
  });

  it('opens one existing file, modal to the Veil window, titled and filtered by purpose', async () => {
    const window = new FakeBrowserWindow();
    const pick = nativeFilePicker(windowOf(window), () => 'en');
    await pick('referral-manifest');
    await pick('scheme-file');
    await pick('hash-set');
    expect(electronFake.openDialogs.map((shown) => shown.window)).toEqual([window, window, window]);
    expect(electronFake.openDialogs.map((shown) => shown.options)).toEqual([
      {
        title: 'Choose the referral manifest',
        properties: ['openFile'],
        filters: [
          { name: 'Manifests (CSV, JSON)', extensions: ['csv', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      },
      {
        title: 'Choose a category scheme file',
        properties: ['openFile'],
        filters: [
          { name: 'Category schemes (JSON)', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      },
      {
        title: 'Choose a hash set',
        properties: ['openFile'],
        filters: [
          { name: 'Hash sets (JSON, CSV, text)', extensions: ['json', 'csv', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
      },
    ]);
  });

  it('speaks the language the investigator reads at the moment it opens', async () => {
    let language: UiLanguage = 'en';
    const pick = nativeFilePicker(windowOf(new FakeBrowserWindow()), () => language);
    await pick('hash-set');
    language = 'fr-CA';
    await pick('hash-set');
    expect(electronFake.openDialogs.map((shown) => shown.options['title'])).toEqual(['Choose a hash set', 'Choisir un jeu de hachages']);
    expect(electronFake.openDialogs[1]?.options['filters']).toContainEqual({ name: 'Tous les fichiers', extensions: ['*'] });
  });

  it('still opens, unattached, when no window is open', async () => {
    electronFake.openDialogPicks = ['/units/scheme.json'];
    await expect(
      nativeFilePicker(
        () => null,
        () => 'en',
      )('scheme-file'),
    ).resolves.toBe('/units/scheme.json');
    expect(electronFake.openDialogs[0]?.window).toBeNull();
  });
});

describe('the native folder picker', () => {
  it('offers "New Folder" only for a folder Veil writes into, and answers null when cancelled', async () => {
    const pick = nativeFolderPicker(windowOf(new FakeBrowserWindow()));
    await expect(pick({ mayCreate: false })).resolves.toBeNull();
    electronFake.openDialogPicks = ['/exports/new'];
    await expect(pick({ mayCreate: true })).resolves.toBe('/exports/new');
    expect(electronFake.openDialogs.map((shown) => shown.options['properties'])).toEqual([['openDirectory'], ['openDirectory', 'createDirectory']]);
  });
});
