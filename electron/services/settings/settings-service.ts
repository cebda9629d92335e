import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { Notice } from '../../../shared/notices.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings.js';
import { applySettingsPatch, parseStoredSettings } from '../../../shared/settings/stored-settings.js';
import { fileStamp } from '../platform/durable-write.js';
import type { SettingsFile } from './settings-file.js';

export interface SettingsService {
  get(): Settings;
  /** Validates and saves a change; throws a VeilRequestError naming the bad field. */
  update(patch: unknown): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
  /** What went wrong while loading, for the user to be told. */
  readonly notices: readonly Notice[];
}

export interface SettingsServiceDeps {
  /** Opens the backing store; may throw if the file on disk is unreadable or fails its schema. */
  openFile: () => SettingsFile;
  /** The file the store uses, known before opening so a file that will not open can still be kept aside. */
  filePath: string;
  nowMs: () => number;
}

/**
 * Renames a damaged settings file to `settings.corrupt-<time>.json` beside it, keeping
 * its bytes exactly. Returns the new name, or null when there was no file.
 */
function keepAside(filePath: string, nowMs: number): string | null {
  if (!existsSync(filePath)) return null;
  const name = basename(filePath).replace(/\.json$/, '');
  const target = join(dirname(filePath), `${name}.corrupt-${fileStamp(nowMs)}.json`);
  renameSync(filePath, target);
  return basename(target);
}

/**
 * The store opened a file other than the one first-run detection and keep-aside look at:
 * a programming error (electron-store names its file by `name`, conf by `configName`) that
 * would reset the user's settings at every launch. Never treated as a damaged file.
 */
export class SettingsPathMismatchError extends Error {
  constructor(storePath: string, expectedPath: string) {
    super(`the settings store uses ${storePath}, but Veil checks ${expectedPath}`);
    this.name = 'SettingsPathMismatchError';
  }
}

function openChecked(deps: SettingsServiceDeps): SettingsFile {
  const file = deps.openFile();
  if (resolve(file.path) !== resolve(deps.filePath)) throw new SettingsPathMismatchError(file.path, deps.filePath);
  return file;
}

/**
 * Loads settings, or, if the file is damaged in any way, keeps it aside, starts from
 * defaults and records a notice. It never deletes or overwrites the damaged file.
 */
export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const notices: Notice[] = [];
  const resetWithNotice = (detail: string): SettingsFile => {
    const keptAs = keepAside(deps.filePath, deps.nowMs());
    notices.push({ code: 'settings-reset', detail, keptAs });
    const fresh = openChecked(deps);
    fresh.write(DEFAULT_SETTINGS);
    return fresh;
  };

  let file: SettingsFile;
  let current: Settings = DEFAULT_SETTINGS;
  const isFirstRun = !existsSync(deps.filePath);
  try {
    file = openChecked(deps);
    if (isFirstRun) file.write(DEFAULT_SETTINGS);
    const raw = file.read();
    const parsed = parseStoredSettings(raw);
    if (parsed.ok) {
      current = parsed.settings;
      if (parsed.migratedFrom !== null) file.write(current);
    } else {
      file = resetWithNotice(parsed.reason);
    }
  } catch (error) {
    if (error instanceof SettingsPathMismatchError) throw error;
    file = resetWithNotice(error instanceof Error ? error.message : String(error));
  }

  const listeners = new Set<(settings: Settings) => void>();
  return {
    notices,
    get: () => current,
    update(patch) {
      const result = applySettingsPatch(current, patch);
      if (!result.ok) throw new VeilRequestError('invalid-arguments', result.message, result.reason);
      file.write(result.settings);
      current = result.settings;
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
