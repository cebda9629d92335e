import { formatDuration, type Duration } from 'date-fns';
import { enUS, frCA } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './i18n';

const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;

/**
 * A duration in milliseconds as words ("3 minutes 5 seconds"), rounded to two units
 * at most so the figure does not flicker while an import runs.
 */
function formatDurationMs(durationMs: number, locale: string): string {
  const totalSec = Math.max(0, Math.round(durationMs / MS_PER_SECOND));
  const hours = Math.floor(totalSec / SECONDS_PER_HOUR);
  const minutes = Math.floor((totalSec % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
  const seconds = totalSec % SECONDS_PER_MINUTE;
  const duration: Duration = hours > 0 ? { hours, minutes } : minutes > 0 ? { minutes, seconds } : { seconds };
  // en-US words ("1 hour"); en-CA's date-fns locale says "an hour", which reads oddly in a countdown.
  const dateLocale = locale === 'fr-CA' ? frCA : enUS;
  const text = formatDuration(duration, { locale: dateLocale, zero: false });
  return text.length > 0 ? text : formatDuration({ seconds: 0 }, { locale: dateLocale, zero: true });
}

/** A media position in seconds as a clock ("1:05", "1:02:03"). */
export function formatClock(timeSec: number): string {
  const total = Number.isFinite(timeSec) ? Math.max(0, Math.floor(timeSec)) : 0;
  const hours = Math.floor(total / SECONDS_PER_HOUR);
  const minutes = Math.floor((total % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
  const seconds = String(total % SECONDS_PER_MINUTE).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const NBSP = '\u00a0';

const wholeNumberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One whole-number formatter per locale, made once: building an Intl formatter costs far
 * more than using it, and every tile and figure of a first screen formats numbers.
 */
function wholeNumbers(locale: string): Intl.NumberFormat {
  let format = wholeNumberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    wholeNumberFormats.set(locale, format);
  }
  return format;
}

/**
 * A duration in milliseconds as a compact figure for tables and charts, the same in
 * English and French apart from digit grouping: "1 h 25 min", "3 min 5 s", "45 s",
 * "0 s" (non-breaking spaces, so a figure never wraps). Seconds are dropped from an hour
 * up; hours are never turned into days, so a week's total stays comparable.
 */
export function formatFigureDurationMs(durationMs: number, locale: string): string {
  const numbers = wholeNumbers(locale);
  const totalSec = Math.max(0, Math.round(durationMs / MS_PER_SECOND));
  const hours = Math.floor(totalSec / SECONDS_PER_HOUR);
  const minutes = Math.floor((totalSec % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
  const seconds = totalSec % SECONDS_PER_MINUTE;
  const part = (value: number, unit: string) => `${numbers.format(value)}${NBSP}${unit}`;
  if (hours > 0) return minutes > 0 ? `${part(hours, 'h')}${NBSP}${part(minutes, 'min')}` : part(hours, 'h');
  if (minutes > 0) return seconds > 0 ? `${part(minutes, 'min')}${NBSP}${part(seconds, 's')}` : part(minutes, 'min');
  return part(seconds, 's');
}

/**
 * A duration as an HTML/ISO 8601 duration string for `<time datetime>` ("PT65.123S"),
 * so the exact figure can be read by machines (and end-to-end tests) whatever the language.
 */
export function isoDurationMs(durationMs: number): string {
  return `PT${Math.max(0, Math.round(durationMs)) / MS_PER_SECOND}S`;
}

export interface Formatters {
  locale: string;
  /** Whole numbers with the locale's grouping ("1,234" / "1 234"). */
  count(value: number): string;
  durationMs(value: number): string;
  /** Compact figure: "1 h 25 min". */
  figureDurationMs(value: number): string;
}

/** Formatters for the current UI language; re-renders with it. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const numbers = wholeNumbers(locale);
  return {
    locale,
    count: (value) => numbers.format(value),
    durationMs: (value) => formatDurationMs(value, locale),
    figureDurationMs: (value) => formatFigureDurationMs(value, locale),
  };
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A file size in bytes as a short figure ("1.2 MB", "1,2 Mo"), decimal units as file managers show them. */
export function formatSizeBytes(sizeBytes: number, locale: string): string {
  let value = Math.max(0, sizeBytes);
  let unitIndex = 0;
  while (value >= 1000 && unitIndex < BYTE_UNITS.length - 1) {
    value /= 1000;
    unitIndex += 1;
  }
  const unit = BYTE_UNITS[unitIndex] ?? 'byte';
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unitIndex === 0 ? 0 : 1 }).format(value);
}
