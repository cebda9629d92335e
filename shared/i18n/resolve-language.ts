import type { LanguageSetting } from '../settings/settings.js';

/** The languages Veil is written in. */
export type UiLanguage = 'en' | 'fr-CA';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fr-CA'];

/** The language part of a locale tag, whatever its case or separator: "FR-CA", "fr_CA", "fr" → "fr". */
function primarySubtag(locale: string): string {
  return (
    locale
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? ''
  );
}

/**
 * The one rule for the UI language, used by the renderer, the week's first day and the
 * break notification alike. A setting other than `system` wins. `system` follows the
 * operating system's locales (one tag, or the user's list in order of preference): the
 * first one Veil speaks decides, any French variant giving Canadian French; none gives
 * English. Tags are compared case-insensitively with "-" or "_", since systems write
 * "fr-CA", "FR-CA" and "fr_CA.UTF-8".
 */
export function resolveLanguage(setting: LanguageSetting, systemLocales: string | readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  const locales = typeof systemLocales === 'string' ? [systemLocales] : systemLocales;
  for (const locale of locales) {
    const language = primarySubtag(locale);
    if (language === 'fr') return 'fr-CA';
    if (language === 'en') return 'en';
  }
  return 'en';
}
