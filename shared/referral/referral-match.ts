import { readingKeys } from './manifest-collector.js';
import { mergeReadings } from './referral-merge.js';
import type { ReferralEntry } from './referral-entry.js';

/** What matching needs of a case item: where its copies are and its digests (lower-case hex). */
interface MatchableItem {
  relativePath: string;
  duplicatePaths: readonly string[];
  md5: string;
  sha1: string;
  sha256: string;
}

export interface ReferralIndex {
  /** The referral's reading of this item, or null when the manifest does not name it. */
  readingFor(item: MatchableItem): ReferralEntry | null;
}

/**
 * Looks items up in a manifest's readings by any of their paths (a duplicate's path counts:
 * same bytes) or digests. An item named by several readings (one by path, one by digest)
 * gets them merged, the stronger winning, as a file named twice in one manifest does.
 */
export function indexReadings(entries: readonly ReferralEntry[]): ReferralIndex {
  const byKey = new Map<string, ReferralEntry[]>();
  for (const entry of entries)
    for (const key of readingKeys(entry)) {
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
  return {
    readingFor(item) {
      const keys = [item.relativePath, ...item.duplicatePaths].map((path) => `path:${path}`);
      keys.push(`md5:${item.md5}`, `sha1:${item.sha1}`, `sha256:${item.sha256}`);
      const found = new Set<ReferralEntry>();
      for (const key of keys) for (const entry of byKey.get(key) ?? []) found.add(entry);
      let merged: ReferralEntry | null = null;
      for (const entry of found) merged = merged === null ? entry : mergeReadings(merged, entry);
      return merged;
    },
  };
}
