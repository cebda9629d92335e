/**
 * Near matches against the known library: an item's PDQ hash within a threshold of a PDQ
 * hash in an enabled set. The sets' hashes are indexed once (when sets change, see
 * near-tables.ts; in the app on a worker thread, near-index-client.ts), so one item costs
 * a few bucket probes, not a scan of every set hash.
 */
import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { HashSetScheme } from '../../../shared/known/hash-set-scheme.js';
import { pdqBitsFromHex } from '../../../shared/known/pdq/hash-hex.js';
import { DEFAULT_NEAR_THRESHOLD_BITS, MIN_PDQ_QUALITY } from '../../../shared/known/stacks/build-stacks.js';
import { PDQ_WORDS, popcount32 } from '../../../shared/known/stacks/hamming.js';
import { CHUNK_COUNT, chunkOf, masksWithin, MAX_THRESHOLD_BITS } from '../../../shared/known/stacks/near-index.js';
import type { KnownMaterialService } from './known-material-service.js';
import type { KnownPdq } from './known-queries.js';
import { buildNearTables, type NearTables } from './near-tables.js';

/** A near match as the item carries it, without its `type`. */
export type NearSetMatch = Omit<Extract<ItemMatch, { type: 'near' }>, 'type'>;

/** What a near match names of its set. */
export interface NearSet {
  setId: number;
  setName: string;
  scheme: HashSetScheme;
}

/** One set's PDQ hashes, in the set's own order. */
export interface NearMatchSource extends NearSet {
  hashes: Iterable<KnownPdq>;
}

export interface NearMatcher {
  /** Set hashes indexed (those too flat to match left out). */
  readonly hashCount: number;
  /**
   * The nearest set hash within `thresholdBits` (0–63, default 31) of an item's PDQ hash, or
   * null. Ties go to the lower distance, then the lower set id, then the set's earlier hash.
   * An item hash of quality under 50 (or unknown) never matches. Throws a RangeError for a
   * threshold outside 0–63 and an Error for a hash that is not 64 hex digits. With `keep`, only
   * the hashes of sets it keeps are considered (an index of sets some of which were removed since).
   */
  match(pdq: { hex: string; quality: number | null }, thresholdBits?: number, keep?: (set: NearSet) => boolean): NearSetMatch | null;
}

/** Distance between hash `row` of `words` and `query`, stopping once it exceeds `limit` (then some value > limit). */
function distanceToRow(words: Uint32Array, row: number, query: Uint32Array, limit: number): number {
  const at = row * PDQ_WORDS;
  let distance = 0;
  for (let w = 0; w < PDQ_WORDS; w += 1) {
    distance += popcount32((words[at + w]! ^ query[w]!) >>> 0);
    if (distance > limit) return distance;
  }
  return distance;
}

/**
 * The matcher over tables built from `sets`' hashes, the sets in ascending id order as
 * buildNearTables read them. Answering is cheap (a few hundred bucket probes), so it runs
 * wherever the tables are, the main side included.
 */
export function matcherOverTables(sets: readonly NearSet[], tables: NearTables): NearMatcher {
  const { words, sourceOfRow, categoryOfRow, categories, offsets, rowAt } = tables;
  return {
    hashCount: tables.count,
    match(pdq, thresholdBits = DEFAULT_NEAR_THRESHOLD_BITS, keep) {
      if (!Number.isInteger(thresholdBits) || thresholdBits < 0 || thresholdBits > MAX_THRESHOLD_BITS) {
        throw new RangeError(`The PDQ distance threshold is a whole number of bits from 0 to ${MAX_THRESHOLD_BITS}; got ${thresholdBits}.`);
      }
      const query = pdqBitsFromHex(pdq.hex);
      if (tables.count === 0 || pdq.quality === null || pdq.quality < MIN_PDQ_QUALITY) return null;
      // Pigeonhole, as in near-index.ts: a hash within t bits differs in ≤ ⌊t / 16⌋ bits in some chunk.
      const masks = masksWithin(Math.floor(thresholdBits / CHUNK_COUNT));
      let bestRow = -1;
      let bestDistance = thresholdBits + 1;
      const kept = keep && sets.map(keep);
      for (let chunk = 0; chunk < CHUNK_COUNT; chunk += 1) {
        const value = chunkOf(query, 0, chunk);
        const starts = offsets[chunk]!;
        const rows = rowAt[chunk]!;
        for (const mask of masks) {
          const bucket = value ^ mask;
          for (let p = starts[bucket]!, end = starts[bucket + 1]!; p < end; p += 1) {
            const row = rows[p]!;
            if (kept && !kept[sourceOfRow[row]!]) continue;
            // A row may be met through several chunks; ties keep the earliest row (lower set id, then the set's order).
            const distance = distanceToRow(words, row, query, bestDistance);
            if (distance < bestDistance || (distance === bestDistance && row < bestRow)) {
              bestDistance = distance;
              bestRow = row;
            }
          }
        }
      }
      if (bestRow < 0) return null;
      const set = sets[sourceOfRow[bestRow]!]!;
      const category = categoryOfRow[bestRow]!;
      return {
        setId: set.setId,
        setName: set.setName,
        scheme: set.scheme,
        category: category === 0 ? null : categories[category - 1]!,
        distance: bestDistance,
      };
    },
  };
}

/** The sets in the order the index reads them: ascending id. */
function inIndexOrder<T extends NearSet>(sets: Iterable<T>): T[] {
  return [...sets].sort((a, b) => a.setId - b.setId);
}

/**
 * Indexes the sets' PDQ hashes on this thread. Memory: 4 MB of bucket tables plus about
 * 100 bytes per hash; a million hashes take seconds, so the app builds on a worker thread.
 */
export function buildNearMatcher(sources: Iterable<NearMatchSource>): NearMatcher {
  const ordered = inIndexOrder(sources);
  return matcherOverTables(ordered, buildNearTables(ordered.map((source) => source.hashes)));
}

/** The library's enabled sets that hold PDQ hashes, in index order. */
export function nearSetsOf(known: Pick<KnownMaterialService, 'listHashSets'>): NearSet[] {
  const sets = known.listHashSets().filter((set) => set.enabled && (set.hashCounts.pdq ?? 0) > 0);
  return inIndexOrder(sets.map((set) => ({ setId: set.setId, setName: set.name, scheme: set.scheme })));
}

/** The near matcher of the library's enabled sets, read and indexed now on this thread (call it again when sets change). */
export function nearMatcherFromLibrary(known: Pick<KnownMaterialService, 'listHashSets' | 'pdqHashes'>): NearMatcher {
  // The hashes are streamed (a generator starts its query when first read); buildNearTables reads
  // each set to the end before the next, as the library's connection serves one query at a time.
  return buildNearMatcher(nearSetsOf(known).map((set) => ({ ...set, hashes: known.pdqHashes(set.setId) })));
}
