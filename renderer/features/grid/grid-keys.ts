export interface GridKeyContext {
  index: number;
  columns: number;
  total: number;
  /** Whole rows visible at once; PageUp/PageDown move by this many. */
  pageRows: number;
}

export interface GridKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * Where a navigation key moves the focus in a grid of `total` items laid out in rows of
 * `columns` (the last row may be short). Returns null for keys that do not navigate.
 * Left/Right wrap to the neighbouring row, as in a file manager; Home/End stay in the
 * row; Ctrl (or ⌘) + Home/End go to the first/last item.
 */
export function nextGridIndex(key: GridKey, context: GridKeyContext): number | null {
  const { index, columns, total, pageRows } = context;
  if (total === 0) return null;
  const last = total - 1;
  const rowStart = index - (index % columns);
  const clamp = (value: number) => Math.min(last, Math.max(0, value));
  const ctrl = key.ctrlKey || key.metaKey;
  switch (key.key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns <= last ? index + columns : rowStart + columns <= last ? last : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? last : Math.min(last, rowStart + columns - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, pageRows) * columns);
    case 'PageUp': {
      const target = index - Math.max(1, pageRows) * columns;
      return target >= 0 ? target : index % columns;
    }
    default:
      return null;
  }
}
