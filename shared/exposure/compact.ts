import { sameClass } from './classify.js';
import type { ExposureRecord, LedgerRecord } from './ledger-record.js';

/**
 * Merges each exposure record into the previous exposure record when both have the same
 * class and the first ends exactly where the second starts (flushes write such pairs
 * every few seconds). Reveal records are kept as they are, in place. Input is not changed.
 *
 * Totals are unchanged: a merge replaces [a, b) + [b, c) of one class by [a, c) of that
 * class, which has the same duration, the same filter share, and the same union of
 * intervals (so the same stretches); no reveal is added or removed.
 */
export function compactRecords(records: readonly LedgerRecord[]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  let lastExposure: { index: number; record: ExposureRecord } | null = null;
  for (const record of records) {
    if (record.type !== 'exposure') {
      out.push(record);
      continue;
    }
    if (lastExposure !== null && lastExposure.record.endMs === record.startMs && sameClass(lastExposure.record, record)) {
      const merged: ExposureRecord = { ...lastExposure.record, endMs: record.endMs };
      out[lastExposure.index] = merged;
      lastExposure = { index: lastExposure.index, record: merged };
      continue;
    }
    out.push(record);
    lastExposure = { index: out.length - 1, record };
  }
  return out;
}
