import { describe, expect, it } from 'vitest';
import { MD5, SHA1, SHA256, parse } from './parse-helpers.js';

describe('plain list and CSV hash sets', () => {
  it('reads one hash per line by its length, with md5sum-style file names, comments, blank lines and CRLF', () => {
    const text = `# exported\r\n${MD5.toUpperCase()}  photo.jpg\r\n\r\n${SHA1}\n${SHA256}\n`;
    const { outcome, records } = parse(text);
    expect(outcome).toEqual({ ok: true, format: 'text', records: 3, badRecords: 0 });
    expect(records.map((record) => [record.place, record.md5, record.sha1, record.sha256])).toEqual([
      [2, MD5, null, null],
      [4, null, SHA1, null],
      [5, null, null, SHA256],
    ]);
  });

  it('takes 64 hex digits as SHA-256 unless a header line or the import option says PDQ', () => {
    expect(parse(`${SHA256}\n`, { hex64: 'pdq' }).records[0]).toMatchObject({ pdq: SHA256, sha256: null });
    expect(parse(`PDQ\n${SHA256}\n`).records[0]).toMatchObject({ place: 2, pdq: SHA256, sha256: null });
    expect(parse(`sha-256\n${SHA256}\n`, { hex64: 'pdq' }).records[0]).toMatchObject({ sha256: SHA256, pdq: null });
    expect(parse(`pdq,quality\n${SHA256},90\n`).records[0]).toMatchObject({ pdq: SHA256, pdqQuality: 90 });
  });

  it('lists wrong-length and non-hex lines by line number, and a line too long to be a hash once', () => {
    const text = `${MD5}\nabc\n${'g'.repeat(32)}\n${'a'.repeat(20000)}\n${SHA1}\n`;
    const { outcome, bad } = parse(text, {}, [100, 5000, 9000]);
    expect(bad).toEqual([
      { place: 2, placeKind: 'line', reason: 'hash-wrong-length' },
      { place: 3, placeKind: 'line', reason: 'hash-not-hex' },
      { place: 4, placeKind: 'line', reason: 'line-too-long' },
    ]);
    expect(outcome).toMatchObject({ ok: true, records: 2, badRecords: 3 });
  });

  it('reads a CSV by its header: hash columns, a category under the chosen scheme, quoted cells', () => {
    const text = `"MD5";"SHA-1";"Grade"\n${MD5};;"A"\n;${SHA1};b\n${MD5};;D\n;;A\n${MD5};A\n`;
    const { records, bad } = parse(text, { scheme: 'uk-abc' });
    expect(records.map((record) => [record.place, record.md5, record.sha1, record.category])).toEqual([
      [2, MD5, null, 'A'],
      [3, null, SHA1, 'B'],
    ]);
    expect(bad.map((entry) => [entry.place, entry.reason])).toEqual([
      [4, 'category-not-in-scheme'],
      [5, 'no-hash'],
      [6, 'csv-wrong-column-count'],
    ]);
  });

  it('reads a headerless CSV as hash then category', () => {
    const { records } = parse(`${MD5},1\n${SHA1},4\n`);
    expect(records.map((record) => [record.md5 ?? record.sha1, record.category])).toEqual([
      [MD5, '1'],
      [SHA1, '4'],
    ]);
  });

  it('refuses binary, empty and all-bad files whole, and a file named .json that is not JSON', () => {
    expect(parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])).outcome).toEqual({ ok: false, refusal: 'not-text', badRecords: 0 });
    expect(parse('\n\n# nothing\n').outcome).toMatchObject({ ok: false, refusal: 'empty-file' });
    expect(parse('').outcome).toMatchObject({ ok: false, refusal: 'empty-file' });
    expect(parse('hello\nworld\n').outcome).toMatchObject({ ok: false, refusal: 'no-good-records', badRecords: 2 });
    expect(parse(`${MD5}\n`, { fileName: 'set.JSON' }).outcome).toMatchObject({ ok: false, refusal: 'not-json' });
  });

  it('accepts a byte-order mark before a list', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${MD5}\n`)]);
    expect(parse(bytes).records).toHaveLength(1);
  });
});
