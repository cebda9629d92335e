import type { FolderGroup } from '../../../shared/case/folder-groups.js';
import { nextGridIndex, type GridKey } from './grid-keys';

/** Height of a folder's heading row when the grid is grouped, in CSS pixels. */
const HEADING_HEIGHT_PX = 36;

/** One row of the grid: a folder's heading, or up to `columns` items from `start`. */
type GridRow = { kind: 'heading'; folder: string; count: number } | { kind: 'items'; start: number; count: number };

/**
 * The grid's rows as the virtualizer sees them. Item indices never change with the
 * grouping (the list order is the same): only the rows they sit in do.
 */
export interface GridRows {
  count: number;
  row(rowIndex: number): GridRow;
  sizePx(rowIndex: number): number;
  /** The row holding an item, for scrolling it into view. */
  rowOfItem(index: number): number;
  /** Where a navigation key moves the focus (null for other keys); see nextGridIndex. */
  next(key: GridKey, index: number, pageRows: number): number | null;
}

/** Plain rows of `columns` items: O(1) per row, whatever the size of the case. */
export function plainRows(total: number, columns: number, rowHeightPx: number): GridRows {
  return {
    count: Math.ceil(total / columns),
    row: (rowIndex) => ({ kind: 'items', start: rowIndex * columns, count: Math.min(columns, total - rowIndex * columns) }),
    sizePx: () => rowHeightPx,
    rowOfItem: (index) => Math.floor(index / columns),
    next: (key, index, pageRows) => nextGridIndex(key, { index: Math.min(index, total - 1), columns, total, pageRows }),
  };
}

/**
 * A heading row per folder, then its items in rows of `columns`. Items the groups do not
 * cover yet (listed since they were read) follow in plain rows. Arrows move between
 * the rows as drawn: Down goes to the same column of the next row of items, or its last item.
 */
export function groupedRows(total: number, columns: number, rowHeightPx: number, groups: readonly FolderGroup[]): GridRows {
  const rows: GridRow[] = [];
  /** Indices into `rows` of the item rows, in order, for the keyboard. */
  const itemRows: number[] = [];
  const pushItems = (start: number, end: number) => {
    for (let first = start; first < end; first += columns) {
      itemRows.push(rows.length);
      rows.push({ kind: 'items', start: first, count: Math.min(columns, end - first) });
    }
  };
  let covered = 0;
  for (const group of groups) {
    const end = Math.min(total, group.firstIndex + group.count);
    if (group.firstIndex !== covered || end <= covered) break;
    rows.push({ kind: 'heading', folder: group.folder, count: end - covered });
    pushItems(covered, end);
    covered = end;
  }
  pushItems(covered, total);

  const itemRowAt = (position: number) => rows[itemRows[position] ?? -1];
  /** Position in `itemRows` of the row holding an item (binary search on the rows' first items). */
  const positionOf = (index: number): number => {
    let low = 0;
    let high = itemRows.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const row = itemRowAt(middle);
      if (row?.kind === 'items' && row.start <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  return {
    count: rows.length,
    row: (rowIndex) => rows[rowIndex] ?? { kind: 'items', start: 0, count: 0 },
    sizePx: (rowIndex) => (rows[rowIndex]?.kind === 'heading' ? HEADING_HEIGHT_PX : rowHeightPx),
    rowOfItem: (index) => itemRows[positionOf(index)] ?? 0,
    next(key, index, pageRows) {
      if (total === 0) return null;
      const last = total - 1;
      const position = positionOf(Math.min(index, last));
      const current = itemRowAt(position);
      if (current?.kind !== 'items') return null;
      const column = index - current.start;
      const inRow = (target: number) => {
        const row = itemRowAt(Math.max(0, Math.min(itemRows.length - 1, target)));
        return row?.kind === 'items' ? row.start + Math.min(column, row.count - 1) : index;
      };
      const ctrl = key.ctrlKey || key.metaKey;
      switch (key.key) {
        case 'ArrowRight':
          return Math.min(last, index + 1);
        case 'ArrowLeft':
          return Math.max(0, index - 1);
        case 'ArrowDown':
          return inRow(position + 1);
        case 'ArrowUp':
          return inRow(position - 1);
        case 'Home':
          return ctrl ? 0 : current.start;
        case 'End':
          return ctrl ? last : current.start + current.count - 1;
        case 'PageDown':
          return inRow(position + Math.max(1, pageRows));
        case 'PageUp':
          return inRow(position - Math.max(1, pageRows));
        default:
          return null;
      }
    },
  };
}

/** The first and last item in rows `fromRow`..`toRow` (heading rows hold none); [0, -1] when none. */
export function itemSpan(rows: GridRows, fromRow: number, toRow: number): [number, number] {
  let first = -1;
  let last = -1;
  for (let rowIndex = Math.max(0, fromRow); rowIndex <= toRow && rowIndex < rows.count; rowIndex += 1) {
    const row = rows.row(rowIndex);
    if (row.kind !== 'items' || row.count === 0) continue;
    if (first < 0) first = row.start;
    last = row.start + row.count - 1;
  }
  return first < 0 ? [0, -1] : [first, last];
}
