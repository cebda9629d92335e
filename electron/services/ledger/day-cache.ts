import type { LedgerRecord } from '../../../shared/exposure/ledger-record.js';

/**
 * The records of recently read or written days, exactly as their files hold them. Closed
 * days never change except through the journal (compaction, retention, repair), which
 * keeps this in step, so the 12-week view need not decode 84 files each time it is shown.
 * Bounded: the least recently used day is dropped beyond `maxDays` (about 250 records a
 * day, so 120 days is a few megabytes).
 */
export interface DayCache {
  recall(dayKey: string): readonly LedgerRecord[] | undefined;
  remember(dayKey: string, records: readonly LedgerRecord[]): void;
  /** Records appended to a day's file: added to its entry if it has one. */
  appendTo(dayKey: string, records: readonly LedgerRecord[]): void;
  forget(dayKey: string): void;
}

const DEFAULT_CACHED_DAYS = 120;

export function createDayCache(maxDays = DEFAULT_CACHED_DAYS): DayCache {
  const days = new Map<string, LedgerRecord[]>();
  return {
    recall(dayKey) {
      const records = days.get(dayKey);
      if (records === undefined) return undefined;
      // Map order is insertion order: re-inserting marks the day as most recently used.
      days.delete(dayKey);
      days.set(dayKey, records);
      return records;
    },
    remember(dayKey, records) {
      days.delete(dayKey);
      // Frozen: callers share these objects, and none may change what the file is said to hold.
      days.set(
        dayKey,
        records.map((record) => Object.freeze(record)),
      );
      while (days.size > maxDays) {
        const oldest = days.keys().next();
        if (oldest.done === true) break;
        days.delete(oldest.value);
      }
    },
    appendTo(dayKey, records) {
      days.get(dayKey)?.push(...records.map((record) => Object.freeze(record)));
    },
    forget(dayKey) {
      days.delete(dayKey);
    },
  };
}
