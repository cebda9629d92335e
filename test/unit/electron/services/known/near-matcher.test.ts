import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnownMaterialService, type KnownMaterialService } from '../../../../../electron/services/known/known-material-service.js';
import { buildNearMatcher, nearMatcherFromLibrary, type NearMatchSource, type NearSetMatch } from '../../../../../electron/services/known/near-matcher.js';
import { pdqDistance } from '../../../../../shared/known/pdq/hamming.js';
import { pdqBitsFromHex } from '../../../../../shared/known/pdq/hash-hex.js';

/** `hex` with the given bit positions (0–255) flipped. */
function flipped(hex: string, bits: readonly number[]): string {
  const digits = hex.split('').map((d) => Number.parseInt(d, 16));
  for (const bit of bits) {
    const digit = 63 - Math.floor(bit / 4);
    digits[digit] = digits[digit]! ^ (1 << (bit % 4));
  }
  return digits.map((d) => d.toString(16)).join('');
}

/** The nearest qualifying set hash by scanning every one: what the index must agree with. */
function bruteForce(sources: readonly NearMatchSource[], item: { hex: string; quality: number }, thresholdBits: number): NearSetMatch | null {
  if (item.quality < 50) return null;
  const query = pdqBitsFromHex(item.hex);
  let best: NearSetMatch | null = null;
  for (const source of [...sources].sort((a, b) => a.setId - b.setId)) {
    for (const hash of source.hashes) {
      if (hash.quality !== null && hash.quality < 50) continue;
      const distance = pdqDistance(query, pdqBitsFromHex(hash.pdq));
      if (distance > thresholdBits || (best !== null && distance >= best.distance)) continue;
      best = { setId: source.setId, setName: source.setName, scheme: source.scheme, category: hash.category, distance };
    }
  }
  return best;
}

const ALL_BITS = Array.from({ length: 256 }, (_, bit) => bit);
const hexArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
/** A set hash: a copy of the item's hash with up to 70 bits flipped (so some are near), or an unrelated one. */
const setHashArb = fc.record({
  // A uniform count, not fast-check's bias to short arrays: near hashes need flips in every chunk too.
  flips: fc.integer({ min: 0, max: 70 }).chain((count) => fc.shuffledSubarray(ALL_BITS, { minLength: count, maxLength: count })),
  unrelated: fc.option(hexArb, { freq: 4 }),
  quality: fc.option(fc.integer({ min: 0, max: 100 })),
  category: fc.option(fc.constantFrom('1', '2', 'A')),
});
const caseArb = fc.record({
  item: hexArb,
  itemQuality: fc.integer({ min: 0, max: 100 }),
  thresholdBits: fc.integer({ min: 0, max: 63 }),
  sets: fc.uniqueArray(fc.record({ setId: fc.integer({ min: 1, max: 9 }), hashes: fc.array(setHashArb, { maxLength: 25 }) }), {
    selector: (set) => set.setId,
    maxLength: 4,
  }),
});

