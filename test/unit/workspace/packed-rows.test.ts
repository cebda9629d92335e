import { describe, expect, it } from 'vitest';
import { packRows, PackedRowsSchema, rowsOf, transferablesOf } from '../../../electron/services/workspace/packed-rows.js';
import { itemRow } from '../../fixtures/workspace/item-rows.js';

describe('packed item rows (a reopen’s unchanged files, main side ← workspace thread)', () => {
  const rows = [
    itemRow(1),
    // Every nullable field null, a pre-1970 time, an inode past 2^53 and a path outside the BMP.
    itemRow(2, {
      path: 'Détenu/𝒳 photo 2.jpg',
      mtimeMs: -11_644_473_600_000.25,
      ctimeMs: null,
      ino: 2 ** 63,
      dev: null,
      md5: null,
      sha1: null,
      sha256: null,
      kind: null,
      format: null,
      error: '{"rulesVersion":1}',
    }),
    itemRow(3, { pdq: 'ab'.repeat(32), pdqQuality: 0, widthPx: 4000, heightPx: 3000 }),
  ];

  it('reads back exactly the rows it packed, after a structured clone that transfers its buffers', () => {
    const packed = packRows(rows);
    const transfer = transferablesOf(packed);
    expect(transfer).toHaveLength(3);
    const received = PackedRowsSchema.parse(structuredClone(packed, { transfer }));
    expect([...rowsOf(received)]).toEqual(rows);
    // Transferred, not copied: the sender's arrays are emptied.
    expect(packed.numbers.length).toBe(0);
  });

  it('leaves out a row that is not whole, keeping the others', () => {
    const packed = packRows([rows[0], { ...rows[1], md5: 'not hex' }, { path: 'x.jpg' }, rows[2]]);
    expect([...rowsOf(packed)]).toEqual([rows[0], rows[2]]);
  });

  it('refuses arrays that do not fit together, so no row is read past its end', () => {
    const packed = packRows(rows);
    expect(PackedRowsSchema.safeParse({ ...packed, count: 4 }).success).toBe(false);
    expect(PackedRowsSchema.safeParse({ ...packed, text: packed.text.slice(1) }).success).toBe(false);
    expect(PackedRowsSchema.safeParse({ ...packed, numbers: new Float64Array(packed.numbers).fill(Number.NaN) }).success).toBe(false);
    const noPath = new Uint32Array(packed.textLengths);
    noPath[0] = 0xffffffff;
    expect(PackedRowsSchema.safeParse({ ...packed, textLengths: noPath }).success).toBe(false);
    expect(PackedRowsSchema.safeParse({ ...packed, digests: Array.from(packed.digests) }).success).toBe(false);
    expect(PackedRowsSchema.safeParse(packRows([])).success).toBe(true);
  });
});
