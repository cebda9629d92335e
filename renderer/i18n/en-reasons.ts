import { REASON_TEXT_EN } from '../../shared/i18n/reason-text-en';
import type { SettingKey } from '../../shared/reasons/reason';

/**
 * The back end's reasons (their English lives in shared/, where the back end's logs use it
 * too) and the words they are built from.
 */
export const enReasons = {
  reasons: REASON_TEXT_EN,
  reasonWords: {
    /** A field name from a summary file, quoted. */
    field: '“{{name}}”',
    unusualField: 'with an unusual name',
    quantity: { exposure: 'exposure time', unfiltered: 'unfiltered time', audio: 'audio time' },
  },
  /** Settings as the user knows them: the field's label, for refusals that name one. */
  settingNames: {
    schemaVersion: 'Settings version',
    defaultProfile: '$t(settings.filterGroup)',
    revealDurationSec: '$t(settings.revealDuration)',
    spotlightRadiusPct: '$t(settings.spotlightRadius)',
    revealInColour: '$t(settings.revealInColour)',
    mediaCacheMb: '$t(settings.cacheSize)',
    language: '$t(settings.language)',
    weekStart: '$t(weekStart.label)',
    idleAfterMin: '$t(settings.idleAfter)',
    ledgerRetentionDays: '$t(settings.retention)',
    breaks: '$t(breakSettings.group)',
    limits: '$t(limitSettings.group)',
    limitsWizardDone: '$t(limits.wizardTitle)',
    encouragement: '$t(encouragementSettings.group)',
    breakSounds: '$t(breakSettings.sounds)',
    notifyBreaksWhenUnfocused: '$t(breakSettings.notify)',
    teamSharing: '$t(teamSharing.group)',
    teamView: '$t(teamStats.title)',
    notesFolder: '$t(notes.folder)',
  } satisfies Record<SettingKey, string>,
};

/** The shape the French file must have. */
export type EnReasons = typeof enReasons;
