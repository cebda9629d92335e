import type { SettingKey } from '../../shared/reasons/reason';

/**
 * Settings as the user knows them, for refusals and field messages that name one: each is
 * a reference to the label the form shows, so the words are the same in every language and
 * this table is written once (the settings version, which has no label, has words of its own).
 */
export const SETTING_NAMES = {
  schemaVersion: '$t(reasonWords.settingsVersion)',
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
  knownMaterialFolder: '$t(known.folder)',
  nearMatchDistanceBits: '$t(stacks.distanceLabel)',
  review: '$t(schemes.settingsGroup)',
  referral: '$t(referralSettings.group)',
} as const satisfies Record<SettingKey, string>;
