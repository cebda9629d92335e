import type { WellbeingCounts } from '../../../../shared/exposure/exposure-summary.js';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';

/** The break and limit counts the plain way: one filter per count, straight from the record fields. */
export function plainWellbeingCounts(records: readonly LedgerRecord[]): WellbeingCounts {
  const breaks = (event: string): number => records.filter((r) => r.type === 'break' && r.event === event).length;
  const limits = (event: string): number => records.filter((r) => r.type === 'limit' && r.event === event).length;
  return {
    breaksDue: breaks('due'),
    breaksTaken: breaks('taken'),
    naturalBreaks: breaks('natural'),
    postponed: breaks('postponed'),
    skipped: breaks('skipped'),
    endedEarly: breaks('ended-early'),
    strictOverrides: breaks('strict-override'),
    afterHoursStretches: records.filter((r) => r.type === 'after-hours').length,
    capWarnings: limits('warning'),
    capsReached: limits('reached'),
    capOverrides: limits('override'),
  };
}
