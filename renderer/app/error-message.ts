import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { VeilRequestError } from '../../shared/contract-errors';
import { LimitQuantitySchema } from '../../shared/limits/cap-keys';
import { SettingKeySchema, type Reason } from '../../shared/reasons/reason';
import { formatSizeBytes } from '../i18n/format';
import { intlLocale } from '../i18n/i18n';

const BYTE_PARAMS = new Set(['sizeBytes', 'limitBytes']);

/** One parameter as the user reads it: sizes and numbers in their locale, settings by their label. */
function paramText(t: TFunction, locale: string, name: string, value: unknown): string {
  if (typeof value === 'number') return BYTE_PARAMS.has(name) ? formatSizeBytes(value, locale) : new Intl.NumberFormat(locale).format(value);
  if (name === 'setting') {
    const key = SettingKeySchema.safeParse(value);
    return key.success ? t(`settingNames.${key.data}`) : '';
  }
  if (name === 'quantity') {
    const quantity = LimitQuantitySchema.safeParse(value);
    return quantity.success ? t(`reasonWords.quantity.${quantity.data}`) : '';
  }
  if (name === 'field') return typeof value === 'string' && value !== '' ? t('reasonWords.field', { name: value }) : t('reasonWords.unusualField');
  return String(value);
}

/**
 * The sentence for a back-end reason in the current language, its parameters formatted
 * for the locale. A clause: it reads after "…: "; see `standalone` for one on its own.
 */
export function reasonText(t: TFunction, locale: string, reason: Reason): string {
  const entries: [string, unknown][] = Object.entries(reason.params);
  const values = Object.fromEntries(entries.map(([name, value]) => [name, paramText(t, locale, name, value)]));
  // `replace` carries the values: the typed `t` cannot check one set of names against every code at once.
  return t(`reasons.${reason.code}`, { replace: values });
}

/** The reason a request failed: the back end's own when it sent one, else a plain word that nothing was done. */
function reasonOfError(error: unknown): Reason {
  if (error instanceof VeilRequestError) {
    if (error.reason) return error.reason;
    if (error.code !== 'failed') return { code: 'invalid-request', params: {} };
  }
  return { code: 'internal-error', params: {} };
}

/** A clause shown on its own, as a sentence: its first letter in capitals. */
export function standalone(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export interface ErrorText {
  /** Why a request failed, translated (never the back end's English log message). */
  errorText(error: unknown): string;
  reasonText(reason: Reason): string;
}

/** Translators for errors and reasons in the current UI language; re-renders with it. */
export function useErrorText(): ErrorText {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  // Stable while the language is: effects that list `errorText` among their dependencies would otherwise run on every render.
  return useMemo<ErrorText>(
    () => ({
      errorText: (error) => reasonText(t, locale, reasonOfError(error)),
      reasonText: (reason) => reasonText(t, locale, reason),
    }),
    [t, locale],
  );
}
