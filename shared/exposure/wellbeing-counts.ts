import type { BreakEventKind } from '../breaks/break-records.js';
import type { LimitRecord } from '../limits/limit-records.js';
import type { WellbeingCounts } from './exposure-summary.js';
import type { LedgerRecord } from './ledger-record.js';

/** Ledger records that mark an instant (`atMs`) rather than cover a time. */
export type InstantRecord = Exclude<LedgerRecord, { type: 'exposure' }>;

/** Break and limit records: everything in the ledger that is neither exposure nor a reveal. */
export type WellbeingRecord = Exclude<InstantRecord, { type: 'reveal' }>;

type CountKey = keyof WellbeingCounts;

/**
 * Which count each break event adds to. 'started' counts for nothing: the break's outcome
 * (taken, ended early, overridden) is what the user sees. Typed as a full Record so a new
 * event kind cannot be forgotten.
 */
const BREAK_COUNTS: Readonly<Record<BreakEventKind, CountKey | null>> = {
  due: 'breaksDue',
  started: null,
  taken: 'breaksTaken',
  natural: 'naturalBreaks',
  postponed: 'postponed',
  skipped: 'skipped',
  'ended-early': 'endedEarly',
  'strict-override': 'strictOverrides',
};

/** 'caps' (the caps set at a moment) is a note of settings, not an event to count. */
const LIMIT_COUNTS: Readonly<Record<LimitRecord['event'], CountKey | null>> = {
  warning: 'capWarnings',
  reached: 'capsReached',
  override: 'capOverrides',
  caps: null,
};

/** All counts at zero. */
export function zeroWellbeingCounts(): WellbeingCounts {
  return {
    breaksDue: 0,
    breaksTaken: 0,
    naturalBreaks: 0,
    postponed: 0,
    skipped: 0,
    endedEarly: 0,
    strictOverrides: 0,
    afterHoursStretches: 0,
    capWarnings: 0,
    capsReached: 0,
    capOverrides: 0,
  };
}

/**
 * The count a break or limit record adds one to, or null for one that counts for nothing.
 * Reads only `type` and `event`: override reasons are the user's own words, kept in the
 * local ledger and never aggregated.
 */
function wellbeingCountOf(record: WellbeingRecord): CountKey | null {
  switch (record.type) {
    case 'break':
      return BREAK_COUNTS[record.event];
    case 'after-hours':
      return 'afterHoursStretches';
    case 'limit':
      return LIMIT_COUNTS[record.event];
    // Exposure avoided is summed on its own (exposure-avoided.ts), not as a wellbeing event.
    case 'item-view':
    case 'avoided':
      return null;
  }
}

/** Adds a break or limit record to `counts` (mutated: the totals loop allocates nothing per record). */
export function addWellbeingRecord(counts: WellbeingCounts, record: WellbeingRecord): void {
  const key = wellbeingCountOf(record);
  if (key !== null) counts[key] += 1;
}
