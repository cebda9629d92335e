import { enCA, frCA } from 'date-fns/locale';
import { resolveLanguage } from '../i18n/resolve-language.js';
import type { LanguageSetting, WeekStartSetting } from '../settings/settings.js';
import type { WeekStartsOn } from './day-boundaries.js';

/**
 * The first day of the week in the user's language, as date-fns' Canadian locales
 * define it (Sunday in both English and French Canada). `language` is the settings
 * value; 'system' follows the OS locale.
 */
export function languageWeekStartsOn(language: LanguageSetting, systemLocale: string): WeekStartsOn {
  const french = resolveLanguage(language, systemLocale) === 'fr-CA';
  return (french ? frCA : enCA).options?.weekStartsOn ?? 0;
}

/**
 * The first day of My exposure's weeks and of personal weekly limits: the week-start
 * setting when it names a day, else the language's (languageWeekStartsOn). 0 = Sunday.
 */
export function weekStartsOnFor(settings: { language: LanguageSetting; weekStart: WeekStartSetting }, systemLocale: string): WeekStartsOn {
  if (settings.weekStart === 'sunday') return 0;
  if (settings.weekStart === 'monday') return 1;
  return languageWeekStartsOn(settings.language, systemLocale);
}
