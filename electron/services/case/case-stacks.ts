import type { MediaItem } from '../../../shared/case/media-item.js';
import { MIN_PDQ_QUALITY } from '../../../shared/known/item-match.js';
import { pdqBitsFromHex } from '../../../shared/known/pdq/hash-hex.js';
import { createNearStacker, type NearStacker } from '../../../shared/known/stacks/near-stacker.js';
import { pixelsOf, representativeOf } from '../../../shared/known/stacks/stack-representative.js';
import { markItemsChanged, type CaseIndex } from './case-index.js';
import { compareRelativePaths } from './natural-order.js';

/** A file of a stack as the investigator reads it when opening the stack. */
export interface StackMember {
  item: MediaItem;
  /** PDQ bits between this item and the representative; 0 for the representative itself. */
  distanceBits: number;
}

export interface CaseStacks {
  readonly thresholdBits: number;
  /**
   * An item's PDQ hash arrived: it joins the near stacks within the threshold (quality ≥ 50
   * only). True when a stack grew; the index's version is then bumped, since views change.
   */
  addPdq(item: MediaItem): boolean;
  /**
   * Brings the near stacks' representatives, `stackId` and `stackSize` up to date before
   * anything reads the items: the stacks that grew since the last time, or every stack when
   * something else changed the index (a copy folded in, a match found or lost, a hidden name
   * replaced). Every read settles first, so the change that made a stack stale has already
   * bumped the version (and the rewrites) the reader sees.
   */
  settle(): void;
  /** The items of `itemId`'s near stack, representative first, then in the case's order; empty when it is in none. */
  members(itemId: string): StackMember[];
}

/**
 * Near-duplicate stacks over a case's items. An item already stands for its exact copies
 * (same SHA-256, folded in by the import), so a near stack joins items, and its size counts
 * every file: each member and its exact copies. Items outside any near stack keep the stack
 * the import gave them. A known item (exact match in an enabled set) stays in its stack and
 * is counted there, but never represents it while another member can (representativeOf),
 * so its near copies are still reviewed through their representative.
 */
export function createCaseStacks(index: CaseIndex, thresholdBits: number): CaseStacks {
  const stacker: NearStacker = createNearStacker(thresholdBits);
  /** The index's rewrites at the last settle; a different count means something else changed items (appending new ones does not). */
  let settledRewrites = -1;
  /** An item of each stack that grew since the last settle. */
  const grown = new Set<string>();

  function itemsOf(keys: readonly string[]): MediaItem[] {
    return keys.flatMap((key) => index.itemsById.get(key) ?? []);
  }

  function representativeIn(items: readonly MediaItem[]): MediaItem {
    const candidates = items.map((item) => ({
      item,
      relativePath: item.relativePath,
      pixels: pixelsOf(item),
      sizeBytes: item.sizeBytes,
      known: item.match?.type === 'known',
    }));
    return items[representativeOf(candidates, (a, b) => compareRelativePaths(a.relativePath, b.relativePath))]!;
  }

  /** Each stack that grew since the last settle, once. */
  function grownGroups(): Iterable<readonly string[]> {
    const byFirst = new Map<string, readonly string[]>();
    for (const key of grown) {
      const group = stacker.groupOf(key);
      byFirst.set(group[0]!, group);
    }
    return byFirst.values();
  }

  return {
    thresholdBits,
    addPdq(item) {
      // Read once: a CaseItem makes its hex from the case's DigestTable at every read.
      const pdq = item.pdq;
      if (pdq === null || item.pdqQuality === null || item.pdqQuality < MIN_PDQ_QUALITY) return false;
      if (!stacker.add(item.id, pdqBitsFromHex(pdq))) return false;
      grown.add(item.id);
      const upToDate = settledRewrites === index.rewrites;
      markItemsChanged(index);
      // Only this stack changed: the next settle need not go through every stack.
      if (upToDate) settledRewrites = index.rewrites;
      return true;
    },
    settle() {
      const everything = settledRewrites !== index.rewrites;
      if (!everything && grown.size === 0) return;
      const groups = everything ? stacker.groupsOfMany() : grownGroups();
      grown.clear();
      settledRewrites = index.rewrites;
      for (const keys of groups) {
        const items = itemsOf(keys);
        const representative = representativeIn(items);
        const size = items.reduce((files, item) => files + 1 + item.duplicatePaths.length, 0);
        for (const item of items) {
          item.stackId = representative.id;
          item.stackSize = size;
        }
      }
    },
    members(itemId) {
      const keys = stacker.groupOf(itemId);
      if (keys.length < 2) return [];
      const items = itemsOf(keys).sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath));
      const representative = representativeIn(items);
      const ordered = [representative, ...items.filter((item) => item !== representative)];
      return ordered.map((item) => ({ item, distanceBits: stacker.distanceBits(representative.id, item.id) ?? 0 }));
    },
  };
}

/**
 * The case's near stacks made again for a new threshold (the setting changed): stacks only
 * ever merge, so a smaller threshold must start over. Every item is first given back the
 * stack the import made (itself and its exact copies), then the hashes are added again.
 */
export function restackCase(index: CaseIndex, thresholdBits: number): CaseStacks {
  const stacks = createCaseStacks(index, thresholdBits);
  let changed = false;
  for (const item of index.items) {
    const ownSize = 1 + item.duplicatePaths.length;
    if (item.stackId !== item.id || item.stackSize !== ownSize) changed = true;
    item.stackId = item.id;
    item.stackSize = ownSize;
    stacks.addPdq(item);
  }
  if (changed) markItemsChanged(index);
  return stacks;
}
