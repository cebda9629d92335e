import { mergeReadings } from './referral-merge.js';
import type { ManifestBadRow, ManifestSink, ReferralEntry } from './referral-entry.js';

/** The keys one reading names its file by; two readings sharing any key are the same file. */
export function readingKeys(entry: ReferralEntry): string[] {
  const keys: string[] = [];
  if (entry.path !== null) keys.push(`path:${entry.path}`);
  if (entry.md5 !== null) keys.push(`md5:${entry.md5}`);
  if (entry.sha1 !== null) keys.push(`sha1:${entry.sha1}`);
  if (entry.sha256 !== null) keys.push(`sha256:${entry.sha256}`);
  return keys;
}

export interface ManifestCollector extends ManifestSink {
  entries(): ReferralEntry[];
  badRows(): ManifestBadRow[];
  badRowCount(): number;
}

/**
 * Keeps a manifest's readings, one per file: a file named twice is listed as `named-twice`
 * at its second line and the two readings merge, the stronger winning (see mergeReadings).
 * Memory grows with the files named, never with the manifest's size; at most `maxListed`
 * bad rows are kept, the count covers the rest.
 */
export function createManifestCollector(maxListed: number): ManifestCollector {
  const byKey = new Map<string, number>();
  const kept: ReferralEntry[] = [];
  const listed: ManifestBadRow[] = [];
  let count = 0;
  const bad = (row: ManifestBadRow) => {
    count += 1;
    if (listed.length < maxListed) listed.push(row);
  };
  return {
    entry(entry, placeKind) {
      const keys = readingKeys(entry);
      const index = keys.map((key) => byKey.get(key)).find((found) => found !== undefined);
      if (index === undefined) {
        kept.push(entry);
        for (const key of keys) byKey.set(key, kept.length - 1);
        return;
      }
      const first = kept[index];
      if (first === undefined) return;
      bad({ place: entry.place, placeKind, reason: 'named-twice', firstPlace: first.place });
      kept[index] = mergeReadings(first, entry);
      for (const key of readingKeys(entry)) if (!byKey.has(key)) byKey.set(key, index);
    },
    bad,
    entries: () => kept,
    badRows: () => listed,
    badRowCount: () => count,
  };
}
