import type { Formatters } from '../../i18n/format';

const MINUTE_MS = 60_000;

/**
 * An estimated duration in words, to the minute once it reaches one: seconds would claim
 * a precision an estimate does not have.
 */
export function estimateText(durationMs: number, format: Formatters): string {
  return format.figureDurationMs(durationMs >= MINUTE_MS ? Math.round(durationMs / MINUTE_MS) * MINUTE_MS : durationMs);
}
