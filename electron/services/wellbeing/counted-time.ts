import { isUnfilteredRecord, type LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { TrackerState } from '../../../shared/exposure/tracker.js';

export interface CountedTime {
  countedMs: number;
  unfilteredMs: number;
  audioMs: number;
}

/**
 * Turns the tracker's closed records and open record into "counted time since the last
 * call", which the break and limit machines consume. A flush (closing and reopening the
 * same record) changes nothing; only time that passed while counting is reported.
 */
export function createCountedTimeMeter(): { since(records: readonly LedgerRecord[], state: TrackerState, nowMs: number): CountedTime } {
  const closed: CountedTime = { countedMs: 0, unfilteredMs: 0, audioMs: 0 };
  let reported: CountedTime = { countedMs: 0, unfilteredMs: 0, audioMs: 0 };
  return {
    since(records, state, nowMs) {
      for (const record of records) {
        if (record.type !== 'exposure') continue;
        const durationMs = record.endMs - record.startMs;
        closed.countedMs += durationMs;
        if (isUnfilteredRecord(record)) closed.unfilteredMs += durationMs;
        if (record.audio) closed.audioMs += durationMs;
      }
      const open = state.open;
      const openMs = open ? Math.max(0, Math.floor(nowMs) - open.startMs) : 0;
      const current: CountedTime = {
        countedMs: closed.countedMs + openMs,
        unfilteredMs: closed.unfilteredMs + (open && isUnfilteredRecord(open.exposure) ? openMs : 0),
        audioMs: closed.audioMs + (open?.exposure.audio ? openMs : 0),
      };
      const delta: CountedTime = {
        countedMs: Math.max(0, current.countedMs - reported.countedMs),
        unfilteredMs: Math.max(0, current.unfilteredMs - reported.unfilteredMs),
        audioMs: Math.max(0, current.audioMs - reported.audioMs),
      };
      reported = current;
      return delta;
    },
  };
}
