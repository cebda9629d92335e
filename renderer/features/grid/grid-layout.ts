/** Smallest tile width before a column is dropped, in CSS pixels. */
const MIN_TILE_WIDTH_PX = 168;
export const GAP_PX = 12;
/** Space below the picture for the file name and badges. */
const CAPTION_HEIGHT_PX = 48;
/** Padding around the grid, inside the scrolling area. */
export const GRID_PADDING_PX = 16;

export interface GridLayout {
  columns: number;
  rowCount: number;
  tileWidthPx: number;
  /** Height of a row without the gap below it. */
  rowHeightPx: number;
}

/**
 * Columns and row height for a scrolling area `containerWidthPx` wide holding
 * `itemCount` items. A zero width (not laid out yet) gives one column.
 */
export function gridLayout(containerWidthPx: number, itemCount: number): GridLayout {
  const innerWidthPx = Math.max(0, containerWidthPx - 2 * GRID_PADDING_PX);
  const columns = Math.max(1, Math.floor((innerWidthPx + GAP_PX) / (MIN_TILE_WIDTH_PX + GAP_PX)));
  const tileWidthPx = Math.max(MIN_TILE_WIDTH_PX, Math.floor((innerWidthPx - GAP_PX * (columns - 1)) / columns));
  return {
    columns,
    rowCount: Math.ceil(itemCount / columns),
    tileWidthPx,
    rowHeightPx: tileWidthPx + CAPTION_HEIGHT_PX,
  };
}
