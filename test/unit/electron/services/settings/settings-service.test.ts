import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings/settings.js';
import { confSettingsFile, settingsFileOptions } from '../../../../../electron/services/settings/settings-file.js';
import { createSettingsService } from '../../../../../electron/services/settings/settings-service.js';

const NOW_MS = Date.UTC(2026, 10, 29, 6, 0, 0);

function openService(dataDir: string) {
  return createSettingsService({
    filePath: join(dataDir, 'settings.json'),
    openFile: () => confSettingsFile(new Conf(settingsFileOptions(dataDir))),
    nowMs: () => NOW_MS,
  });
}

describe('settings service (conf-backed, as in the browser host)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'veil-settings-'));
  });

  it('starts from safe defaults on first run, with no notice', () => {
    const service = openService(dataDir);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.get().defaultProfile).toEqual({ greyscale: true, blur: 'strong', style: 'blur' });
    expect(service.notices).toEqual([]);
  });

  it('keeps a change across restarts', () => {
    openService(dataDir).update({ revealDurationSec: 5, defaultProfile: { greyscale: true, blur: 'medium', style: 'silhouette' } });
    const reopened = openService(dataDir);
    expect(reopened.get().revealDurationSec).toBe(5);
    expect(reopened.get().defaultProfile).toEqual({ greyscale: true, blur: 'medium', style: 'silhouette' });
  });

  it('refuses out-of-range values with a message naming the field, and keeps the old value', () => {
    const service = openService(dataDir);
    expect(() => service.update({ revealDurationSec: 600 })).toThrow(/revealDurationSec/);
    expect(() => service.update({ defaultProfile: { greyscale: true, blur: 'extreme' } })).toThrow(/defaultProfile\.blur/);
    expect(() => service.update({ unknownSetting: true })).toThrow(/unknownSetting|Unrecognized/);
    expect(openService(dataDir).get().revealDurationSec).toBe(DEFAULT_SETTINGS.revealDurationSec);
  });

  it('tells listeners about a saved change', () => {
    const service = openService(dataDir);
    const seen: number[] = [];
    service.onChange((settings) => seen.push(settings.spotlightRadiusPct));
    service.update({ spotlightRadiusPct: 20 });
    expect(seen).toEqual([20]);
  });

  const damaged: Array<[string, Buffer]> = [
    ['empty', Buffer.alloc(0)],
    ['truncated', Buffer.from('{"schemaVersion":1,"defaultProf')],
    ['NUL bytes', Buffer.alloc(64, 0)],
    ['fails the schema', Buffer.from(JSON.stringify({ ...DEFAULT_SETTINGS, revealDurationSec: -4 }))],
    ['from a newer Veil', Buffer.from(JSON.stringify({ ...DEFAULT_SETTINGS, schemaVersion: 99 }))],
  ];
  it.each(damaged)('keeps a %s settings file aside with its exact bytes, uses defaults and says so', (_label, bytes) => {
    writeFileSync(join(dataDir, 'settings.json'), bytes);
    const service = openService(dataDir);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.notices).toHaveLength(1);
    const keptAs = service.notices[0]?.keptAs;
    expect(keptAs).toMatch(/^settings\.corrupt-.*\.json$/);
    expect(readFileSync(join(dataDir, keptAs ?? 'missing'))).toEqual(bytes);
    expect(readdirSync(dataDir).sort()).toEqual([keptAs, 'settings.json'].sort());
  });
});
