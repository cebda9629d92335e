import { distanceWithin, PDQ_WORDS, popcount32 } from './hamming.js';

/** The largest distance a PDQ threshold may be (the setting is 0–63 bits). */
export const MAX_THRESHOLD_BITS = 63;

/** Each 256-bit hash is cut into 16 chunks of 16 bits; each chunk's value is a bucket. */
export const CHUNK_COUNT = 16;
const ALL_CHUNKS: readonly number[] = Array.from({ length: CHUNK_COUNT }, (_, c) => c);
const CHUNK_BITS = 16;
const BUCKETS = 1 << CHUNK_BITS;

/** The 16-bit value of chunk `chunk` (0–15) of hash `row`. */
export function chunkOf(words: Uint32Array, row: number, chunk: number): number {
  const word = words[row * PDQ_WORDS + (chunk >>> 1)]!;
  return chunk & 1 ? word >>> 16 : word & 0xffff;
}

/** Every 16-bit mask with at most `radius` bits set, 0 first (1, 17, 137 or 697 masks for radius 0–3). */
export function masksWithin(radius: number): number[] {
  const masks = [0];
  // Each mask with k bits grows into masks with k + 1 by adding one bit above its highest, so none repeats.
  let previous = [0];
  for (let bits = 1; bits <= radius; bits += 1) {
    const next: number[] = [];
    for (const mask of previous) for (let bit = 32 - Math.clz32(mask); bit < CHUNK_BITS; bit += 1) next.push(mask | (1 << bit));
    masks.push(...next);
    previous = next;
  }
  return masks;
}

/** Scratch space for one chunk's pass, reused from chunk to chunk: about 36 bytes per hash. */
interface ChunkOrder {
  /** Bucket b holds sorted positions offsets[b] up to offsets[b + 1]. */
  readonly offsets: Uint32Array;
  /** The original row at each sorted position. */
  readonly rowAt: Uint32Array;
  /** The hashes copied in sorted order, so a bucket's hashes lie side by side in memory. */
  readonly sortedWords: Uint32Array;
}

/** Sorts the rows by one chunk's value (a counting sort, stable, so rows in a bucket stay ascending) and copies their hashes in that order. */
function sortByChunk(words: Uint32Array, count: number, chunk: number, order: ChunkOrder): void {
  const { offsets, rowAt, sortedWords } = order;
  offsets.fill(0);
  for (let row = 0; row < count; row += 1) offsets[chunkOf(words, row, chunk) + 1]! += 1;
  for (let b = 0; b < BUCKETS; b += 1) offsets[b + 1]! += offsets[b]!;
  const fill = offsets.slice(0, BUCKETS);
  for (let row = 0; row < count; row += 1) {
    const b = chunkOf(words, row, chunk);
    rowAt[fill[b]!] = row;
    fill[b]! += 1;
  }
  for (let p = 0; p < count; p += 1) {
    const from = rowAt[p]! * PDQ_WORDS;
    for (let w = 0; w < PDQ_WORDS; w += 1) sortedWords[p * PDQ_WORDS + w] = words[from + w]!;
  }
}

/**
 * Calls `onPair(i, j, distance)` once for every pair of rows i < j of `words` (n × 8
 * unsigned words, one PDQ hash per row) at most `thresholdBits` apart, without comparing
 * all pairs: a multi-index search (Norouzi, Punjani and Fleet, "Fast search in Hamming
 * space with multi-index hashing", 2012). Pigeonhole: two hashes ≤ t bits apart over 16
 * chunks of 16 bits differ in ≤ ⌊t / 16⌋ bits in at least one chunk. So, chunk by chunk,
 * the rows are bucketed by that chunk's value and each bucket is compared only with itself
 * and the buckets within that radius, on all 256 bits. A pair found through several chunks
 * is reported only at the first chunk within the radius, so nothing remembers seen pairs.
 *
 * Chunk by chunk (rather than 16 tables queried row by row) keeps memory at about 36 bytes
 * per hash beyond `words`, and lets each comparison read hashes that lie side by side
 * instead of jumping through memory (that was 5× slower at 100,000 hashes).
 * `chunks` selects which of the 16 chunk passes to run, so the work can be split between
 * threads; the union over all 16 is every pair, each exactly once.
 *
 * Cost: probe radius 0 for t ≤ 15, 1 for 16–31 (each bucket meets 16 others), 2 for
 * 32–47 (136), 3 for 48–63 (696): larger thresholds are correct but far slower, near
 * brute force for large n at t ≥ 48. Throws a RangeError for a threshold outside 0–63
 * or a length that is not a whole number of hashes.
 */
export function forEachNearPair(
  words: Uint32Array,
  thresholdBits: number,
  onPair: (i: number, j: number, distanceBits: number) => void,
  chunks: readonly number[] = ALL_CHUNKS,
): void {
  if (!Number.isInteger(thresholdBits) || thresholdBits < 0 || thresholdBits > MAX_THRESHOLD_BITS) {
    throw new RangeError(`The PDQ distance threshold is a whole number of bits from 0 to ${MAX_THRESHOLD_BITS}; got ${thresholdBits}.`);
  }
  if (words.length % PDQ_WORDS !== 0) throw new RangeError(`PDQ hashes come as 8 words each; got ${words.length} words.`);
  const count = words.length / PDQ_WORDS;
  const radius = Math.floor(thresholdBits / CHUNK_COUNT);
  const masks = masksWithin(radius);
  const order: ChunkOrder = { offsets: new Uint32Array(BUCKETS + 1), rowAt: new Uint32Array(count), sortedWords: new Uint32Array(words.length) };
  for (const chunk of chunks) {
    sortByChunk(words, count, chunk, order);
    const { offsets, rowAt, sortedWords } = order;
    const report = (p: number, q: number, distance: number): void => {
      const i = rowAt[p]!;
      const j = rowAt[q]!;
      if (firstChunkWithin(words, i, j, radius) === chunk) onPair(Math.min(i, j), Math.max(i, j), distance);
    };
    // Visits only the buckets that hold rows (a small case does not walk 65,536 empty ones).
    for (let start = 0, end = 0; start < count; start = end) {
      const b = chunkOf(sortedWords, start, chunk);
      end = offsets[b + 1]!;
      for (let p = start; p < end; p += 1) {
        for (let q = p + 1; q < end; q += 1) {
          const distance = distanceWithin(sortedWords, p, q, thresholdBits);
          if (distance <= thresholdBits) report(p, q, distance);
        }
      }
      for (let m = 1; m < masks.length; m += 1) {
        const other = b ^ masks[m]!;
        // Each pair of buckets once, from its lower bucket.
        if (other < b) continue;
        const otherEnd = offsets[other + 1]!;
        for (let p = start; p < end; p += 1) {
          for (let q = offsets[other]!; q < otherEnd; q += 1) {
            const distance = distanceWithin(sortedWords, p, q, thresholdBits);
            if (distance <= thresholdBits) report(p, q, distance);
          }
        }
      }
    }
  }
}

/** The first chunk in which rows i and j differ in at most `radius` bits (the chunk that reports the pair). */
export function firstChunkWithin(words: Uint32Array, i: number, j: number, radius: number): number {
  for (let c = 0; c < CHUNK_COUNT; c += 1) if (popcount32(chunkOf(words, i, c) ^ chunkOf(words, j, c)) <= radius) return c;
  return CHUNK_COUNT;
}
