import { REASON_TEXT_FR_CA } from '../../shared/i18n/reason-text-fr-CA';
import type { EnReasons } from './en-reasons';
import { SETTING_NAMES } from './setting-names';

const NB = '\u00a0';

/** Canadian French words for the back end's reasons, typed against the English ones (en-reasons.ts). */
export const frCAReasons: EnReasons = {
  reasons: REASON_TEXT_FR_CA,
  reasonWords: {
    field: `«${NB}{{name}}${NB}»`,
    unusualField: 'au nom inhabituel',
    settingsVersion: 'Version des paramètres',
    quantity: { exposure: "temps d'exposition", unfiltered: 'temps non filtré', audio: 'temps audio' },
  },
  settingNames: SETTING_NAMES,
};
