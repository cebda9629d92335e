import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { DEFAULT_LIMITS_CONFIG } from '../../../../shared/limits/limits-config.js';
import { DEFAULT_ENCOURAGEMENT, DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION } from '../../../../shared/settings/settings.js';
import { applySettingsPatch, parseStoredSettings } from '../../../../shared/settings/stored-settings.js';
import { DEFAULT_REVIEW_SETTINGS } from '../../../../shared/review/review-settings.js';
import { DEFAULT_REFERRAL_SETTINGS } from '../../../../shared/referral/referral-settings.js';

/** The filter every version before 8 had, with its style made explicit. */
const BLURRED_STRONG = { greyscale: true, blur: 'strong', style: 'blur' };

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/settings', name), 'utf8'));

describe('stored settings', () => {
  it('migrates a version 1 file, keeping every choice the user made', () => {
    const result = parseStoredSettings(fixture('v1-settings.json'));
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      settings: {
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: DEFAULT_REVIEW_SETTINGS,
        referral: DEFAULT_REFERRAL_SETTINGS,
        defaultProfile: { greyscale: true, blur: 'medium', style: 'blur' },
        revealDurationSec: 6,
        spotlightRadiusPct: 20,
        revealInColour: false,
        mediaCacheMb: 512,
        language: 'fr-CA',
        weekStart: 'language',
        idleAfterMin: 5,
        ledgerRetentionDays: 400,
        breaks: DEFAULT_BREAK_CONFIG,
        limits: DEFAULT_LIMITS_CONFIG,
        limitsWizardDone: false,
        encouragement: DEFAULT_ENCOURAGEMENT,
        breakSounds: false,
        notifyBreaksWhenUnfocused: true,
        teamSharing: { enabled: false, folder: null, automatic: true },
        teamView: { folder: null, minGroupSize: 5 },
        notesFolder: null,
        knownMaterialFolder: null,
        nearMatchDistanceBits: 31,
      },
    });
  });

  it("migrates a version 3 file to 4 keeping the user's limits, with team sharing off until they choose", () => {
    const result = parseStoredSettings(fixture('v3-settings.json'));
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 3,
      settings: {
        language: 'fr-CA',
        limitsWizardDone: true,
        breakSounds: true,
        limits: { caps: { exposure: { dayMin: 240, weekMin: 1200 } } },
        teamSharing: { enabled: false, folder: null },
        teamView: { minGroupSize: 5 },
      },
    });
  });

  it('migrates a version 4 file to 5 keeping every choice, with the week starting as the language has it (as before)', () => {
    const v4 = fixture('v4-settings.json');
    const result = parseStoredSettings(v4);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 4,
      settings: {
        ...(v4 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: DEFAULT_REVIEW_SETTINGS,
        referral: DEFAULT_REFERRAL_SETTINGS,
        weekStart: 'language',
        knownMaterialFolder: null,
        nearMatchDistanceBits: 31,
        defaultProfile: BLURRED_STRONG,
      },
    });
  });

  it('migrates a version 5 file to 6 keeping every choice, with the known-material library in the data folder', () => {
    const v5 = fixture('v5-settings.json');
    const result = parseStoredSettings(v5);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 5,
      settings: {
        ...(v5 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: DEFAULT_REVIEW_SETTINGS,
        referral: DEFAULT_REFERRAL_SETTINGS,
        knownMaterialFolder: null,
        nearMatchDistanceBits: 31,
        defaultProfile: BLURRED_STRONG,
      },
    });
  });

  it('migrates a version 6 file to 7 keeping every choice, with the near-match distance at 31 bits as before', () => {
    const v6 = fixture('v6-settings.json');
    const result = parseStoredSettings(v6);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 6,
      settings: {
        ...(v6 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: DEFAULT_REVIEW_SETTINGS,
        referral: DEFAULT_REFERRAL_SETTINGS,
        nearMatchDistanceBits: 31,
        defaultProfile: BLURRED_STRONG,
      },
    });
  });

  it('migrates a version 7 file to 8 keeping every choice, with the blur style the filter always had', () => {
    const v7 = fixture('v7-settings.json');
    const result = parseStoredSettings(v7);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 7,
      settings: {
        ...(v7 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: DEFAULT_REVIEW_SETTINGS,
        referral: DEFAULT_REFERRAL_SETTINGS,
        defaultProfile: { greyscale: true, blur: 'medium', style: 'blur' },
      },
    });
  });

  it('migrates a version 8 file to 9 keeping every choice, asking for each new case’s scheme with no custom scheme', () => {
    const v8 = fixture('v8-settings.json');
    const result = parseStoredSettings(v8);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 8,
      settings: {
        ...(v8 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        review: { newCaseScheme: 'ask', customSchemes: [], openNextAfterDecision: false },
        referral: DEFAULT_REFERRAL_SETTINGS,
      },
    });
  });

  it('migrates a version 9 file to 10 keeping the unit’s schemes, with "open the next item after categorising" off', () => {
    const v9 = fixture('v9-settings.json') as { review: object };
    const result = parseStoredSettings(v9);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 9,
      settings: { ...v9, schemaVersion: SETTINGS_SCHEMA_VERSION, review: { ...v9.review, openNextAfterDecision: false }, referral: DEFAULT_REFERRAL_SETTINGS },
    });
    if (result.ok) expect(result.settings.review.customSchemes.map((scheme) => scheme.name)).toEqual(['Unit 7 grading']);
    // A version 9 file whose review settings are not an object is refused, not repaired by a guess.
    expect(parseStoredSettings({ ...v9, review: 'uk-abc' })).toMatchObject({ ok: false, reason: /review/ });
  });

  it('turns "open the next item after categorising" on and off, and refuses anything but true or false', () => {
    const review = { ...DEFAULT_REVIEW_SETTINGS, openNextAfterDecision: true };
    expect(applySettingsPatch(DEFAULT_SETTINGS, { review })).toMatchObject({ ok: true, settings: { review: { openNextAfterDecision: true } } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { review: { ...review, openNextAfterDecision: 'yes' } })).toMatchObject({ ok: false });
  });

  it('migrates a version 10 file to 11 keeping every choice, with the lock on and infant and A1 revealed only through a grey spotlight', () => {
    const v10 = fixture('v10-settings.json');
    const result = parseStoredSettings(v10);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 10,
      settings: {
        ...(v10 as object),
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        referral: {
          authorisationLock: true,
          flagProfiles: { infant: { noColourOnReveal: true, spotlightOnly: true }, A1: { noColourOnReveal: true, spotlightOnly: true } },
        },
      },
    });
  });

  it('takes a flag profile for a known flag and refuses an unknown flag or field, naming the setting', () => {
    const referral = { authorisationLock: false, flagProfiles: { B2: { noColourOnReveal: true, spotlightOnly: false } } };
    expect(applySettingsPatch(DEFAULT_SETTINGS, { referral })).toMatchObject({ ok: true, settings: { referral } });
    for (const flagProfiles of [
      { C3: { noColourOnReveal: true, spotlightOnly: true } },
      { infant: { noColourOnReveal: true } },
      { infant: { noColourOnReveal: 'yes', spotlightOnly: true } },
    ])
      expect(applySettingsPatch(DEFAULT_SETTINGS, { referral: { authorisationLock: true, flagProfiles } })).toMatchObject({
        ok: false,
        reason: { params: { setting: 'referral' } },
      });
  });

  it('takes each filter style as the default profile and refuses an unknown one, naming the setting', () => {
    for (const style of ['blur', 'illustration', 'silhouette'] as const) {
      const defaultProfile = { greyscale: true, blur: 'strong', style } as const;
      expect(applySettingsPatch(DEFAULT_SETTINGS, { defaultProfile })).toMatchObject({ ok: true, settings: { defaultProfile } });
    }
    expect(applySettingsPatch(DEFAULT_SETTINGS, { defaultProfile: { greyscale: true, blur: 'strong', style: 'pixelate' } })).toMatchObject({
      ok: false,
      reason: { params: { setting: 'defaultProfile' } },
    });
  });

  it('takes a near-match distance of 0 to 63 bits and refuses anything else, naming the setting', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { nearMatchDistanceBits: 0 })).toMatchObject({ ok: true, settings: { nearMatchDistanceBits: 0 } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { nearMatchDistanceBits: 63 })).toMatchObject({ ok: true, settings: { nearMatchDistanceBits: 63 } });
    for (const bad of [-1, 64, 12.5]) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, { nearMatchDistanceBits: bad })).toMatchObject({
        ok: false,
        reason: { params: { setting: 'nearMatchDistanceBits' } },
      });
    }
  });

  it('takes a known-material folder or null, and refuses an empty one naming the setting', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { knownMaterialFolder: '/srv/unit/known' })).toMatchObject({
      ok: true,
      settings: { knownMaterialFolder: '/srv/unit/known' },
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { knownMaterialFolder: '  ' })).toMatchObject({
      ok: false,
      reason: { params: { setting: 'knownMaterialFolder' } },
    });
  });

  it('refuses a week start that is not the language, Sunday or Monday, naming the setting', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { weekStart: 'monday' })).toMatchObject({ ok: true, settings: { weekStart: 'monday' } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { weekStart: 'wednesday' })).toMatchObject({
      ok: false,
      reason: { code: 'setting-invalid', params: { setting: 'weekStart' } },
    });
    expect(parseStoredSettings({ ...DEFAULT_SETTINGS, weekStart: 3 })).toMatchObject({ ok: false, reason: /weekStart/ });
  });

  it('migrates a version 2 file to 3 with no cap set, so the wizard can ask', () => {
    const v2 = { ...(fixture('v1-settings.json') as object), schemaVersion: 2, idleAfterMin: 7, ledgerRetentionDays: 90 };
    const result = parseStoredSettings(v2);
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 2,
      settings: { idleAfterMin: 7, ledgerRetentionDays: 90, limitsWizardDone: false, breakSounds: false },
    });
    if (result.ok) expect(Object.values(result.settings.limits.caps).every((cap) => cap.dayMin === null && cap.weekMin === null)).toBe(true);
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

  it('refuses team sharing turned on without a folder, and a minimum group below 5', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { teamSharing: { enabled: true, folder: null, automatic: true } })).toMatchObject({
      ok: false,
      message: /teamSharing\.folder/,
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { teamView: { folder: null, minGroupSize: 4 } })).toMatchObject({
      ok: false,
      message: /teamView\.minGroupSize/,
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { teamSharing: { enabled: true, folder: '/mnt/team/veil', automatic: false } })).toMatchObject({ ok: true });
  });

  it('applies a patch only when every field stays in range', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleAfterMin: 10 })).toMatchObject({ ok: true, settings: { idleAfterMin: 10 } });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleAfterMin: 0 })).toMatchObject({ ok: false, message: /idleAfterMin/ });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { ledgerRetentionDays: 5 })).toMatchObject({ ok: false, message: /ledgerRetentionDays/ });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { schemaVersion: 1 })).toMatchObject({ ok: false });
  });
});