describe('buildNearMatcher', () => {
  it('finds exactly what a scan of every set hash finds: the nearest, then the lower set id, then the earlier hash', () => {
    fc.assert(
      fc.property(caseArb, ({ item, itemQuality, thresholdBits, sets }) => {
        const sources: NearMatchSource[] = sets.map((set) => ({
          setId: set.setId,
          setName: `Set ${set.setId}`,
          scheme: 'custom',
          hashes: set.hashes.map((h) => ({ pdq: h.unrelated ?? flipped(item, h.flips), quality: h.quality, category: h.category })),
        }));
        const matcher = buildNearMatcher(sources);
        const expected = bruteForce(sources, { hex: item, quality: itemQuality }, thresholdBits);
        expect(matcher.match({ hex: item, quality: itemQuality }, thresholdBits)).toEqual(expected);
        // Sets removed since the index was built: it answers as an index of the others would.
        const kept = (set: { setId: number }): boolean => set.setId % 2 === 1;
        const keptOnly = bruteForce(sources.filter(kept), { hex: item, quality: itemQuality }, thresholdBits);
        expect(matcher.match({ hex: item, quality: itemQuality }, thresholdBits, kept)).toEqual(keptOnly);
      }),
      { numRuns: 200 },
    );
  });

  it('matches within 31 bits by default, and only hashes of quality 50 or more (a set hash of unknown quality counts)', () => {
    const item = 'f0'.repeat(32);
    const matcher = buildNearMatcher([
      { setId: 2, setName: 'Flat', scheme: 'custom', hashes: [{ pdq: flipped(item, [1]), quality: 49, category: 'X' }] },
      {
        setId: 3,
        setName: 'Plain list',
        scheme: 'vic-us',
        hashes: [
          { pdq: flipped(item, [1, 2, 3]), quality: null, category: '1' },
          { pdq: `${item.slice(0, 62)}zz`, quality: 90, category: '1' },
        ],
      },
    ]);
    expect(matcher.hashCount).toBe(1);
    expect(matcher.match({ hex: item, quality: 50 })).toEqual({ setId: 3, setName: 'Plain list', scheme: 'vic-us', category: '1', distance: 3 });
    expect(matcher.match({ hex: item, quality: 49 })).toBeNull();
    expect(matcher.match({ hex: item, quality: null })).toBeNull();
    const far = flipped(
      item,
      Array.from({ length: 32 }, (_, i) => i * 8 + 7),
    );
    expect(matcher.match({ hex: far, quality: 90 })).toBeNull();
    expect(matcher.match({ hex: far, quality: 90 }, 35)).toMatchObject({ setId: 3, distance: 35 });
  });

  it('finds a hash that differs in every 16-bit chunk, at the edge of each probe radius', () => {
    const item = '69'.repeat(32);
    for (const perChunk of [1, 2, 3]) {
      const bits = Array.from({ length: 16 }, (_, chunk) => Array.from({ length: perChunk }, (_, j) => chunk * 16 + j * 5)).flat();
      const matcher = buildNearMatcher([{ setId: 1, setName: 'Edge', scheme: 'custom', hashes: [{ pdq: flipped(item, bits), quality: 70, category: null }] }]);
      expect(matcher.match({ hex: item, quality: 70 }, 16 * perChunk)).toMatchObject({ distance: 16 * perChunk });
      expect(matcher.match({ hex: item, quality: 70 }, 16 * perChunk - 1)).toBeNull();
    }
  });

  it('refuses a threshold outside 0–63 and a hash that is not 64 hex digits', () => {
    const matcher = buildNearMatcher([]);
    expect(matcher.match({ hex: 'ab'.repeat(32), quality: 90 })).toBeNull();
    expect(() => matcher.match({ hex: 'ab'.repeat(32), quality: 90 }, 64)).toThrow(RangeError);
    expect(() => matcher.match({ hex: 'ab'.repeat(32), quality: 90 }, 2.5)).toThrow(RangeError);
    expect(() => matcher.match({ hex: 'xyz', quality: 90 })).toThrow(/not a PDQ hash/);
  });
});

describe('nearMatcherFromLibrary', () => {
  let dir = '';
  let service: KnownMaterialService;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'veil-near-'));
    service = createKnownMaterialService({
      folder: () => path.join(dir, 'library'),
      nowMs: () => 1_700_000_000_000,
      onProgress: () => {},
      onSetsChanged: () => {},
    });
  });

  afterEach(async () => {
    service.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function importSet(name: string, csv: string): Promise<number> {
    const filePath = path.join(dir, `${name}.csv`);
    await writeFile(filePath, csv);
    const result = await service.importHashSet({ filePath, name, scheme: 'vic-us', hex64Kind: 'sha256' });
    if (result.outcome !== 'imported') throw new Error('expected an import');
    return result.set.setId;
  }

  it('matches against the enabled sets’ PDQ hashes, names the set and category, and follows a set turned off', async () => {
    const known = '3c5a'.repeat(16);
    const flat = 'a5'.repeat(32);
    const first = await importSet('First', `PDQ,Quality,Category\n${known},90,1\n${flat},40,2\n`);
    const second = await importSet('Second', `PDQ,Quality,Category\n${flipped(known, [0])},,2\n`);
    const item = { hex: flipped(known, [10, 20, 30, 40, 50]), quality: 88 };

    expect(nearMatcherFromLibrary(service).match(item)).toEqual({ setId: first, setName: 'First', scheme: 'vic-us', category: '1', distance: 5 });
    expect(nearMatcherFromLibrary(service).match({ hex: flat, quality: 95 })).toBeNull();

    service.setHashSetEnabled(first, false);
    const withoutFirst = nearMatcherFromLibrary(service);
    expect(withoutFirst.hashCount).toBe(1);
    expect(withoutFirst.match(item)).toEqual({ setId: second, setName: 'Second', scheme: 'vic-us', category: '2', distance: 6 });
    expect(withoutFirst.match(item, 5)).toBeNull();
  });
});
