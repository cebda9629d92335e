import type { LedgerRecord } from '../exposure/ledger-record.js';

/**
 * Whether the investigator had a personal cap set at any moment of [startMs, endMs)
 * (epoch ms), by the ledger rather than by today's settings: the caps record in force at
 * the start (the last one at or before it), any caps record inside, and any warning, cap
 * reached or override inside (none happens without a cap, which also answers for weeks
 * before caps records were written). No record says so: false. Records may come in any
 * order and may lie outside the span.
 */
export function capSetDuring(records: readonly LedgerRecord[], span: { startMs: number; endMs: number }): boolean {
  let inForceAtStart: { atMs: number; set: boolean } | null = null;
  for (const record of records) {
    if (record.type !== 'limit' || record.atMs >= span.endMs) continue;
    const inside = record.atMs > span.startMs;
    if (record.event !== 'caps') {
      if (record.atMs >= span.startMs) return true;
    } else if (inside) {
      if (record.caps.length > 0) return true;
    } else {
      const set = record.caps.length > 0;
      // Two records of one ms: "set" wins, so the answer does not depend on their order.
      if (inForceAtStart === null || record.atMs > inForceAtStart.atMs || (record.atMs === inForceAtStart.atMs && set))
        inForceAtStart = { atMs: record.atMs, set };
    }
  }
  return inForceAtStart?.set ?? false;
}
