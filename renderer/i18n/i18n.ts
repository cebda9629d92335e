import i18next, { type i18n } from 'i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/i18n/resolve-language.js';
import { en, type Messages } from './en';
import { frCA } from './fr-CA';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export { resolveLanguage, UI_LANGUAGES, type UiLanguage } from '../../shared/i18n/resolve-language.js';

/** Language names as their speakers write them; never translated. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', 'fr-CA': 'Français (Canada)' };

/** The BCP 47 locale used for numbers and durations in a UI language. */
export function intlLocale(language: string): string {
  return language === 'fr-CA' ? 'fr-CA' : 'en-CA';
}

/**
 * A fresh i18next instance with both resource sets loaded synchronously, so the first
 * render already has its strings. One instance per app (and per test) keeps state apart.
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, 'fr-CA': { translation: frCA } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: UI_LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
