import type { LimitQuantity } from '../../../shared/limits/cap-keys.js';
import type { LimitsConfig, QuantityCaps } from '../../../shared/limits/limits-config.js';

/** The six caps as typed: minutes, '' for no cap. */
export type CapsDraft = Record<LimitQuantity, { day: string; week: string }>;

export function capsDraftOf(caps: LimitsConfig['caps']): CapsDraft {
  const text = (minutes: number | null) => (minutes === null ? '' : String(minutes));
  return {
    exposure: { day: text(caps.exposure.dayMin), week: text(caps.exposure.weekMin) },
    unfiltered: { day: text(caps.unfiltered.dayMin), week: text(caps.unfiltered.weekMin) },
    audio: { day: text(caps.audio.dayMin), week: text(caps.audio.weekMin) },
  };
}

/**
 * An empty field is no cap; anything else is passed on as a number (an odd entry
 * becomes NaN or a fraction, which the settings schema refuses with a message naming
 * the field): the back end is the one validator.
 */
function minutesOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function capsOf(draft: CapsDraft): LimitsConfig['caps'] {
  const row = (quantity: LimitQuantity): QuantityCaps => ({ dayMin: minutesOf(draft[quantity].day), weekMin: minutesOf(draft[quantity].week) });
  return { exposure: row('exposure'), unfiltered: row('unfiltered'), audio: row('audio') };
}
