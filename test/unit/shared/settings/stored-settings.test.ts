import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION } from '../../../../shared/settings/settings.js';
import { applySettingsPatch, parseStoredSettings } from '../../../../shared/settings/stored-settings.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/settings', name), 'utf8'));

describe('stored settings', () => {
  it('migrates a version 1 file, keeping every choice the user made', () => {
    const result = parseStoredSettings(fixture('v1-settings.json'));
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      settings: {
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        defaultProfile: { greyscale: true, blur: 'medium' },
        revealDurationSec: 6,
        spotlightRadiusPct: 20,
        revealInColour: false,
        mediaCacheMb: 512,
        language: 'fr-CA',
        idleAfterMin: 5,
        ledgerRetentionDays: 400,
      },
    });
  });

  it('reads current settings as they are', () => {
    expect(parseStoredSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, migratedFrom: null, settings: DEFAULT_SETTINGS });
  });

  it('refuses what it cannot vouch for, with a reason', () => {
    expect(parseStoredSettings(null)).toMatchObject({ ok: false });
    expect(parseStoredSettings([])).toMatchObject({ ok: false });
    expect(parseStoredSettings({ ...DEFAULT_SETTINGS, schemaVersion: undefined })).toMatchObject({ ok: false, reason: /schemaVersion/ });
    expect(parseStoredSettings({ ...DEFAULT_SETTINGS, defaultProfile: { greyscale: 'yes', blur: 'strong' } })).toMatchObject({
      ok: false,
      reason: /defaultProfile\.greyscale/,
    });
  });

  it('never turns arbitrary input into settings weaker than the defaults without saying so', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = parseStoredSettings(raw);
        if (result.ok) expect(result.settings.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('applies a patch only when every field stays in range', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleAfterMin: 10 })).toMatchObject({ ok: true, settings: { idleAfterMin: 10 } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleAfterMin: 0 })).toMatchObject({ ok: false, message: /idleAfterMin/ });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { ledgerRetentionDays: 5 })).toMatchObject({ ok: false, message: /ledgerRetentionDays/ });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { schemaVersion: 1 })).toMatchObject({ ok: false });
  });
});
