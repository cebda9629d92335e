import { z } from 'zod';
import { BreakConfigSchema, DEFAULT_BREAK_CONFIG } from '../breaks/break-config.js';
import { DEFAULT_LIMITS_CONFIG, LimitsConfigSchema } from '../limits/limits-config.js';
import { DEFAULT_FILTER_PROFILE, FilterProfileSchema } from '../media/filter-profile.js';
import { DEFAULT_NEAR_THRESHOLD_BITS } from '../known/stacks/build-stacks.js';
import { MAX_THRESHOLD_BITS } from '../known/stacks/near-index.js';
import { DEFAULT_REVIEW_SETTINGS, ReviewSettingsSchema } from '../review/review-settings.js';
import { DEFAULT_REFERRAL_SETTINGS, ReferralSettingsSchema } from '../referral/referral-settings.js';

export const LanguageSettingSchema = z.enum(['system', 'en', 'fr-CA']);
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>;

export const SETTINGS_SCHEMA_VERSION = 11;

/**
 * The first day of the week in My exposure and personal weekly limits: as the language
 * has it ('language', the default), or Sunday or Monday whatever the language. Team
 * summaries always use ISO weeks (Monday to Sunday), whatever this says.
 */
export const WeekStartSettingSchema = z.enum(['language', 'sunday', 'monday']);
export type WeekStartSetting = z.infer<typeof WeekStartSettingSchema>;

const PhrasesSchema = z.array(z.string().trim().min(1).max(200)).max(20);
export const EncouragementSchema = z.object({ en: PhrasesSchema, 'fr-CA': PhrasesSchema }).strict();

export const DEFAULT_ENCOURAGEMENT: z.infer<typeof EncouragementSchema> = {
  en: [
    'Look at something far away.',
    'Breathe slowly. There is no hurry.',
    'The work you do protects children. Looking after yourself is part of it.',
    'Stretch your shoulders and unclench your jaw.',
  ],
  'fr-CA': [
    'Regardez quelque chose au loin.',
    'Respirez lentement. Rien ne presse.',
    'Votre travail protège des enfants. Prendre soin de vous en fait partie.',
    'Étirez les épaules et desserrez la mâchoire.',
  ],
};

const FolderPathSchema = z.string().trim().min(1).max(4096);

/**
 * The investigator's weekly summaries for the team (part 4). Off until they choose:
 * nothing is written anywhere before; the UI shows the exact file before turning it on.
 */
export const TeamSharingSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** Where summaries go, typically the team's network share. */
    folder: FolderPathSchema.nullable(),
    /** Export each finished week by itself; otherwise only by hand. */
    automatic: z.boolean(),
  })
  .strict()
  .refine((sharing) => !sharing.enabled || sharing.folder !== null, { message: 'choose a folder before turning sharing on', path: ['folder'] });

/** The wellness lead's team view: the folder last looked at and the minimum group size. */
export const TeamViewSettingsSchema = z
  .object({
    folder: FolderPathSchema.nullable(),
    minGroupSize: z.number().int().min(5).max(1000),
  })
  .strict();

export const DEFAULT_TEAM_SHARING: z.infer<typeof TeamSharingSettingsSchema> = { enabled: false, folder: null, automatic: true };
export const DEFAULT_TEAM_VIEW: z.infer<typeof TeamViewSettingsSchema> = { folder: null, minGroupSize: 5 };

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
  weekStart: WeekStartSettingSchema,
  /** No input for this long, with no video playing, means the user is away: exposure stops counting. */
  idleAfterMin: z.number().int().min(1).max(60),
  /** Days of exposure history kept on this machine; older day files are removed. */
  ledgerRetentionDays: z.number().int().min(30).max(3650),
  /** Micro and rest breaks, postpones, strict mode, working hours (shared/breaks). */
  breaks: BreakConfigSchema,
  /** The investigator's own caps on exposure, unfiltered and audio time (shared/limits). */
  limits: LimitsConfigSchema,
  /** The first-run limits wizard was completed or skipped; it is not offered again. */
  limitsWizardDone: z.boolean(),
  /** Short phrases shown on the break screen, editable, one list per language. */
  encouragement: EncouragementSchema,
  /** Sounds at break start and end; off by default (alert sounds can become trauma triggers). */
  breakSounds: z.boolean(),
  /** A system notification when a break is due while Veil is not focused. */
  notifyBreaksWhenUnfocused: z.boolean(),
  teamSharing: TeamSharingSettingsSchema,
  teamView: TeamViewSettingsSchema,
  /**
   * Where case notes are kept: null means in a file beside the case folder; a folder here
   * (a unit's case-work share) keeps notes out of an evidence tree whose parent is evidence too.
   */
  notesFolder: FolderPathSchema.nullable(),
  /**
   * The known-material library (hash sets of already-categorised material): null means
   * `known-material` inside Veil's data folder; a unit may point every workstation at one
   * shared folder. Sets hold no case data, so the data folder is a fit default.
   */
  knownMaterialFolder: FolderPathSchema.nullable(),
  /**
   * How many of PDQ's 256 bits two pictures may differ by and still count as near copies:
   * for near matches to known material and for near-duplicate stacks in a case. Lower finds
   * fewer, closer copies; 31 is PDQ's authors' recommended threshold.
   */
  nearMatchDistanceBits: z.number().int().min(0).max(MAX_THRESHOLD_BITS),
  /** Category schemes and how the review moves on (shared/review/review-settings.ts). */
  review: ReviewSettingsSchema,
  /** The unit's authorisation lock and per-flag filter profiles (shared/referral/referral-settings.ts). */
  referral: ReferralSettingsSchema,
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
  weekStart: 'language',
  idleAfterMin: 5,
  ledgerRetentionDays: 400,
  breaks: DEFAULT_BREAK_CONFIG,
  limits: DEFAULT_LIMITS_CONFIG,
  limitsWizardDone: false,
  encouragement: DEFAULT_ENCOURAGEMENT,
  breakSounds: false,
  notifyBreaksWhenUnfocused: true,
  teamSharing: DEFAULT_TEAM_SHARING,
  teamView: DEFAULT_TEAM_VIEW,
  notesFolder: null,
  knownMaterialFolder: null,
  nearMatchDistanceBits: DEFAULT_NEAR_THRESHOLD_BITS,
  review: DEFAULT_REVIEW_SETTINGS,
  referral: DEFAULT_REFERRAL_SETTINGS,
};

/** A change from the UI: any subset of fields except the version. */
export const SettingsPatchSchema = SettingsSchema.omit({ schemaVersion: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
