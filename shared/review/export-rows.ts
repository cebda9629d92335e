import type { MediaItem } from '../case/media-item.js';
import { categoryFromMatch, type CaseScheme } from './category-scheme.js';
import type { CategoryCode } from './decision-event.js';

/** What an export needs of an item; a MediaItem has all of it. */
export type ExportItem = Pick<MediaItem, 'id' | 'relativePath' | 'duplicatePaths' | 'md5' | 'sha1' | 'sizeBytes' | 'stackId' | 'match'>;

/** One file of the case with its category: one VICS Media record, one CSV line. */
export interface ExportRow {
  path: string;
  md5: string;
  sha1: string;
  sizeBytes: number;
  category: string;
  /** The hash set's name when the category came with a known match; null when a person decided it. */
  precategorisedBy: string | null;
  /** The file's note, only when notes were asked for. */
  comment: string | null;
}

/** Per category: items to review the investigator categorised, and known items their set categorised. */
export interface CategoryTally {
  reviewed: number;
  known: number;
}

export interface ExportRows {
  rows: ExportRow[];
  /** Category code → counts, for the summary. */
  byCategory: Map<string, CategoryTally>;
  /** Items to review (stack representatives not known) that have a category, and those still without. */
  reviewedCount: number;
  toReviewCount: number;
}

function firstDecided(paths: readonly string[], decided: ReadonlyMap<string, CategoryCode>): CategoryCode {
  for (const path of paths) {
    const code = decided.get(path);
    if (code !== undefined && code !== null) return code;
  }
  return null;
}

function tally(byCategory: Map<string, CategoryTally>, code: string, kind: keyof CategoryTally): void {
  const counts = byCategory.get(code) ?? { reviewed: 0, known: 0 };
  counts[kind] += 1;
  byCategory.set(code, counts);
}

/**
 * The export's records from the case's items and each path's latest decision, in one pass
 * plus one over stack representatives. A stack decision covers every file of the stack, copies
 * that joined after it included (as the review counts them); a known item keeps its set's
 * category and is marked precategorised with the set's name, unless it was overruled. Files with no category are left out.
 */
export function exportRows(
  items: readonly ExportItem[],
  decided: ReadonlyMap<string, CategoryCode>,
  scheme: CaseScheme,
  notes: ReadonlyMap<string, string> | null,
): ExportRows {
  const stackCategory = new Map<string, string>();
  const ownCategory = (item: ExportItem) => firstDecided([item.relativePath, ...item.duplicatePaths], decided);
  // The representative's own decision names the stack; a member's fills in when it has none.
  for (const representsFirst of [true, false]) {
    for (const item of items) {
      if ((item.stackId === item.id) !== representsFirst || stackCategory.has(item.stackId) || categoryFromMatch(scheme, item.match) !== null) continue;
      const own = ownCategory(item);
      if (own !== null) stackCategory.set(item.stackId, own);
    }
  }
  const rows: ExportRow[] = [];
  const byCategory = new Map<string, CategoryTally>();
  let reviewedCount = 0;
  let toReviewCount = 0;
  // A known item keeps its set's category until the investigator overrules it (with a typed reason):
  // then the record's latest line for the file, even "no category", is what is exported.
  const knownCategory = (path: string, fromSet: string): CategoryCode => {
    const latest = decided.get(path);
    return latest === undefined ? fromSet : latest;
  };
  for (const item of items) {
    const fromSet = categoryFromMatch(scheme, item.match);
    const itemCategory = fromSet !== null ? knownCategory(item.relativePath, fromSet) : (ownCategory(item) ?? stackCategory.get(item.stackId) ?? null);
    const isKnown = item.match?.type === 'known';
    if (isKnown && itemCategory !== null) tally(byCategory, itemCategory, 'known');
    if (!isKnown && item.stackId === item.id) {
      toReviewCount += 1;
      if (itemCategory !== null) {
        reviewedCount += 1;
        tally(byCategory, itemCategory, 'reviewed');
      }
    }
    for (const path of [item.relativePath, ...item.duplicatePaths]) {
      const category = fromSet !== null ? knownCategory(path, fromSet) : (decided.get(path) ?? itemCategory);
      if (category === null) continue;
      rows.push({
        path,
        md5: item.md5,
        sha1: item.sha1,
        sizeBytes: item.sizeBytes,
        category,
        precategorisedBy: fromSet !== null && category === fromSet && item.match ? item.match.setName : null,
        comment: notes?.get(path) ?? null,
      });
    }
  }
  return { rows, byCategory, reviewedCount, toReviewCount };
}
