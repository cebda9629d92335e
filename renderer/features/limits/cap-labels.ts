import type { TFunction } from 'i18next';
import type { LimitPeriod, LimitQuantity } from '../../../shared/limits/cap-keys.js';
import { intlLocale } from '../../i18n/i18n';

/** Field labels of the six caps ("Exposure time per day (minutes)"), one key each so French can word them freely. */
export const CAP_FIELD_KEYS = {
  exposure: { day: 'limits.exposureDay', week: 'limits.exposureWeek' },
  unfiltered: { day: 'limits.unfilteredDay', week: 'limits.unfilteredWeek' },
  audio: { day: 'limits.audioDay', week: 'limits.audioWeek' },
} as const;

/** Names of the six caps as they read in a sentence ("daily exposure limit"). */
export const CAP_NAME_KEYS = {
  exposure: { day: 'limits.capName.exposureDay', week: 'limits.capName.exposureWeek' },
  unfiltered: { day: 'limits.capName.unfilteredDay', week: 'limits.capName.unfilteredWeek' },
  audio: { day: 'limits.capName.audioDay', week: 'limits.capName.audioWeek' },
} as const;

/** Group titles per quantity. */
export const QUANTITY_KEYS = { exposure: 'limits.exposure', unfiltered: 'limits.unfiltered', audio: 'limits.audio' } as const;

/** "daily exposure limit and weekly audio-time limit", in the UI language. */
export function capNames(t: TFunction, language: string, caps: readonly { quantity: LimitQuantity; period: LimitPeriod }[]): string {
  const names = caps.map(({ quantity, period }) => t(CAP_NAME_KEYS[quantity][period]));
  return new Intl.ListFormat(intlLocale(language), { type: 'conjunction' }).format(names);
}
