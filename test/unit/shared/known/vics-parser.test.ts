import { describe, expect, it } from 'vitest';
import { MD5, SHA1, SHA256, parse } from './parse-helpers.js';

const PDQ = 'f'.repeat(64);

function media(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { MediaID: id, Category: 1, MD5: MD5.replace(/.{4}$/, String(1000 + id).slice(-4)), SHA1, ...extra };
}

function casesForm(items: unknown[]): string {
  return JSON.stringify({ 'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.2.xml#Cases', value: [{ CaseID: 7, Media: items }] });
}

function flatForm(items: unknown[]): string {
  return JSON.stringify({ '@odata.context': 'http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/CUSTOM/$metadata#Media', value: items });
}

describe('VICS JSON hash sets', () => {
  it('reads the Cases form and the flat Media form alike, with SHA-256 and PDQ from AlternativeHashes and PhotoDNA kept', () => {
    const items = [
      media(1, {
        PhotoDNA: 'abc',
        AlternativeHashes: [
          { HashName: 'SHA256', HashValue: SHA256.toUpperCase() },
          { HashName: 'PDQ', HashValue: PDQ },
          { HashName: 'ed2k', HashValue: 'x' },
        ],
      }),
      media(2, { Category: 0 }),
    ];
    for (const text of [casesForm(items), flatForm(items), JSON.stringify({ Media: items }), JSON.stringify(items)]) {
      const { outcome, records, bad } = parse(text, { fileName: 'set.json' });
      expect(bad).toEqual([]);
      expect(outcome).toMatchObject({ ok: true, format: 'vics-json', records: 2 });
      expect(records[0]).toMatchObject({ place: 1, category: '1', sha1: SHA1, sha256: SHA256, pdq: PDQ, mediaId: '1', photoDna: 'abc' });
      expect(records[1]).toMatchObject({ place: 2, category: '0', sha256: null });
    }
  });

  it('lists each bad record with its index and reason and imports the good ones', () => {
    const items = [
      media(1),
      'not an object',
      media(3, { MD5: 'abc' }),
      media(4, { MD5: 'z'.repeat(32) }),
      media(5, { MD5: 12 }),
      media(6, { Category: '1' }),
      media(7, { Category: 9 }),
      media(8, { IsPrecategorized: 'true' }),
      media(1),
      media(10, { MediaID: '10' }),
      { MediaID: 11, Category: 1 },
      media(12),
    ];
    const { outcome, records, bad } = parse(casesForm(items), { fileName: 'set.json' });
    expect(records.map((record) => record.place)).toEqual([1, 12]);
    expect(bad.map((entry) => [entry.place, entry.reason])).toEqual([
      [2, 'record-not-object'],
      [3, 'hash-wrong-length'],
      [4, 'hash-not-hex'],
      [5, 'hash-wrong-type'],
      [6, 'category-wrong-type'],
      [7, 'category-not-in-scheme'],
      [8, 'boolean-as-string'],
      [9, 'media-id-duplicate'],
      [10, 'media-id-wrong-type'],
      [11, 'no-hash'],
    ]);
    expect(outcome).toEqual({ ok: true, format: 'vics-json', records: 2, badRecords: 10 });
  });

  it('accepts a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(flatForm([media(1)]))]);
    expect(parse(bytes, { fileName: 'set.json' }).outcome).toMatchObject({ ok: true, records: 1 });
  });

  it('keeps what came before a cut-off or a syntax error and says where reading stopped', () => {
    const text = flatForm([media(1), media(2), media(3)]);
    const cut = parse(text.slice(0, text.lastIndexOf('{') + 10), { fileName: 'set.json' });
    expect(cut.records).toHaveLength(2);
    expect(cut.bad).toEqual([{ place: expect.any(Number), placeKind: 'byte', reason: 'json-cut-off' }]);
    const broken = text.replace('},{"MediaID":3', '} x {"MediaID":3');
    const invalid = parse(broken, { fileName: 'set.json' });
    expect(invalid.records).toHaveLength(2);
    expect(invalid.bad).toEqual([{ place: broken.indexOf(' x ') + 1, placeKind: 'byte', reason: 'json-invalid' }]);
  });

  it('refuses a file that cannot be read as a hash set at all, with a reason', () => {
    expect(parse('hello, world', { fileName: 'set.json' }).outcome).toEqual({ ok: false, refusal: 'not-json', badRecords: 0 });
    expect(parse('{"value": [{"Med', { fileName: 'set.json' }).outcome).toMatchObject({ ok: false, refusal: 'json-cut-off' });
    expect(parse('{"value" 3}', { fileName: 'set.json' }).outcome).toMatchObject({ ok: false, refusal: 'not-json' });
    expect(parse('{"name": "a settings file"}', { fileName: 'set.json' }).outcome).toMatchObject({ ok: false, refusal: 'not-a-hash-set' });
    expect(parse(flatForm([{ MediaID: 1 }]), { fileName: 'set.json' }).outcome).toMatchObject({ ok: false, refusal: 'no-good-records', badRecords: 1 });
  });

  it('reads the same records whatever the chunk borders, including inside the byte-order mark and the layout sniff', () => {
    const text = casesForm([media(1, { Notes: 'é'.repeat(50) }), media(2), media(3)]);
    const whole = parse(text, { fileName: 'set.json' });
    for (const cuts of [[1], [2, 5], [40, 41, 42, 43], [text.length - 1]]) {
      expect(parse(text, { fileName: 'set.json' }, cuts)).toEqual(whole);
    }
  });
});
