import { setImmediate } from 'node:timers/promises';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { ItemMatch } from '../../../shared/known/item-match.js';
import { markItemsChanged, type CaseIndex } from './case-index.js';
import type { ItemDigests } from './case-import.js';

/** Items matched per turn of the event loop: three index probes and a near-index query each (tens of µs with a million library hashes). */
const REMATCH_SLICE = 100;

/**
 * Matches every item of a case again (hash sets were imported, removed, turned on or off),
 * in slices so the main side's loop is never held for long. An exact match wins; without one,
 * an item whose PDQ is known is near-matched again.
 * Items listed meanwhile were matched against the new sets when listed. Resolves with how
 * many items changed; stops early, keeping what it did, when `stillWanted` turns false.
 */
export async function rematchKnown(
  index: CaseIndex,
  matchKnown: (digests: ItemDigests) => ItemMatch | null,
  matchNear: (item: MediaItem) => ItemMatch | null,
  stillWanted: () => boolean,
): Promise<number> {
  let changed = 0;
  const count = index.items.length;
  for (let start = 0; start < count; start += REMATCH_SLICE) {
    if (start > 0) await setImmediate();
    if (!stillWanted()) break;
    for (const item of index.items.slice(start, start + REMATCH_SLICE)) {
      const exact = matchKnown(item);
      const next = exact ?? matchNear(item);
      if (sameMatch(item.match, next)) continue;
      item.match = next;
      changed += 1;
    }
  }
  if (changed > 0) markItemsChanged(index);
  return changed;
}

/** True when two matches say the same thing (set, category, and how or how near). */
export function sameMatch(a: ItemMatch | null, b: ItemMatch | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.setId !== b.setId || a.setName !== b.setName || a.scheme !== b.scheme || a.category !== b.category) return false;
  if (a.type === 'known') return b.type === 'known' && a.matchedBy === b.matchedBy;
  return b.type === 'near' && a.distance === b.distance;
}
