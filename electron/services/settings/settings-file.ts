import { join } from 'node:path';
import type { Settings } from '../../../shared/settings/settings.js';

/**
 * Validation is Veil's own zod schema (shared/settings), applied on every load and
 * change; it gives messages that name the field, which the store's ajv schema cannot.
 *
 * The small surface Veil needs from electron-store / conf (electron-store extends
 * conf, so one adapter serves both): read the whole object, replace it atomically.
 */
export interface SettingsFile {
  readonly path: string;
  read(): unknown;
  write(settings: Settings): void;
}

/** The settings file is `<dataDir>/settings.json` in both hosts. */
const SETTINGS_FILE_NAME = 'settings';

/**
 * Options shared by electron-store (in Electron) and conf (in the browser host and tests).
 * The two name the file differently: conf reads `configName`; electron-store reads `name`
 * (default 'config') and overwrites `configName` with it. Both are set, from one constant,
 * so the file is the same whichever store opens it.
 */
export interface SettingsFileOptions {
  cwd: string;
  configName: string;
  name: string;
  /** Never wipe a file the user may want back; Veil keeps it aside itself. */
  clearInvalidConfig: false;
}

/** A conf-like store as both conf and electron-store expose it. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Where the settings live: the file the store writes and the one kept aside when damaged. */
export function settingsFilePath(dataDir: string): string {
  return join(dataDir, `${SETTINGS_FILE_NAME}.json`);
}

/** Store options for `<dataDir>/settings.json`, for conf and electron-store alike. */
export function settingsFileOptions(dataDir: string): SettingsFileOptions {
  return {
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    name: SETTINGS_FILE_NAME,
    clearInvalidConfig: false,
  };
}

/** Wraps an opened conf or electron-store as the SettingsFile the service uses. */
export function confSettingsFile(store: ConfLike): SettingsFile {
  return {
    path: store.path,
    read: () => store.store,
    write: (settings) => {
      store.store = { ...settings };
    },
  };
}
