import { enCA, frCA } from 'date-fns/locale';
import type { WeekStartsOn } from './day-boundaries.js';

/**
 * The first day of the week in the user's language, as date-fns' Canadian locales
 * define it. `language` is the settings value; 'system' follows the OS locale.
 */
export function weekStartsOnFor(language: 'system' | 'en' | 'fr-CA', systemLocale: string): WeekStartsOn {
  const french = language === 'fr-CA' || (language === 'system' && systemLocale.toLowerCase().startsWith('fr'));
  return (french ? frCA : enCA).options?.weekStartsOn ?? 0;
}
