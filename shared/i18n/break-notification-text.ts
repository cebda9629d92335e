import type { UiLanguage } from './resolve-language.js';

/**
 * The system notification shown when a break falls due while Veil is in the background.
 * Main shows it, and main cannot read the renderer's i18n files, so its strings live
 * here, in both languages, typed so neither can be missing.
 */
export const BREAK_NOTIFICATION_TEXT: Record<UiLanguage, { title: string; body: string }> = {
  en: { title: 'Veil: time for a break', body: 'A break is due. Media is hidden when it starts.' },
  'fr-CA': { title: 'Veil\u00a0: c’est l’heure d’une pause', body: 'Une pause est prévue. Les médias seront masqués au début de la pause.' },
};
