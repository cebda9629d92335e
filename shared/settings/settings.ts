import { z } from 'zod';
import { DEFAULT_FILTER_PROFILE, FilterProfileSchema } from '../media/filter-profile.js';

export const LanguageSettingSchema = z.enum(['system', 'en', 'fr-CA']);
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>;

export const SETTINGS_SCHEMA_VERSION = 2;

/**
 * Everything a user can set. Ranges are part of the schema so a bad value is refused
 * with a message naming the field, whether it comes from the UI or a hand-edited file.
 */
export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  defaultProfile: FilterProfileSchema,
  /** How long "Reveal whole item" lasts before the item re-veils itself. */
  revealDurationSec: z.number().int().min(2).max(60),
  /** Radius of the hold-to-reveal spotlight, as a percentage of the view's shorter side. */
  spotlightRadiusPct: z.number().int().min(5).max(40),
  /** Whether reveals also restore colour; off means reveals lift only the blur. */
  revealInColour: z.boolean(),
  /** Memory the derivative cache may hold, in mebibytes. */
  mediaCacheMb: z.number().int().min(16).max(4096),
  language: LanguageSettingSchema,
  /** No input for this long, with no video playing, means the user is away: exposure stops counting. */
  idleAfterMin: z.number().int().min(1).max(60),
  /** Days of exposure history kept on this machine; older day files are removed. */
  ledgerRetentionDays: z.number().int().min(30).max(3650),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  defaultProfile: DEFAULT_FILTER_PROFILE,
  revealDurationSec: 10,
  spotlightRadiusPct: 15,
  revealInColour: false,
  mediaCacheMb: 256,
  language: 'system',
  idleAfterMin: 5,
  ledgerRetentionDays: 400,
};

/** A change from the UI: any subset of fields except the version. */
export const SettingsPatchSchema = SettingsSchema.omit({ schemaVersion: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
