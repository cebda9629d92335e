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

/** Options shared by electron-store (in Electron) and conf (in the browser host and tests). */
export interface SettingsFileOptions {
  cwd: string;
  configName: string;
  /** Never wipe a file the user may want back; Veil keeps it aside itself. */
  clearInvalidConfig: false;
}

/** A conf-like store as both conf and electron-store expose it. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}


export function settingsFileOptions(dataDir: string): SettingsFileOptions {
  return {
    cwd: dataDir,
    configName: 'settings',
    clearInvalidConfig: false,
  };
}

export function confSettingsFile(store: ConfLike): SettingsFile {
  return {
    path: store.path,
    read: () => store.store,
    write: (settings) => {
      store.store = { ...settings };
    },
  };
}
