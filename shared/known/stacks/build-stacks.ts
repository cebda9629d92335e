import { isHiddenPath } from '../../case/hidden-path.js';
import { PDQ_WORDS } from './hamming.js';
import { forEachNearPair } from './near-index.js';
import { createUnionFind } from './union-find.js';

/** Near duplicates by default: PDQ hashes at most 31 bits apart (Meta's recommended match threshold). */
export const DEFAULT_NEAR_THRESHOLD_BITS = 31;
/** Below this PDQ quality a picture is too flat (blank, near-uniform) for its hash to mean anything; it never stacks as near. */
export const MIN_PDQ_QUALITY = 50;

/** What stacking needs to know of an item; items come in the case's sort order. */
export interface StackItem {
  /** SHA-256 of the content: equal digests are exact duplicates. */
  sha256: string;
  /** Width × height in pixels; null when unknown, which ranks below any known size. */
  pixels: number | null;
  relativePath: string;
  /** The PDQ hash as eight unsigned 32-bit words, or null when there is none (a video, a picture that could not be decoded). */
  pdq: ArrayLike<number> | null;
  pdqQuality: number | null;
}

interface Stack {
  /** The item shown for the stack (an index into the items). */
  representative: number;
  /** Every item in the stack, representative included, in the case's order. */
  members: number[];
}

export interface Stacks {
  /** For each item, the index of its stack in `stacks`. */
  stackOf: Uint32Array;
  /** Every stack, in the order of their first members, so a one-item stack is there too: every item is in exactly one. */
  stacks: Stack[];
}

/**
 * Groups exact duplicates (same SHA-256) and near duplicates (PDQ within `thresholdBits`,
 * both of quality ≥ 50) into stacks, transitively: a chain of near pairs is one stack,
 * as a re-save of a re-save is still the same picture. Each stack is represented by its
 * largest picture in pixels; among equals a normally named file rather than a hidden one
 * (as for identical copies, see isHiddenPath); then the first in the case's order.
 * Throws a RangeError for a PDQ hash that is not eight words or a threshold outside 0–63.
 */
export function buildStacks(items: readonly StackItem[], thresholdBits = DEFAULT_NEAR_THRESHOLD_BITS): Stacks {
  const packed = packNearHashes(items);
  return stacksFromNearPairs(items, packed, (onPair) => forEachNearPair(packed.words, thresholdBits, onPair));
}

/** The PDQ hashes that may stack (quality ≥ 50), eight words per row, and the item each row came from. */
export interface PackedHashes {
  words: Uint32Array;
  itemOfRow: Uint32Array;
}

/**
 * Packs the items' PDQ hashes that may stack, so the near pairs can be found apart (e.g.
 * on other threads, see stacksFromNearPairs). Throws a RangeError for a hash that is not eight words.
 */
export function packNearHashes(items: readonly StackItem[]): PackedHashes {
  const eligible: number[] = [];
  items.forEach((item, at) => {
    if (item.pdq === null || item.pdqQuality === null || item.pdqQuality < MIN_PDQ_QUALITY) return;
    if (item.pdq.length !== PDQ_WORDS) throw new RangeError(`A PDQ hash is 8 words of 32 bits; item ${at} (${item.relativePath}) has ${item.pdq.length}.`);
    eligible.push(at);
  });
  const words = new Uint32Array(eligible.length * PDQ_WORDS);
  eligible.forEach((at, row) => words.set(items[at]!.pdq!, row * PDQ_WORDS));
  return { words, itemOfRow: Uint32Array.from(eligible) };
}

/**
 * The stacks as buildStacks makes them, given a way to list the near pairs of `packed`'s rows
 * (each pair at least once; a pair listed twice changes nothing).
 */
export function stacksFromNearPairs(
  items: readonly StackItem[],
  packed: PackedHashes,
  forEachPair: (onPair: (rowA: number, rowB: number) => void) => void,
): Stacks {
  const sets = createUnionFind(items.length);
  const firstWithDigest = new Map<string, number>();
  items.forEach((item, at) => {
    const first = firstWithDigest.get(item.sha256);
    if (first === undefined) firstWithDigest.set(item.sha256, at);
    else sets.union(first, at);
  });
  forEachPair((rowA, rowB) => sets.union(packed.itemOfRow[rowA]!, packed.itemOfRow[rowB]!));
  return collectStacks(items, sets.find);
}

function collectStacks(items: readonly StackItem[], find: (item: number) => number): Stacks {
  const stackOf = new Uint32Array(items.length);
  const stackOfRoot = new Map<number, number>();
  const stacks: Stack[] = [];
  for (let at = 0; at < items.length; at += 1) {
    const root = find(at);
    let stackIndex = stackOfRoot.get(root);
    if (stackIndex === undefined) {
      stackIndex = stacks.length;
      stackOfRoot.set(root, stackIndex);
      stacks.push({ representative: at, members: [] });
    }
    const stack = stacks[stackIndex]!;
    stack.members.push(at);
    // Members arrive in the case's order, so an equal candidate never displaces an earlier one.
    if (representsBetter(items[at]!, items[stack.representative]!)) stack.representative = at;
    stackOf[at] = stackIndex;
  }
  return { stackOf, stacks };
}

/** Whether `candidate` should represent its stack instead of `current`: more pixels, else not hidden where `current` is. */
function representsBetter(candidate: StackItem, current: StackItem): boolean {
  const candidatePixels = candidate.pixels ?? -1;
  const currentPixels = current.pixels ?? -1;
  if (candidatePixels !== currentPixels) return candidatePixels > currentPixels;
  return isHiddenPath(current.relativePath) && !isHiddenPath(candidate.relativePath);
}
