import { describe, expect, it } from 'vitest';
import { groupedRows, itemSpan, plainRows } from '../../../../renderer/features/grid/grid-rows';

const key = (name: string, ctrlKey = false) => ({ key: name, ctrlKey, metaKey: false });

// Three folders of 7, 3 and 6 items in rows of 5: heading, 0–4, 5–6, heading, 7–9, heading, 10–14, 15.
const rows = groupedRows(16, 5, 200, [
  { folder: 'a', firstIndex: 0, count: 7 },
  { folder: 'b', firstIndex: 7, count: 3 },
  { folder: 'c', firstIndex: 10, count: 6 },
]);

describe('groupedRows', () => {
  it('puts a heading before each folder and starts each folder on a new row', () => {
    expect(rows.count).toBe(8);
    expect(Array.from({ length: rows.count }, (_, index) => rows.row(index))).toEqual([
      { kind: 'heading', folder: 'a', count: 7 },
      { kind: 'items', start: 0, count: 5 },
      { kind: 'items', start: 5, count: 2 },
      { kind: 'heading', folder: 'b', count: 3 },
      { kind: 'items', start: 7, count: 3 },
      { kind: 'heading', folder: 'c', count: 6 },
      { kind: 'items', start: 10, count: 5 },
      { kind: 'items', start: 15, count: 1 },
    ]);
    expect(rows.sizePx(0)).toBeLessThan(rows.sizePx(1));
    expect([rows.rowOfItem(0), rows.rowOfItem(6), rows.rowOfItem(9), rows.rowOfItem(15)]).toEqual([1, 2, 4, 7]);
    expect(itemSpan(rows, 2, 5)).toEqual([5, 9]);
    expect(itemSpan(rows, 3, 3)).toEqual([0, -1]);
  });

  it('moves the focus between rows as drawn, across folders', () => {
    expect(rows.next(key('ArrowDown'), 3, 1)).toBe(6); // row 5–6 is short: its last item
    expect(rows.next(key('ArrowDown'), 6, 1)).toBe(8); // into folder b, same column
    expect(rows.next(key('ArrowUp'), 12, 1)).toBe(9); // back to folder b's short row
    expect(rows.next(key('ArrowRight'), 6, 1)).toBe(7);
    expect(rows.next(key('Home'), 13, 1)).toBe(10);
    expect(rows.next(key('End'), 7, 1)).toBe(9);
    expect(rows.next(key('PageDown'), 1, 3)).toBe(11);
    expect(rows.next(key('End', true), 0, 1)).toBe(15);
    expect(rows.next(key('ArrowDown'), 15, 1)).toBe(15);
    expect(rows.next(key('x'), 4, 1)).toBeNull();
  });

  it('lays items the groups do not cover yet in plain rows after them', () => {
    const growing = groupedRows(9, 5, 200, [{ folder: '', firstIndex: 0, count: 2 }]);
    expect(Array.from({ length: growing.count }, (_, index) => growing.row(index))).toEqual([
      { kind: 'heading', folder: '', count: 2 },
      { kind: 'items', start: 0, count: 2 },
      { kind: 'items', start: 2, count: 5 },
      { kind: 'items', start: 7, count: 2 },
    ]);
  });
});

describe('plainRows', () => {
  it('is the ungrouped grid: rows of columns, keys as nextGridIndex', () => {
    const plain = plainRows(12, 5, 200);
    expect(plain.count).toBe(3);
    expect(plain.row(2)).toEqual({ kind: 'items', start: 10, count: 2 });
    expect(plain.rowOfItem(7)).toBe(1);
    expect(plain.next(key('ArrowDown'), 8, 1)).toBe(11);
  });
});
