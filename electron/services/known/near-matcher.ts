/**
 * Near matches against the known library: an item's PDQ hash within a threshold of a PDQ
 * hash in an enabled set. The sets' hashes are indexed once (when sets change) with the
 * multi-index scheme of shared/known/stacks/near-index.ts, so one item costs a few bucket
 * probes, not a scan of every set hash.
 */
import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { HashSetScheme } from '../../../shared/known/hash-set-scheme.js';
import { pdqBitsFromHex } from '../../../shared/known/pdq/hash-hex.js';
import { DEFAULT_NEAR_THRESHOLD_BITS, MIN_PDQ_QUALITY } from '../../../shared/known/stacks/build-stacks.js';
import { PDQ_WORDS, popcount32 } from '../../../shared/known/stacks/hamming.js';
import { CHUNK_COUNT, chunkOf, masksWithin, MAX_THRESHOLD_BITS } from '../../../shared/known/stacks/near-index.js';
import type { KnownMaterialService } from './known-material-service.js';
import type { KnownPdq } from './known-queries.js';

/** A near match as the item carries it, without its `type`. */
export type NearSetMatch = Omit<Extract<ItemMatch, { type: 'near' }>, 'type'>;

/** One set's PDQ hashes, in the set's own order. */
export interface NearMatchSource {
  setId: number;
  setName: string;
  scheme: HashSetScheme;
  hashes: Iterable<KnownPdq>;
}

export interface NearMatcher {
  /** Set hashes indexed (those too flat to match left out). */
  readonly hashCount: number;
  /**
   * The nearest set hash within `thresholdBits` (0–63, default 31) of an item's PDQ hash, or
   * null. Ties go to the lower distance, then the lower set id, then the set's earlier hash.
   * An item hash of quality under 50 (or unknown) never matches. Throws a RangeError for a
   * threshold outside 0–63 and an Error for a hash that is not 64 hex digits.
   */
  match(pdq: { hex: string; quality: number | null }, thresholdBits?: number): NearSetMatch | null;
}

const BUCKETS = 1 << 16;
const PDQ_BYTES = 32;

/**
 * Whether a set's hash takes part (a malformed one never does, see packHex). A set hash of quality under 50 is left out, as PDQ's
 * authors advise for any hash; one of unknown quality is kept, because many lists carry no
 * quality at all (a plain list of PDQ hashes) and their makers have usually filtered already.
 */
function indexable(hash: KnownPdq): boolean {
  return hash.quality === null || hash.quality >= MIN_PDQ_QUALITY;
}

/**
 * Writes a PDQ hash given as hex into `words` at `row`, as pdqBitsFromHex would (word 0 the
 * last eight digits), or returns false for anything but 64 hex digits. Node's hex decoder
 * makes reading a million-hash set several times faster than parsing it word by word.
 */
