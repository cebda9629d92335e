import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { PickFilePurpose } from '../../shared/files/pick-file-purpose.js';
import { FILE_DIALOG_TEXT } from '../../shared/i18n/file-dialog-text.js';
import type { UiLanguage } from '../../shared/i18n/resolve-language.js';
import type { PickFile, PickFolder } from '../services/request-table.js';

/** Attached to the window when there is one, so the dialog is modal to it rather than lost behind it. */
async function showOpen(window: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The native folder picker; "New Folder" only when the folder is one Veil writes into. */
export function nativeFolderPicker(window: () => BrowserWindow | null): PickFolder {
  return ({ mayCreate }) => showOpen(window(), { properties: mayCreate ? ['openDirectory', 'createDirectory'] : ['openDirectory'] });
}

/**
 * The native file picker: one existing file, titled and filtered by what it is for, in the
 * language the investigator reads now (asked at each opening, as the setting may have changed).
 */
export function nativeFilePicker(window: () => BrowserWindow | null, language: () => UiLanguage): PickFile {
  return (purpose: PickFilePurpose) => {
    const text = FILE_DIALOG_TEXT[language()][purpose];
    return showOpen(window(), { title: text.title, properties: ['openFile'], filters: text.filters });
  };
}
