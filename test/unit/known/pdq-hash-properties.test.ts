import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdqDistance } from '../../../shared/known/pdq/hamming.js';
import { isPdqHex, pdqBitsFromHex, pdqHexFromBits } from '../../../shared/known/pdq/hash-hex.js';
import { pdqHashFromPixels, pdqHashFromRgb } from '../../../shared/known/pdq/pdq-hash.js';

const hashBits = fc.uint32Array({ minLength: 8, maxLength: 8 });
const hexDigits = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

describe('PDQ hex form', () => {
  it('round-trips any 256 bits and any 64 hex digits', () => {
    fc.assert(
      fc.property(hashBits, (bits) => {
        expect(pdqBitsFromHex(pdqHexFromBits(bits))).toEqual(bits);
      }),
    );
    fc.assert(
      fc.property(hexDigits, (hex) => {
        expect(pdqHexFromBits(pdqBitsFromHex(hex))).toBe(hex);
      }),
    );
  });

  it('reads upper case and writes lower case', () => {
    const hex = 'F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22';
    expect(pdqHexFromBits(pdqBitsFromHex(hex))).toBe(hex.toLowerCase());
  });

  it('puts bit i×16+j where the reference does: bit 0 is the last hex digit’s low bit', () => {
    const bits = new Uint32Array(8);
    bits[0] = 1;
    bits[7] = 0x80000000;
    expect(pdqHexFromBits(bits)).toBe(`8${'0'.repeat(62)}1`);
  });

  it.each([
    ['too short', 'f'.repeat(63)],
    ['too long', 'f'.repeat(65)],
    ['not hex', `${'f'.repeat(63)}g`],
    ['surrounded by spaces', ` ${'f'.repeat(64)} `],
    ['empty', ''],
  ])('refuses a string that is %s, saying why', (_, text) => {
    expect(isPdqHex(text)).toBe(false);
    expect(() => pdqBitsFromHex(text)).toThrow(/not a PDQ hash \(64 hex digits expected/);
  });
});

describe('PDQ Hamming distance', () => {
  it('is 0 to itself, symmetric, at most 256, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(hashBits, hashBits, hashBits, (a, b, c) => {
        expect(pdqDistance(a, a)).toBe(0);
        expect(pdqDistance(a, b)).toBe(pdqDistance(b, a));
        expect(pdqDistance(a, b)).toBeLessThanOrEqual(256);
        expect(pdqDistance(a, c)).toBeLessThanOrEqual(pdqDistance(a, b) + pdqDistance(b, c));
      }),
    );
  });

  it('counts exactly the bits that differ', () => {
    fc.assert(
      fc.property(hashBits, fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 256 }), (a, flips) => {
        const b = a.slice();
        for (const bit of flips) b[bit >>> 5] = (b[bit >>> 5] ?? 0) ^ (1 << (bit & 31));
        expect(pdqDistance(a, b)).toBe(flips.length);
      }),
    );
  });
});

describe('PDQ on degenerate pictures', () => {
  it('gives images under 5 px the empty hash with quality 0, as the reference', () => {
    expect(pdqHashFromRgb({ widthPx: 4, heightPx: 100, rgb: new Uint8Array(4 * 100 * 3).fill(200) })).toEqual({ hashHex: '0'.repeat(64), quality: 0 });
  });

  it('rates a flat picture quality 0 and a structured one 100', () => {
    const flat = pdqHashFromPixels({ widthPx: 300, heightPx: 200, channels: 1, pixels: new Uint8Array(300 * 200).fill(90) });
    expect(flat.quality).toBe(0);
    const stripes = new Uint8Array(300 * 200).map((_, i) => (((i % 300) / 30) % 2 < 1 ? 20 : 230));
    expect(pdqHashFromPixels({ widthPx: 300, heightPx: 200, channels: 1, pixels: stripes }).quality).toBe(100);
  });

  it('ignores alpha, and refuses pixels that do not fill the stated size', () => {
    const rgba = new Uint8Array(64 * 48 * 4).map((_, i) => (i % 4 === 3 ? (i * 7) & 255 : (i * 13) & 255));
    const rgb = new Uint8Array(64 * 48 * 3).map((_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)] ?? 0);
    expect(pdqHashFromPixels({ widthPx: 64, heightPx: 48, channels: 4, pixels: rgba })).toEqual(pdqHashFromRgb({ widthPx: 64, heightPx: 48, rgb }));
    expect(() => pdqHashFromRgb({ widthPx: 64, heightPx: 48, rgb: new Uint8Array(100) })).toThrow(/cannot hold 64×48/);
    expect(() => pdqHashFromRgb({ widthPx: -1, heightPx: 48, rgb: new Uint8Array(100) })).toThrow(/not a pixel size/);
  });
});
