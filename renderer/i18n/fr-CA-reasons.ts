import { REASON_TEXT_FR_CA } from '../../shared/i18n/reason-text-fr-CA';
import type { EnReasons } from './en-reasons';

const NB = '\u00a0';

/** Canadian French words for the back end's reasons, typed against the English ones (en-reasons.ts). */
export const frCAReasons: EnReasons = {
  reasons: REASON_TEXT_FR_CA,
  reasonWords: {
    field: `«${NB}{{name}}${NB}»`,
    unusualField: 'au nom inhabituel',
    quantity: { exposure: "temps d'exposition", unfiltered: 'temps non filtré', audio: 'temps audio' },
  },
  settingNames: {
    schemaVersion: 'Version des paramètres',
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
  },
};
