import { describeZodError } from '../contract-errors.js';
import type { Reason } from '../reasons/reason.js';
import { settingsReason } from '../reasons/settings-reason.js';
import { DEFAULT_BREAK_CONFIG } from '../breaks/break-config.js';
import { DEFAULT_LIMITS_CONFIG } from '../limits/limits-config.js';
import { DEFAULT_NEAR_THRESHOLD_BITS } from '../known/stacks/build-stacks.js';
import { DEFAULT_REVIEW_SETTINGS } from '../review/review-settings.js';
import { DEFAULT_REFERRAL_SETTINGS } from '../referral/referral-settings.js';
import {
  DEFAULT_ENCOURAGEMENT,
  DEFAULT_TEAM_SHARING,
  DEFAULT_TEAM_VIEW,
  SETTINGS_SCHEMA_VERSION,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
} from './settings.js';

/**
 * Pure steps that turn a settings object of version N into version N + 1. Each is
 * tested with an old-config fixture; the chain runs in order on load.
 */
const SETTINGS_MIGRATIONS: ReadonlyArray<{ fromVersion: number; migrate: (old: Record<string, unknown>) => Record<string, unknown> }> = [
  // 1 → 2: the exposure ledger arrives, with its idle threshold and retention period.
  { fromVersion: 1, migrate: (old) => ({ ...old, schemaVersion: 2, idleAfterMin: 5, ledgerRetentionDays: 400 }) },
  // 2 → 3: breaks and personal limits arrive. No cap is set for anyone: the first-run
  // wizard asks, because limits are the investigator's own.
  {
    fromVersion: 2,
    migrate: (old) => ({
      ...old,
      schemaVersion: 3,
      breaks: DEFAULT_BREAK_CONFIG,
      limits: DEFAULT_LIMITS_CONFIG,
      limitsWizardDone: false,
      encouragement: DEFAULT_ENCOURAGEMENT,
      breakSounds: false,
      notifyBreaksWhenUnfocused: true,
    }),
  },
  // 3 → 4: team statistics arrive (sharing stays off: only the investigator turns it on),
  // and case notes, kept beside the case unless a notes folder is chosen.
  { fromVersion: 3, migrate: (old) => ({ ...old, schemaVersion: 4, teamSharing: DEFAULT_TEAM_SHARING, teamView: DEFAULT_TEAM_VIEW, notesFolder: null }) },
  // 4 → 5: the first day of the week becomes a setting; it stays the language's, as before.
  { fromVersion: 4, migrate: (old) => ({ ...old, schemaVersion: 5, weekStart: 'language' }) },
  // 5 → 6: known-material hash sets arrive; the library starts in the data folder.
  { fromVersion: 5, migrate: (old) => ({ ...old, schemaVersion: 6, knownMaterialFolder: null }) },
  // 6 → 7: the near-match distance becomes a setting; it starts at the distance used until now.
  { fromVersion: 6, migrate: (old) => ({ ...old, schemaVersion: 7, nearMatchDistanceBits: DEFAULT_NEAR_THRESHOLD_BITS }) },
  // 7 → 8: reduced-detail styles arrive beside the blur; the filter keeps the blur it always had.
  { fromVersion: 7, migrate: (old) => ({ ...old, schemaVersion: 8, defaultProfile: withBlurStyle(old['defaultProfile']) }) },
  // 8 → 9: category schemes arrive; a case's scheme is asked for at its first open, as the issue wants.
  { fromVersion: 8, migrate: (old) => ({ ...old, schemaVersion: 9, review: DEFAULT_REVIEW_SETTINGS }) },
  // 9 → 10: "open the next item to review after categorising" arrives, off: the viewer stays where it was, as before.
  { fromVersion: 9, migrate: (old) => ({ ...old, schemaVersion: 10, review: withOpenNextOff(old['review']) }) },
  // 10 → 11: the referral's unit settings arrive: the lock as it always was, infant and A1 revealed only through a grey spotlight.
  { fromVersion: 10, migrate: (old) => ({ ...old, schemaVersion: 11, referral: DEFAULT_REFERRAL_SETTINGS }) },
];

/** Stored review settings with the new switch off; anything that is not an object is left for validation to refuse. */
function withOpenNextOff(review: unknown): unknown {
  return isRecord(review) ? { ...review, openNextAfterDecision: false } : review;
}

/** A stored profile with the style it had before styles existed; anything else is left for validation to refuse. */
function withBlurStyle(profile: unknown): unknown {
  return isRecord(profile) ? { ...profile, style: 'blur' } : profile;
}

export type StoredSettingsResult = { ok: true; settings: Settings; migratedFrom: number | null } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads what was on disk: runs migrations, then validates. Anything that does not
 * come out as valid settings is refused with a reason; the caller keeps the file
 * aside rather than guessing (a guess could silently weaken the user's filters).
 */
export function parseStoredSettings(raw: unknown): StoredSettingsResult {
  if (!isRecord(raw)) return { ok: false, reason: 'the settings file does not hold an object' };
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, reason: 'the settings file has no schemaVersion' };
  }
  if (version > SETTINGS_SCHEMA_VERSION) {
    return { ok: false, reason: `the settings file is from a newer Veil (schema ${version})` };
  }
  let current = raw;
  for (const step of SETTINGS_MIGRATIONS) {
    if (step.fromVersion >= version) current = step.migrate(current);
  }
  const parsed = SettingsSchema.safeParse(current);
  if (!parsed.success) return { ok: false, reason: describeZodError(parsed.error) };
  return { ok: true, settings: parsed.data, migratedFrom: version === SETTINGS_SCHEMA_VERSION ? null : version };
}

export type SettingsPatchResult = { ok: true; settings: Settings } | { ok: false; message: string; reason: Reason };

/** Applies a change from the UI; out-of-range values are refused with a message naming the field. */
export function applySettingsPatch(current: Settings, patch: unknown): SettingsPatchResult {
  const parsedPatch = SettingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) return { ok: false, message: describeZodError(parsedPatch.error), reason: settingsReason(parsedPatch.error, patch) };
  const candidate = { ...current, ...parsedPatch.data };
  const next = SettingsSchema.safeParse(candidate);
  if (!next.success) return { ok: false, message: describeZodError(next.error), reason: settingsReason(next.error, candidate) };
  return { ok: true, settings: next.data };
}
