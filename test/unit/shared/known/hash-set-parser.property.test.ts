import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from './parse-helpers.js';

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const entry = fc.record({
  md5: fc.option(hex(32), { nil: null }),
  sha1: fc.option(hex(40), { nil: null }),
  sha256: fc.option(hex(64), { nil: null }),
  category: fc.option(fc.constantFrom('0', '1', '2', '3', '4'), { nil: null }),
});
const withHash = entry.filter((item) => item.md5 !== null || item.sha1 !== null || item.sha256 !== null);

type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function vics(items: readonly Entry[]): string {
  return JSON.stringify({
    value: [
      {
        Media: items.map((item, index) => ({
          MediaID: index + 1,
          ...(item.category === null ? {} : { Category: Number(item.category) }),
          ...(item.md5 === null ? {} : { MD5: item.md5.toUpperCase() }),
          ...(item.sha1 === null ? {} : { SHA1: item.sha1 }),
          ...(item.sha256 === null ? {} : { AlternativeHashes: [{ HashName: 'SHA256', HashValue: item.sha256 }] }),
        })),
      },
    ],
  });
}

const cuts = (length: number) => fc.array(fc.integer({ min: 0, max: Math.max(0, length) }), { maxLength: 8 });

describe('hash-set parsers (properties)', () => {
  it('any list of valid VICS records comes back exactly, in order', () => {
    fc.assert(
      fc.property(fc.array(withHash, { minLength: 1, maxLength: 30 }), (items) => {
        const { records, bad } = parse(vics(items), { fileName: 'set.json' });
        expect(bad).toEqual([]);
        expect(records.map(({ md5, sha1, sha256, category }) => ({ md5, sha1, sha256, category }))).toEqual(items);
      }),
    );
  });

  it('any list of valid hashes, one per line, comes back exactly', () => {
    const oneHash = fc.oneof(hex(32), hex(40), hex(64));
    fc.assert(
      fc.property(fc.array(oneHash, { minLength: 1, maxLength: 50 }), (hashes) => {
        const { records } = parse(hashes.join('\n'));
        expect(records.map((record) => record.md5 ?? record.sha1 ?? record.sha256)).toEqual(hashes);
      }),
    );
  });

  it('any chunking of the same bytes gives the same result, good and bad records alike', () => {
    const noisy = fc.array(fc.oneof(withHash, entry), { minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(
        noisy.chain((items) => {
          const text = vics(items);
          return fc.tuple(fc.constant(text), cuts(text.length), fc.nat(text.length));
        }),
        ([text, at, truncateAt]) => {
          for (const input of [text, text.slice(0, truncateAt), `\uFEFF${text}`]) {
            expect(parse(input, { fileName: 'set.json' }, at)).toEqual(parse(input, { fileName: 'set.json' }));
          }
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(hex(32), hex(40), fc.string({ maxLength: 70 })), { maxLength: 30 }).chain((lines) => {
          const text = lines.join('\n');
          return fc.tuple(fc.constant(text), cuts(text.length));
        }),
        ([text, at]) => {
          expect(parse(text, {}, at)).toEqual(parse(text));
        },
      ),
    );
  });
});
