import { enCA, frCA } from 'date-fns/locale';
import { resolveLanguage } from '../i18n/resolve-language.js';
import type { LanguageSetting } from '../settings/settings.js';
import type { WeekStartsOn } from './day-boundaries.js';

/**
 * The first day of the week in the user's language, as date-fns' Canadian locales
 * define it. `language` is the settings value; 'system' follows the OS locale.
 */
export function weekStartsOnFor(language: LanguageSetting, systemLocale: string): WeekStartsOn {
  const french = resolveLanguage(language, systemLocale) === 'fr-CA';
  return (french ? frCA : enCA).options?.weekStartsOn ?? 0;
}
