/**
 * The library near index's data: the enabled sets' PDQ hashes packed into typed arrays, plus
 * per-chunk bucket tables (the multi-index scheme of shared/known/stacks/near-index.ts).
 * Only typed arrays and a short list of category names, so a worker thread can build it and
 * hand it to the main side without copying (near-index-worker.ts).
 */
import { MIN_PDQ_QUALITY } from '../../../shared/known/stacks/build-stacks.js';
import { PDQ_WORDS } from '../../../shared/known/stacks/hamming.js';
import { CHUNK_COUNT, chunkOf } from '../../../shared/known/stacks/near-index.js';
import type { KnownPdq } from './known-queries.js';

/** Its own buffer, never shared, so it can be transferred between threads. */
type Words = Uint32Array<ArrayBuffer>;

export interface NearTables {
  /** Hashes indexed. */
  count: number;
  /** count × 8 words (may be longer; rows past `count` are unused). */
  words: Words;
  /** Per row, the position of its set in the order the sets were given. */
  sourceOfRow: Words;
  /** Per row, 0 for no category, else 1 + its position in `categories`. */
  categoryOfRow: Words;
  categories: string[];
  /** Per chunk, where each of the 65,536 buckets starts in `rowAt` (65,537 entries). */
  offsets: Words[];
  /** Per chunk, the rows sorted by that chunk's value. */
  rowAt: Words[];
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

/** Per chunk, the rows sorted by that chunk's value (a stable counting sort) and where each bucket starts. */
function chunkTables(words: Words, count: number): Pick<NearTables, 'offsets' | 'rowAt'> {
  const offsets: Words[] = [];
  const rowAt: Words[] = [];
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

/** `array` doubled in length (or more), its contents kept. */
function grown(array: Words, atLeast: number): Words {
  const next = new Uint32Array(Math.max(array.length * 2, atLeast));
  next.set(array);
  return next;
}

/**
 * Packs and indexes the sets' PDQ hashes, each set read to its end before the next, in the
 * order given (see `indexable` for which hashes). Memory: 4 MB of bucket tables plus about
 * 104 bytes per hash; a million hashes take a few seconds, so this runs in a worker thread.
 */
export function buildNearTables(sources: Iterable<Iterable<KnownPdq>>): NearTables {
  // Grown by doubling: a plain array of numbers would take several times the memory on the way.
  let words = new Uint32Array(PDQ_WORDS * 1024);
  let sourceOfRow = new Uint32Array(1024);
  let categoryOfRow = new Uint32Array(1024);
  const categories: string[] = [];
  // A set has a handful of categories: each row keeps a small number, not its own copy of the text.
  const categoryNumbers = new Map<string, number>();
  let count = 0;
  let source = 0;
  for (const hashes of sources) {
    for (const hash of hashes) {
      if (!indexable(hash)) continue;
      if ((count + 1) * PDQ_WORDS > words.length) words = grown(words, (count + 1) * PDQ_WORDS);
      if (!packHex(hash.pdq, words, count)) continue;
      if (count >= sourceOfRow.length) {
        sourceOfRow = grown(sourceOfRow, count + 1);
        categoryOfRow = grown(categoryOfRow, count + 1);
      }
      let category = 0;
      if (hash.category !== null) {
        category = categoryNumbers.get(hash.category) ?? categories.push(hash.category);
        categoryNumbers.set(hash.category, category);
      }
      sourceOfRow[count] = source;
      categoryOfRow[count] = category;
      count += 1;
    }
    source += 1;
  }
  const { offsets, rowAt } = count === 0 ? { offsets: [], rowAt: [] } : chunkTables(words, count);
  return { count, words, sourceOfRow, categoryOfRow, categories, offsets, rowAt };
}
