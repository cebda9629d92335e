import { REASON_TEXT_EN } from '../../shared/i18n/reason-text-en';
import { SETTING_NAMES } from './setting-names';

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
    settingsVersion: 'Settings version',
    quantity: { exposure: 'exposure time', unfiltered: 'unfiltered time', audio: 'audio time' },
  },
  settingNames: SETTING_NAMES,
};

/** The shape the French file must have. */
export type EnReasons = typeof enReasons;
