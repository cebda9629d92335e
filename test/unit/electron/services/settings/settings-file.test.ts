import Conf from 'conf';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confSettingsFile, settingsFileOptions, settingsFilePath } from '../../../../../electron/services/settings/settings-file.js';
import { createSettingsService, SettingsPathMismatchError } from '../../../../../electron/services/settings/settings-service.js';

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'veil-settings-file-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the settings file', () => {
  // electron-store's `name` option overrides conf's `configName`: both are set. The real
  // electron-store cannot load under vitest (it imports the real `electron`); the built app runs it
  // over the Electron stand-in (test/unit/desktop/built-app-stand-in.test.ts).
  it('is dataDir/settings.json, named for conf and electron-store alike', () => {
    const options = settingsFileOptions(dataDir);
    expect(options).toMatchObject({ configName: 'settings', name: 'settings', clearInvalidConfig: false });
    expect(new Conf(options).path).toBe(settingsFilePath(dataDir));
    expect(settingsFilePath(dataDir)).toBe(join(dataDir, 'settings.json'));
  });

  it('refuses a store that opened another file, rather than resetting the user’s settings as a first run', () => {
    writeFileSync(settingsFilePath(dataDir), JSON.stringify({ schemaVersion: 1 }));
    const elsewhere = { ...settingsFileOptions(dataDir), configName: 'config', name: 'config' };
    expect(() =>
      createSettingsService({
        filePath: settingsFilePath(dataDir),
        openFile: () => confSettingsFile(new Conf(elsewhere)),
        nowMs: () => 0,
      }),
    ).toThrow(SettingsPathMismatchError);
    // Nothing was kept aside or written over.
    expect(existsSync(settingsFilePath(dataDir))).toBe(true);
    expect(existsSync(join(dataDir, 'config.json'))).toBe(false);
  });
});
