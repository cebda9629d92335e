import { addDaysToKey } from '../../../shared/exposure/day-boundaries.js';

/**
 * Walking day keys ('YYYY-MM-DD'). A day key already names a local day in the user's
 * time zone, so stepping through a range is plain calendar arithmetic.
 */
const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written 'YYYY-MM-DD' (2024-02-30 is not one). */
export function isDayKey(value: string): boolean {
  if (!DAY_KEY_PATTERN.test(value)) return false;
  try {
    return addDaysToKey(value, 0) === value;
  } catch {
    return false;
  }
}

/**
 * Every day key from `fromDayKey` to `toDayKey`, both included, oldest first; empty if
 * from is after to. Throws RangeError for a string that is not a day key.
 */
export function dayKeysBetween(fromDayKey: string, toDayKey: string): string[] {
  if (!isDayKey(fromDayKey)) throw new RangeError(`not a day key: '${fromDayKey}'`);
  if (!isDayKey(toDayKey)) throw new RangeError(`not a day key: '${toDayKey}'`);
  const keys: string[] = [];
  // Day keys sort as strings in calendar order.
  for (let key = fromDayKey; key <= toDayKey; key = addDaysToKey(key, 1)) keys.push(key);
  return keys;
}
