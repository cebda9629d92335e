import i18next, { type i18n } from 'i18next';
import type { LanguageSetting } from '../../shared/settings/settings.js';
import { en, type Messages } from './en';
import { frCA } from './fr-CA';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The languages the UI is written in. */
export type UiLanguage = 'en' | 'fr-CA';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fr-CA'];

/** Language names as their speakers write them; never translated. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', 'fr-CA': 'Français (Canada)' };

/**
 * The UI language for a setting: `system` follows the operating system's language
 * (any French variant gets Canadian French, everything else English).
 */
export function resolveLanguage(setting: LanguageSetting, systemLanguage: string): UiLanguage {
  if (setting !== 'system') return setting;
  return systemLanguage.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en';
}

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
