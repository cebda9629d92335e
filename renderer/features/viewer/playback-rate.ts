/**
 * The speeds offered, slowest first: the steps investigators know from video review tools.
 * 0.25× to 4× is the range the issue asks for, and the range in which Chromium still
 * plays the sound (pitch kept), so "audible" in the exposure report stays true to what is heard.
 */
const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

const MIN_PLAYBACK_RATE = 0.25;
const MAX_PLAYBACK_RATE = 4;

/** A rate kept inside 0.25×–4× (a non-number becomes 1×). */
export function clampPlaybackRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(MAX_PLAYBACK_RATE, Math.max(MIN_PLAYBACK_RATE, rate));
}

/**
 * The next offered speed above (`direction` 1) or below (-1) `rate`, staying at the end of
 * the range there. A rate between two steps (set elsewhere) moves to the nearer step in
 * that direction, never past it.
 */
export function stepPlaybackRate(rate: number, direction: -1 | 1): number {
  const current = clampPlaybackRate(rate);
  const next = direction > 0 ? PLAYBACK_RATES.find((step) => step > current) : PLAYBACK_RATES.findLast((step) => step < current);
  return next ?? current;
}

/**
 * A position in seconds kept inside the video: never before 0, and never past its
 * duration once the duration is known (`durationSec` 0 or not finite: only the lower bound).
 */
export function clampTimeSec(timeSec: number, durationSec: number): number {
  const atLeastZero = Math.max(0, Number.isFinite(timeSec) ? timeSec : 0);
  return Number.isFinite(durationSec) && durationSec > 0 ? Math.min(durationSec, atLeastZero) : atLeastZero;
}

const rateFormats = new Map<string, Intl.NumberFormat>();

/** A speed as the UI language writes it: "1×", "0.25×" in English, "0,25×" in French. */
export function formatPlaybackRate(rate: number, locale: string): string {
  let format = rateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    rateFormats.set(locale, format);
  }
  return `${format.format(rate)}×`;
}
