import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';
import { useVeil } from '../../api/api';
import { useFormatters } from '../../i18n/format';
import { measureClientWidth, useElementMeasure } from '../../hooks/use-element-measure';
import { useMediaVisible } from '../../media-visibility/media-visibility';
import type { ItemStore } from '../case-items/item-store';
import { useReportGridView } from '../exposure/use-report-surface';
import { useItemStoreVersion } from '../case-items/use-item-store';
import type { NotesStore } from '../notes/notes-store';
import { useNotesVersion } from '../notes/use-notes-store';
import { failureOf } from '../media-labels/media-labels';
import { GridCell } from './grid-cell';
import { groupedRows, itemSpan, plainRows } from './grid-rows';
import { useFolderGroups } from './use-folder-groups';
import { GAP_PX, GRID_PADDING_PX, gridLayout } from './grid-layout';
import { ThumbnailReleaser } from './thumbnail-release';
import { useGridSelection } from './grid-selection';
import { SelectionBar } from './selection-bar';
import type { Review } from '../decisions/review-model';

/** Rows rendered beyond the visible ones, each way: enough for smooth scrolling. */
const OVERSCAN_ROWS = 3;

export interface MediaGridHandle {
  /** Scrolls an item into view and focuses its cell (e.g. when the viewer closes). */
  focusItem(index: number): void;
  /** The ids of the selected items (Ctrl/Shift+click, Space), for the number keys; empty when none. */
  selectedItemIds(): readonly string[];
}

export interface MediaGridProps {
  store: ItemStore;
  /** Which items have a note: their tiles are marked. */
  notes: NotesStore;
  total: number;
  profile: FilterProfile;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (index: number) => void;
  /** When another view covers the grid, the grid leaves the focus order. */
  inert?: boolean;
  /** The viewer is drawn over the grid: its thumbnails are not on screen (for the exposure report). */
  covered?: boolean;
  /** The import has ended: an empty grid means the folder has no media, not "not yet". */
  importEnded?: boolean;
  /** The investigator chose "Show known items": known items' pictures may be asked for. */
  knownShown?: boolean;
  /** Controls drawn in the grid's toolbar before its own (the "Show" choice). */
  controls?: ReactNode;
  /** What an empty grid says in place of its own words (a "Show" view with nothing in it). */
  emptyText?: string;
  /** The case's review: with a selection, its Category buttons categorise every selected item together. */
  review?: Review;
  ref?: Ref<MediaGridHandle>;
}

/**
 * While the viewer covers the grid, nothing the app shell passes down is seen: each keypress in the
 * viewer (a decision, the next item) would otherwise draw every tile again behind it. The grid still
 * follows its own store, notes and visibility; once uncovered it is drawn with the props of that moment.
 */
function coveredAndSameList(prev: MediaGridProps, next: MediaGridProps): boolean {
  return prev.covered === true && next.covered === true && prev.store === next.store && prev.total === next.total && prev.inert === next.inert;
}

/**
 * The case's media as an ARIA grid, virtualized by rows: only the rows in view (plus
 * a few) are in the DOM, and their items are fetched page by page as they come into
 * view. One cell is in the tab order (roving tabindex); arrows, Home/End, PageUp/Down
 * and Ctrl+Home/End move it, Enter opens the viewer. Space, Ctrl+click and Shift+click (or
 * Shift+Space) select items, kept by id so the selection outlives the rows drawn.
 */
