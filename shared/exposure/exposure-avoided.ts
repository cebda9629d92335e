import { avoidedRecord, type AvoidedRecord } from './avoided-records.js';
import type { LedgerRecord } from './ledger-record.js';

/** The investigator's own viewing pace, from the item-view records of the ledger. */
export interface ViewingPace {
  /** Median counted viewer time per viewed item, ms; null with no item viewed yet. */
  medianViewMs: number | null;
  /** How many item views the median is taken over. */
  viewedItems: number;
}

/**
 * The median of `values` (the mean of the two middle values for an even count), or null
 * for none. The median rather than the mean: one item left open over lunch must not make
 * every spared file "worth" an hour.
 */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** The viewing pace over every item-view record in `records` (the caller chooses the period). */
export function viewingPace(records: readonly LedgerRecord[]): ViewingPace {
  const durations: number[] = [];
  for (const record of records) if (record.type === 'item-view') durations.push(record.durationMs);
  return { medianViewMs: medianOf(durations), viewedItems: durations.length };
}

/**
 * Estimated viewing time spared, ms: files spared × the median time per viewed item,
 * rounded to whole ms; null when there is no median yet (no estimate rather than a guess).
 */
export function sparedEstimateMs(filesSpared: number, medianViewMs: number | null): number | null {
  return medianViewMs === null ? null : Math.round(Math.max(0, filesSpared) * medianViewMs);
}

/** What a case spares: known items, identical copies and near copies (each counted once: a known item's copies are copies). */
interface SparedCounts {
  knownCount: number;
  duplicateCount: number;
  nearCopyCount: number;
}

/** Files not shown in a case: known items, every identical copy (a known item's copies included) and every near copy. */
export function filesSpared(counts: SparedCounts): number {
  return counts.knownCount + counts.duplicateCount + counts.nearCopyCount;
}

/**
 * What a case spares while it is shown as it is now: with "Show known items" on, known items
 * are on screen and counted as exposure, so only the copies, identical and near, are spared.
 */
export function sparedCounts(summary: SparedCounts & { knownShown: boolean }): SparedCounts {
  return { knownCount: summary.knownShown ? 0 : summary.knownCount, duplicateCount: summary.duplicateCount, nearCopyCount: summary.nearCopyCount };
}

/**
 * The avoided record of the open case as it is now, or null. Written when its import ends and
 * again when its PDQ pass has hashed every picture (near stacks form only then); the two
 * share their known and identical counts, so the week counts the case once (sumAvoided). Only
 * a complete import counts: a cancelled or failed one has partial counts, and the same case
 * imported again in full that week would then count twice (its counts differ, so the
 * once-per-case rule misses it).
 */
export function caseAvoidedRecord(atMs: number, summary: SparedCounts & { knownShown: boolean; import: { phase: string } }): AvoidedRecord | null {
  return summary.import.phase === 'done' ? avoidedRecord(atMs, sparedCounts(summary)) : null;
}

/**
 * The record to write when the open case's PDQ pass has ended, given the case's record as it is
 * now (`caseAvoidedRecord`) and the one written for it when its import ended (null for none),
 * or null when it adds nothing. It keeps the import's known and identical counts, the pair by
 * which the week recognises the case (sumAvoided): "Show known items" turned on, or a hash set
 * added, between the two would otherwise give the case a second pair, and its copies would
 * count twice in the week. Only near copies the import's record did not hold make it worth writing.
 */
export function pdqPassEndedRecord(now: AvoidedRecord | null, importEnded: AvoidedRecord | null): AvoidedRecord | null {
  if (now === null || importEnded === null) return now;
  if (now.nearCopyCount <= importEnded.nearCopyCount) return null;
  return { ...now, knownCount: importEnded.knownCount, duplicateCount: importEnded.duplicateCount };
}

/** Files spared in a period: known items and copies, summed after the once-only rule. */
export interface AvoidedCounts extends SparedCounts {
  files: number;
}

/**
 * Sums the avoided records whose instant is in [fromMs, toMs). The ledger holds no case id,
 * so a case is recognised by its known and identical counts, which its PDQ hashes do not
 * change: records with the same pair count once in the period, with the most near copies any
 * of them holds (the record written when the import ended has only the near copies found by
 * then, the one written when the PDQ pass ended has them all). Two different cases with the
 * same pair in one period count once too (the estimate errs low), and a case imported again
 * after its counts changed counts again (see docs/decisions/exposure-avoided.md).
 */
export function sumAvoided(records: readonly LedgerRecord[], fromMs: number, toMs: number): AvoidedCounts {
  const nearOfCase = new Map<string, AvoidedRecord>();
  for (const record of records) {
    if (record.type !== 'avoided' || record.atMs < fromMs || record.atMs >= toMs) continue;
    const key = `${record.knownCount}/${record.duplicateCount}`;
    const seen = nearOfCase.get(key);
    if (seen === undefined || record.nearCopyCount > seen.nearCopyCount) nearOfCase.set(key, record);
  }
  const sum: AvoidedCounts = { knownCount: 0, duplicateCount: 0, nearCopyCount: 0, files: 0 };
  for (const record of nearOfCase.values()) {
    sum.knownCount += record.knownCount;
    sum.duplicateCount += record.duplicateCount;
    sum.nearCopyCount += record.nearCopyCount;
  }
  sum.files = filesSpared(sum);
  return sum;
}
