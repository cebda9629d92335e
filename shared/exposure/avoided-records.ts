import { z } from 'zod';

/**
 * Ledger records for "exposure avoided": counts and durations only. Neither names an
 * item or a case (no id, name, path or hash), so the ledger stays free of case data.
 * Times are epoch ms from the main side's monotonic clock.
 */
const AVOIDED_RECORD_VERSION = 1;

const count = z.number().int().nonnegative();

/**
 * One item left the viewer after `durationMs` of counted viewer time (idle, locked or
 * hidden time excluded). The basis of the investigator's own time per viewed item.
 */
export const ItemViewRecordSchema = z
  .object({
    v: z.literal(AVOIDED_RECORD_VERSION),
    type: z.literal('item-view'),
    atMs: z.number().int().nonnegative(),
    durationMs: z.number().int().positive(),
  })
  .strict();
export type ItemViewRecord = z.infer<typeof ItemViewRecordSchema>;

/**
 * A case finished importing (and again once its pictures' PDQ hashes were all computed) with
 * files that will not be shown: known items (`knownCount`), identical copies beyond each
 * stack's representative (`duplicateCount`, known or not) and near copies, the other
 * pictures of near stacks (`nearCopyCount`; 0 in records written before near copies were
 * counted). Together they are the files spared.
 */
export const AvoidedRecordSchema = z
  .object({
    v: z.literal(AVOIDED_RECORD_VERSION),
    type: z.literal('avoided'),
    atMs: z.number().int().nonnegative(),
    knownCount: count,
    duplicateCount: count,
    nearCopyCount: count.default(0),
  })
  .strict();
export type AvoidedRecord = z.infer<typeof AvoidedRecordSchema>;

/** An item-view record, or null when nothing was counted (an item glanced at while hidden or idle). */
export function itemViewRecord(atMs: number, durationMs: number): ItemViewRecord | null {
  const wholeMs = Math.floor(durationMs);
  return wholeMs > 0 ? { v: AVOIDED_RECORD_VERSION, type: 'item-view', atMs: Math.floor(atMs), durationMs: wholeMs } : null;
}

/** The avoided record for a case's counts at `atMs`, or null when it spares nothing (nothing worth a line). */
export function avoidedRecord(atMs: number, counts: { knownCount: number; duplicateCount: number; nearCopyCount: number }): AvoidedRecord | null {
  if (counts.knownCount + counts.duplicateCount + counts.nearCopyCount === 0) return null;
  const { knownCount, duplicateCount, nearCopyCount } = counts;
  return { v: AVOIDED_RECORD_VERSION, type: 'avoided', atMs: Math.floor(atMs), knownCount, duplicateCount, nearCopyCount };
}
