import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStacks, MIN_PDQ_QUALITY, type StackItem } from '../../../../../shared/known/stacks/build-stacks.js';
import { flipBits, plantedHashesArb } from './random-hashes.js';

const BASE = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];
const FAR = BASE.map((w) => ~w >>> 0);

function item(relativePath: string, overrides: Partial<StackItem> = {}): StackItem {
  return { sha256: relativePath, pixels: 100, relativePath, pdq: null, pdqQuality: null, ...overrides };
}

/** The paths of each stack's members, representative first, to read results as a person would. */
function describeStacks(items: StackItem[], thresholdBits?: number): string[][] {
  const { stacks } = buildStacks(items, thresholdBits);
  return stacks.map((s) => [items[s.representative]!.relativePath, ...s.members.filter((m) => m !== s.representative).map((m) => items[m]!.relativePath)]);
}

describe('buildStacks', () => {
  it('stacks exact copies by SHA-256 and near copies by PDQ within the threshold, transitively', () => {
    const items = [
      item('a.jpg', { sha256: 'x' }),
      item('b.jpg', { pdq: BASE, pdqQuality: 90 }),
      item('c.jpg', { sha256: 'x' }),
      item('d.jpg', { pdq: flipBits(BASE, [1, 40, 90]), pdqQuality: 90 }),
      // 31 bits from d, 34 from b: stacks with b only through d.
      item('e.jpg', { pdq: flipBits(BASE, [1, 40, 90, ...Array.from({ length: 31 }, (_, k) => 100 + k)]), pdqQuality: 90 }),
      item('f.jpg', { pdq: FAR, pdqQuality: 90 }),
    ];
    expect(describeStacks(items)).toEqual([['a.jpg', 'c.jpg'], ['b.jpg', 'd.jpg', 'e.jpg'], ['f.jpg']]);
    expect(describeStacks(items, 30)).toEqual([['a.jpg', 'c.jpg'], ['b.jpg', 'd.jpg'], ['e.jpg'], ['f.jpg']]);
  });

  it('never stacks a hash of quality below 50 as near, however close, yet still stacks its exact copies', () => {
    const items = [
      item('flat.jpg', { sha256: 'same', pdq: BASE, pdqQuality: MIN_PDQ_QUALITY - 1 }),
      item('other.jpg', { pdq: BASE, pdqQuality: MIN_PDQ_QUALITY }),
      item('copy.jpg', { sha256: 'same', pdq: BASE, pdqQuality: MIN_PDQ_QUALITY - 1 }),
      item('other-copy.jpg', { pdq: flipBits(BASE, [7]), pdqQuality: MIN_PDQ_QUALITY }),
    ];
    expect(describeStacks(items)).toEqual([
      ['flat.jpg', 'copy.jpg'],
      ['other.jpg', 'other-copy.jpg'],
    ]);
  });

  it('represents a stack by its largest picture, then a normally named file over a hidden one, then the first in order', () => {
    const near = (relativePath: string, pixels: number | null, bits: number[]): StackItem =>
      item(relativePath, { pixels, pdq: flipBits(BASE, bits), pdqQuality: 80 });
    expect(describeStacks([near('small.jpg', 100, []), near('big.jpg', 400, [3]), near('unknown.mp4', null, [5])])[0]![0]).toBe('big.jpg');
    expect(describeStacks([near('.cache/a.jpg', 400, []), near('b.jpg', 400, [3]), near('c.jpg', 400, [5])])[0]![0]).toBe('b.jpg');
    expect(describeStacks([near('x/.a.jpg', 400, []), near('.b.jpg', 400, [3])])[0]![0]).toBe('x/.a.jpg');
    expect(describeStacks([near('a.jpg', null, []), near('.b.jpg', null, [3])])[0]![0]).toBe('a.jpg');
  });

  it('puts every item in exactly one stack, whose members agree with the stack of each item', () => {
    fc.assert(
      fc.property(plantedHashesArb, fc.integer({ min: 0, max: 63 }), fc.array(fc.integer({ min: 0, max: 100 })), (hashes, thresholdBits, qualities) => {
        const items = hashes.map((pdq, at) => item(`${at % 3 === 0 ? '.' : ''}f${at}.jpg`, { sha256: String(at % 7), pdq, pdqQuality: qualities[at] ?? 70 }));
        const { stackOf, stacks } = buildStacks(items, thresholdBits);
        const seen = stacks.flatMap((s, index) => s.members.map((m) => (expect(stackOf[m]).toBe(index), m)));
        expect(seen.sort((x, y) => x - y)).toEqual(items.map((_, at) => at));
        for (const stack of stacks) expect(stack.members).toContain(stack.representative);
        // Same SHA-256 always shares a stack.
        items.forEach((it, at) => expect(stackOf[at]).toBe(stackOf[Number(it.sha256)]));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a PDQ hash that is not eight words, naming the file', () => {
    expect(() => buildStacks([item('bad.jpg', { pdq: [1, 2, 3], pdqQuality: 90 })])).toThrow(/bad\.jpg/);
  });
});
