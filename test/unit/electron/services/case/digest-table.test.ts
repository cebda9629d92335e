import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestTable } from '../../../../../electron/services/case/digest-table.js';
import { CaseItem, hasPdq, plainItem } from '../../../../../electron/services/case/case-item.js';
import { createByContent } from '../../../../../electron/services/case/by-content.js';
import { MediaItemSchema } from '../../../../../shared/case/media-item.js';

const digestsOf = (text: string) => ({
  md5: createHash('md5').update(text).digest('hex'),
  sha1: createHash('sha1').update(text).digest('hex'),
  sha256: createHash('sha256').update(text).digest('hex'),
});
const pdqOf = (text: string): string => createHash('sha256').update(`pdq ${text}`).digest('hex');

function itemIn(table: DigestTable, text: string, pdq: string | null = null): CaseItem {
  const id = createHash('md5').update(text).digest('hex');
  const fields = { id, name: `${text}.png`, relativePath: `${text}.png`, sizeBytes: 1, duplicatePaths: [], claimedFormat: null, error: null };
  const stack = { pdqQuality: null, widthPx: null, heightPx: null, stackId: id, stackSize: 1, match: null };
  return new CaseItem({ ...fields, ...stack, kind: 'image', format: 'png' }, table, table.add(digestsOf(text), pdq));
}

describe('DigestTable', () => {
  it('gives back every digest as the lower-case hex it was given, across pages', () => {
    const table = new DigestTable();
    const count = 20_000; // more than two pages of 8,192
    const slots = Array.from({ length: count }, (_, at) => table.add(digestsOf(`file ${at}`), at % 3 === 0 ? pdqOf(`${at}`) : null));
    for (const at of [0, 1, 8191, 8192, 16_384, count - 1]) {
      const slot = slots[at] ?? -1;
      expect({ md5: table.hex(slot, 'md5'), sha1: table.hex(slot, 'sha1'), sha256: table.hex(slot, 'sha256') }).toEqual(digestsOf(`file ${at}`));
      expect(table.pdq(slot)).toBe(at % 3 === 0 ? pdqOf(`${at}`) : null);
    }
  });

  it('sets and clears a PDQ hash learnt later, leaving the other digests as they were', () => {
    const table = new DigestTable();
    const slot = table.add(digestsOf('a'), null);
    table.setPdq(slot, pdqOf('a'));
    expect(table.pdq(slot)).toBe(pdqOf('a'));
    expect(table.hasPdq(slot)).toBe(true);
    table.setPdq(slot, null);
    expect(table.pdq(slot)).toBeNull();
    expect(table.hasPdq(slot)).toBe(false);
    expect(table.hex(slot, 'sha256')).toBe(digestsOf('a').sha256);
  });

  it('refuses text that is not a digest and keeps what it held', () => {
    const table = new DigestTable();
    const slot = table.add(digestsOf('kept'), null);
    expect(() => table.add({ ...digestsOf('bad'), sha1: 'not hex at all, forty characters long...' }, null)).toThrow(/not a sha1 digest/);
    expect(() => table.add({ ...digestsOf('short'), md5: 'abcd' }, null)).toThrow(/not a md5 digest/);
    expect(() => table.setPdq(slot, 'f'.repeat(63))).toThrow(/not a pdq digest/);
    expect(() => table.hex(slot + 1, 'md5')).toThrow(/no digests in slot/);
    expect(table.hex(slot, 'md5')).toBe(digestsOf('kept').md5);
    expect(table.pdq(slot)).toBeNull();
    expect(table.hex(table.add(digestsOf('next'), null), 'md5')).toBe(digestsOf('next').md5);
  });

  it('keeps the PDQ hash it holds when a new one is not hex past its first digits', () => {
    const table = new DigestTable();
    const slot = table.add(digestsOf('held'), pdqOf('held'));
    // 64 characters, hex up to the middle: a write that stopped there would have changed half the hash.
    expect(() => table.setPdq(slot, `${'0'.repeat(32)}${'z'.repeat(32)}`)).toThrow(/not a pdq digest/);
    expect(table.pdq(slot)).toBe(pdqOf('held'));
  });
});

describe('CaseItem', () => {
  it('is sent as a plain MediaItem with its digests, never with the table', () => {
    const table = new DigestTable();
    itemIn(table, 'before');
    const item = itemIn(table, 'photo', pdqOf('photo'));
    const sent = plainItem(item);
    expect(MediaItemSchema.parse(sent)).toEqual(sent);
    expect(sent).toMatchObject({ ...digestsOf('photo'), pdq: pdqOf('photo'), relativePath: 'photo.png' });
    // What a structured clone or a spread would see: own fields only, none of them the table.
    expect(Object.keys(item)).not.toContain('md5');
    expect(JSON.stringify(item)).not.toContain('Buffer');
    expect(hasPdq(item)).toBe(true);
    item.pdq = null;
    expect(hasPdq(item)).toBe(false);
    expect(plainItem(item).pdq).toBeNull();
    expect(sent.pdq).toBe(pdqOf('photo'));
  });
});

describe('createByContent', () => {
  it('tells apart two digests with the same first 12 hex digits', () => {
    const table = new DigestTable();
    const first = itemIn(table, 'one');
    const second = itemIn(table, 'two');
    const byContent = createByContent();
    // A forged neighbour of `first`: same first 12 digits, a different digest.
    const neighbour = `${first.sha256.slice(0, 12)}${'0'.repeat(52)}`;
    byContent.set(first.sha256, first);
    byContent.set(neighbour, second);
    expect(byContent.get(first.sha256)).toBe(first);
    expect(byContent.get(neighbour)).toBe(second);
    expect(byContent.get(`${first.sha256.slice(0, 12)}${'1'.repeat(52)}`)).toBeUndefined();
    expect(byContent.get(second.sha256)).toBeUndefined();
  });
});