export const MediaGrid = memo(function MediaGrid({
  store,
  notes,
  total,
  profile,
  activeIndex,
  onActiveIndexChange,
  onOpen,
  inert,
  covered = false,
  importEnded = false,
  knownShown = false,
  controls,
  emptyText,
  review,
  ref,
}: MediaGridProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const mediaVisible = useMediaVisible();
  useItemStoreVersion(store);
  useNotesVersion(notes);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const pendingFocusRef = useRef<number | null>(null);
  const [releaser] = useState(() => new ThumbnailReleaser((itemIds) => client.call('releaseThumbnails', { itemIds })));
  useEffect(() => () => releaser.dispose(), [releaser]);
  const layout = gridLayout(useElementMeasure(scrollElement, measureClientWidth), total);
  const rowStridePx = layout.rowHeightPx + GAP_PX;
  const [grouped, setGrouped] = useState(false);
  const groups = useFolderGroups(grouped, store.caseId, store.view, total, importEnded);
  const gridRows = useMemo(
    () => (groups ? groupedRows(total, layout.columns, layout.rowHeightPx, groups) : plainRows(total, layout.columns, layout.rowHeightPx)),
    [groups, total, layout.columns, layout.rowHeightPx],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us through its own onChange; none of its methods are memoized here.
  const virtualizer = useVirtualizer({
    count: gridRows.count,
    getScrollElement: () => scrollElement,
    estimateSize: gridRows.sizePx,
    gap: GAP_PX,
    paddingStart: GRID_PADDING_PX,
    paddingEnd: GRID_PADDING_PX,
    overscan: OVERSCAN_ROWS,
    // Re-render in React's own time: a synchronous flush from inside a commit is refused by React 19.
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const [firstIndex, lastIndex] = itemSpan(gridRows, rows[0]?.index ?? 0, rows[rows.length - 1]?.index ?? -1);
  // The rows inside the viewport (read after getVirtualItems, which computes them), without the overscan.
  const inView = virtualizer.range;
  const [firstInView, lastInView] = itemSpan(gridRows, inView?.startIndex ?? 0, inView?.endIndex ?? -1);
  useReportGridView(!covered && inView !== null && total > 0 && lastInView >= firstInView, firstInView, lastInView, profile.greyscale, profile.blur);

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, gridRows]);

  // Another case or "Show" view is another list: it starts at its top.
  useEffect(() => {
    if (scrollElement) scrollElement.scrollTop = 0;
  }, [scrollElement, store]);

  useEffect(() => {
    store.ensureRange(firstIndex, lastIndex);
  });

  const activeRendered = activeIndex >= firstIndex && activeIndex <= lastIndex;
  const tabStop = activeRendered ? activeIndex : firstIndex;

  const moveFocus = useCallback(
    (index: number) => {
      pendingFocusRef.current = index;
      onActiveIndexChange(index);
      virtualizer.scrollToIndex(gridRows.rowOfItem(index), { align: 'auto' });
    },
    [gridRows, onActiveIndexChange, virtualizer],
  );

  const selection = useGridSelection(client, store);
  const selectedIds = selection.ids;
  useImperativeHandle(ref, () => ({ focusItem: moveFocus, selectedItemIds: () => [...selectedIds] }), [moveFocus, selectedIds]);
  // Cells get one callback that never changes, so a selection change redraws only the cells whose state moved.
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  });
  const onSelectCell = useCallback((index: number, how: 'toggle' | 'range') => {
    if (how === 'range') selectionRef.current.extendTo(index);
    else selectionRef.current.toggle(index);
  }, []);
  const clearSelection = () => {
    selection.clear();
    moveFocus(activeIndex);
  };

  // Focus follows the keyboard once the target row has been rendered.
  useEffect(() => {
    const pending = pendingFocusRef.current;
    if (pending === null) return;
    const cell = scrollElement?.querySelector<HTMLElement>(`[data-item-index="${pending}"]`);
    if (!cell) return;
    pendingFocusRef.current = null;
    cell.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (total > 0) onOpen(activeIndex);
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      if (event.shiftKey) selection.extendTo(activeIndex);
      else selection.toggle(activeIndex);
      return;
    }
    const viewportPx = virtualizer.scrollRect?.height ?? 0;
    const next = gridRows.next(event, activeIndex, Math.max(1, Math.floor(viewportPx / rowStridePx)));
    if (next === null) return;
    event.preventDefault();
    moveFocus(next);
  };

  const onFocusCell = useCallback(
    (index: number) => {
      if (index !== activeIndex) onActiveIndexChange(index);
    },
    [activeIndex, onActiveIndexChange],
  );
  const onPictureFailed = useCallback((itemId: string) => void store.learnWhyFailed(itemId), [store]);

  return (
    <div className="grid-frame" inert={inert}>
      <div className="grid-toolbar">
        <SelectionBar selection={selection} review={review} onClear={clearSelection} />
        {controls}
        <label className="check">
          <input type="checkbox" checked={grouped} onChange={(event) => setGrouped(event.currentTarget.checked)} />
          {t('items.groupByFolder')}
        </label>
      </div>
      <div
        ref={setScrollElement}
        role="grid"
        className="media-grid"
        aria-label={t('grid.name')}
        aria-rowcount={gridRows.count}
        aria-colcount={layout.columns}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
      >
        {total === 0 && <p className="grid-empty">{emptyText ?? (importEnded ? t('items.gridEmptyDone') : t('grid.empty'))}</p>}
        <div role="rowgroup" className="grid-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const content = gridRows.row(row.index);
            const position = { height: row.size, transform: `translateY(${row.start}px)` };
            if (content.kind === 'heading') {
              return (
                <div key={row.key} role="row" className="grid-row grid-heading-row" aria-rowindex={row.index + 1} style={position}>
                  <span role="columnheader" aria-colspan={layout.columns} className="grid-heading">
                    <FolderHeading folder={content.folder} count={content.count} />
                  </span>
                </div>
              );
            }
            return (
              <div
                key={row.key}
                role="row"
                className="grid-row"
                aria-rowindex={row.index + 1}
                style={{ ...position, gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }}
              >
                {Array.from({ length: content.count }, (_, column) => {
                  const index = content.start + column;
                  const item = store.getItem(index);
                  return (
                    <GridCell
                      key={index}
                      index={index}
                      columnIndex={column}
                      item={item}
                      failure={item ? failureOf(item, store.getFailure(item.id)) : undefined}
                      isTabStop={index === tabStop}
                      selected={item ? selectedIds.has(item.id) : false}
                      onSelect={onSelectCell}
                      hasNote={item ? notes.noteOn(item) !== null : false}
                      mediaVisible={mediaVisible}
                      knownShown={knownShown}
                      profile={profile}
                      client={client}
                      onFocusCell={onFocusCell}
                      onOpen={onOpen}
                      onPictureFailed={onPictureFailed}
                      scrolling={virtualizer.isScrolling}
                      releaser={releaser}
                    />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}, coveredAndSameList);

/** A folder's heading in the grouped grid: its path (or the top of the case) and how many items it holds. */
function FolderHeading({ folder, count }: { folder: string; count: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const options = { count, formatted: format.count(count), folder };
  return <>{folder === '' ? t('items.topFolderGroup', options) : t('items.folderGroup', options)}</>;
}
