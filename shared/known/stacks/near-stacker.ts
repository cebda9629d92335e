import { distanceWithin, PDQ_WORDS } from './hamming.js';
import { CHUNK_COUNT, chunkOf, firstChunkWithin, masksWithin, MAX_THRESHOLD_BITS } from './near-index.js';
import { createGrowingUnionFind } from './union-find.js';

/**
 * Near-duplicate groups that grow as PDQ hashes arrive one at a time (from thumbnails and
 * the background pass), keyed by the caller's ids. Groups only ever merge.
 */
export interface NearStacker {
  readonly thresholdBits: number;
  /**
   * Adds a hash (eight unsigned 32-bit words) under `key`; it joins the group of every hash
   * already added within the threshold, transitively. Returns true when a group grew.
   * A key added before is ignored (false). Throws a RangeError for a hash that is not eight words.
   */
  add(key: string, bits: ArrayLike<number>): boolean;
  /** The keys in `key`'s group (itself included) in the order they were added; empty for a key never added. */
  groupOf(key: string): readonly string[];
  /** Every group of more than one key, each as groupOf gives it. */
  groupsOfMany(): Iterable<readonly string[]>;
  /** Bits between the hashes of two keys added, or null when either was never added. */
  distanceBits(keyA: string, keyB: string): number | null;
}

/**
 * A NearStacker for a threshold of 0–63 bits. It is the incremental form of buildStacks's
 * near pairs: the same multi-index search (near-index.ts), kept as sixteen tables from each
 * chunk's value to the rows holding it, so a new hash probes only its buckets and those
 * within ⌊t / 16⌋ bits, never every hash before it. A pair is compared once, in the first
 * chunk where it is within that radius. Throws a RangeError for a threshold outside 0–63.
 */
export function createNearStacker(thresholdBits: number): NearStacker {
  if (!Number.isInteger(thresholdBits) || thresholdBits < 0 || thresholdBits > MAX_THRESHOLD_BITS) {
    throw new RangeError(`The PDQ distance threshold is a whole number of bits from 0 to ${MAX_THRESHOLD_BITS}; got ${thresholdBits}.`);
  }
  const radius = Math.floor(thresholdBits / CHUNK_COUNT);
  const masks = masksWithin(radius);
  const tables = Array.from({ length: CHUNK_COUNT }, () => new Map<number, number[]>());
  const sets = createGrowingUnionFind();
  const keys: string[] = [];
  const rowOfKey = new Map<string, number>();
  /** The rows of each group, by the group's root. */
  const rowsOfRoot = new Map<number, number[]>();
  /**
   * The first row with each exact hash. A picture copied many times with other metadata (or
   * other bytes, same pixels) repeats one hash: a repeat joins that row and stays out of the
   * tables, since it has the same neighbours, so a bucket never fills with thousands of equal rows.
   */
  const rowOfHash = new Map<string, number>();
  let words = new Uint32Array(PDQ_WORDS * 64);

  function store(row: number, bits: ArrayLike<number>): void {
    if ((row + 1) * PDQ_WORDS > words.length) {
      const grown = new Uint32Array(words.length * 2);
      grown.set(words);
      words = grown;
    }
    for (let w = 0; w < PDQ_WORDS; w += 1) words[row * PDQ_WORDS + w] = bits[w]! >>> 0;
  }

  function join(a: number, b: number): boolean {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) return false;
    sets.union(ra, rb);
    const root = sets.find(ra);
    const merged = mergeAscending(rowsOfRoot.get(ra)!, rowsOfRoot.get(rb)!);
    rowsOfRoot.delete(ra);
    rowsOfRoot.delete(rb);
    rowsOfRoot.set(root, merged);
    return true;
  }

  return {
    thresholdBits,
    add(key, bits) {
      if (bits.length !== PDQ_WORDS) throw new RangeError(`A PDQ hash is 8 words of 32 bits; ${key} has ${bits.length}.`);
      if (rowOfKey.has(key)) return false;
      const row = sets.add();
      keys.push(key);
      rowOfKey.set(key, row);
      rowsOfRoot.set(row, [row]);
      store(row, bits);
      const hashKey = words.subarray(row * PDQ_WORDS, (row + 1) * PDQ_WORDS).join(',');
      const same = rowOfHash.get(hashKey);
      if (same !== undefined) return join(row, same);
      rowOfHash.set(hashKey, row);
      let grew = false;
      for (let chunk = 0; chunk < CHUNK_COUNT; chunk += 1) {
        const value = chunkOf(words, row, chunk);
        for (const mask of masks) {
          for (const other of tables[chunk]!.get(value ^ mask) ?? []) {
            if (firstChunkWithin(words, row, other, radius) !== chunk) continue;
            if (distanceWithin(words, row, other, thresholdBits) <= thresholdBits && join(row, other)) grew = true;
          }
        }
      }
      for (let chunk = 0; chunk < CHUNK_COUNT; chunk += 1) {
        const value = chunkOf(words, row, chunk);
        const bucket = tables[chunk]!.get(value);
        if (bucket) bucket.push(row);
        else tables[chunk]!.set(value, [row]);
      }
      return grew;
    },
    groupOf(key) {
      const row = rowOfKey.get(key);
      if (row === undefined) return [];
      return rowsOfRoot.get(sets.find(row))!.map((member) => keys[member]!);
    },
    distanceBits(keyA, keyB) {
      const a = rowOfKey.get(keyA);
      const b = rowOfKey.get(keyB);
      return a === undefined || b === undefined ? null : distanceWithin(words, a, b, PDQ_WORDS * 32);
    },
    *groupsOfMany() {
      for (const rows of rowsOfRoot.values()) if (rows.length > 1) yield rows.map((member) => keys[member]!);
    },
  };
}

/** Two ascending lists as one, in one pass: a picture joining a stack of thousands costs no sort. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