function packHex(hex: string, words: Uint32Array, row: number): boolean {
  const bytes = Buffer.from(hex, 'hex');
  // The decoder stops at the first non-hex digit, so a short result is a malformed hash.
  if (hex.length !== 2 * PDQ_BYTES || bytes.length !== PDQ_BYTES) return false;
  for (let w = 0; w < PDQ_WORDS; w += 1) words[row * PDQ_WORDS + w] = bytes.readUInt32BE(PDQ_BYTES - 4 * (w + 1));
  return true;
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

/** Per chunk, the rows sorted by that chunk's value (a stable counting sort) and where each bucket starts. */
function chunkTables(words: Uint32Array, count: number): { offsets: Uint32Array[]; rowAt: Uint32Array[] } {
  const offsets: Uint32Array[] = [];
  const rowAt: Uint32Array[] = [];
  for (let chunk = 0; chunk < CHUNK_COUNT; chunk += 1) {
    const starts = new Uint32Array(BUCKETS + 1);
    for (let row = 0; row < count; row += 1) starts[chunkOf(words, row, chunk) + 1]! += 1;
    for (let b = 0; b < BUCKETS; b += 1) starts[b + 1]! += starts[b]!;
    const fill = starts.slice(0, BUCKETS);
    const rows = new Uint32Array(count);
    for (let row = 0; row < count; row += 1) {
      const b = chunkOf(words, row, chunk);
      rows[fill[b]!] = row;
      fill[b]! += 1;
    }
    offsets.push(starts);
    rowAt.push(rows);
  }
  return { offsets, rowAt };
}

/**
 * Indexes the sets' PDQ hashes (see `indexable` for which). Memory: 4 MB of bucket tables
 * plus about 100 bytes per hash; a million hashes take about 100 MB and a second or two to
 * read and index, so build it once per change of the enabled sets, not per item.
 */
export function buildNearMatcher(sources: Iterable<NearMatchSource>): NearMatcher {
  const ordered = [...sources].sort((a, b) => a.setId - b.setId);
  // Grown by doubling: a plain array of numbers would take several times the memory on the way.
  let words = new Uint32Array(PDQ_WORDS * 1024);
  const sourceOfRow: number[] = [];
  const categoryOfRow: (string | null)[] = [];
  // A set has a handful of categories but each row reads its own copy of the text: keep one of each.
  const categories = new Map<string, string>();
  const intern = (category: string | null): string | null => {
    if (category === null) return null;
    const known = categories.get(category);
    if (known !== undefined) return known;
    categories.set(category, category);
    return category;
  };
  for (const [index, source] of ordered.entries()) {
    for (const hash of source.hashes) {
      if (!indexable(hash)) continue;
      const row = sourceOfRow.length;
      if ((row + 1) * PDQ_WORDS > words.length) {
        const grown = new Uint32Array(words.length * 2);
        grown.set(words);
        words = grown;
      }
      if (!packHex(hash.pdq, words, row)) continue;
      sourceOfRow.push(index);
      categoryOfRow.push(intern(hash.category));
    }
  }
  const count = sourceOfRow.length;
  const tables = count === 0 ? null : chunkTables(words, count);

  return {
    hashCount: count,
    match(pdq, thresholdBits = DEFAULT_NEAR_THRESHOLD_BITS) {
      if (!Number.isInteger(thresholdBits) || thresholdBits < 0 || thresholdBits > MAX_THRESHOLD_BITS) {
        throw new RangeError(`The PDQ distance threshold is a whole number of bits from 0 to ${MAX_THRESHOLD_BITS}; got ${thresholdBits}.`);
      }
      const query = pdqBitsFromHex(pdq.hex);
      if (tables === null || pdq.quality === null || pdq.quality < MIN_PDQ_QUALITY) return null;
      // Pigeonhole, as in near-index.ts: a hash within t bits differs in ≤ ⌊t / 16⌋ bits in some chunk.
      const masks = masksWithin(Math.floor(thresholdBits / CHUNK_COUNT));
      let bestRow = -1;
      let bestDistance = thresholdBits + 1;
      for (let chunk = 0; chunk < CHUNK_COUNT; chunk += 1) {
        const value = chunkOf(query, 0, chunk);
        const starts = tables.offsets[chunk]!;
        const rows = tables.rowAt[chunk]!;
        for (const mask of masks) {
          const bucket = value ^ mask;
          for (let p = starts[bucket]!, end = starts[bucket + 1]!; p < end; p += 1) {
            const row = rows[p]!;
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
      const source = ordered[sourceOfRow[bestRow]!]!;
      return { setId: source.setId, setName: source.setName, scheme: source.scheme, category: categoryOfRow[bestRow] ?? null, distance: bestDistance };
    },
  };
}

/** The near matcher of the library's enabled sets, read now (call it again when sets change). */
export function nearMatcherFromLibrary(known: Pick<KnownMaterialService, 'listHashSets' | 'pdqHashes'>): NearMatcher {
  const sets = known.listHashSets().filter((set) => set.enabled && (set.hashCounts.pdq ?? 0) > 0);
  // The hashes are streamed (a generator starts its query when first read); buildNearMatcher reads
  // each set to the end before the next, as the library's connection serves one query at a time.
  return buildNearMatcher(sets.map((set) => ({ setId: set.setId, setName: set.name, scheme: set.scheme, hashes: known.pdqHashes(set.setId) })));
}
