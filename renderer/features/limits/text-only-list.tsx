import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { formatSizeBytes } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import type { ItemStore } from '../case-items/item-store';
import { useItemStoreVersion } from '../case-items/use-item-store';
import { folderText } from '../case-items/item-paths';
import { errorReason, failureOf, typeDescription } from '../media-labels/media-labels';
import { NoteButton } from '../notes/note-button';
import type { NotesStore } from '../notes/notes-store';
import { useNotesVersion } from '../notes/use-notes-store';
import { hasNearCopies } from '../known/near-stack';
import { TextOnlyStack } from './text-only-stack';

/** Each row holds four short lines of text (name, details, paths, the note) beside its note button. */
const ROW_HEIGHT_PX = 96;
/** A row of a near stack has a fifth: the stack's files. */
const STACK_ROW_HEIGHT_PX = 118;
const OVERSCAN_ROWS = 8;

function ItemText({ item, store, notes }: { item: MediaItem; store: ItemStore; notes: NotesStore }) {
  const { t, i18n } = useTranslation();
  useNotesVersion(notes);
  const failure = failureOf(item, store.getFailure(item.id));
  const note = notes.noteOn(item);
  // Every file this row stands for: the one shown and its identical copies.
  const pathText = t('limits.path', { path: item.relativePath });
  const paths = item.duplicatePaths.length > 0 ? `${pathText} · ${t('items.copiesLine', { paths: item.duplicatePaths.join(', ') })}` : pathText;
  return (
    <div className="text-item-text">
      <span className="text-item-name">{item.name}</span>
      <span className="text-item-meta">
        {typeDescription(t, item)} · {formatSizeBytes(item.sizeBytes, intlLocale(i18n.language))} · {folderText(t, item)}
        {failure && <span className="text-item-error"> · {errorReason(t, failure.error)}</span>}
      </span>
      <span className="text-item-meta" title={paths}>
        {paths}
      </span>
      {hasNearCopies(item) && <TextOnlyStack caseId={store.caseId} item={item} />}
      {note && <span className="text-item-note">{t('notes.preview', { text: note.text })}</span>}
    </div>
  );
}

export interface TextOnlyListProps {
  store: ItemStore;
  total: number;
  notes: NotesStore;
  onEditNote: (item: MediaItem) => void;
}

/**
 * The case as text, for text-only mode: file name, type, size, folder, relative path and
 * those of its identical copies, the files of its near stack, whether it could be shown and
 * the investigator's note, one row per item. Virtualized and fed by the same item store as the grid, so a 100,000-item case costs only the rows on screen. The list
 * is focusable so the keyboard can scroll it.
 */
export function TextOnlyList({ store, total, notes, onEditNote }: TextOnlyListProps) {
  const { t } = useTranslation();
  const version = useItemStoreVersion(store);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const rowHeightPx = (index: number): number => {
    const item = store.getItem(index);
    return item && hasNearCopies(item) ? STACK_ROW_HEIGHT_PX : ROW_HEIGHT_PX;
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us through its own onChange.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollElement,
    estimateSize: rowHeightPx,
    overscan: OVERSCAN_ROWS,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    store.ensureRange(first, last);
  }, [store, first, last]);
  // Rows arrive (and stacks grow) after they were first laid out: sized again from what is known now.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, version]);

  return (
    <div ref={setScrollElement} className="text-only-list" role="list" aria-label={t('limits.itemsList')} tabIndex={0}>
      <div className="text-only-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = store.getItem(row.index);
          return (
            <div
              key={row.key}
              role="listitem"
              aria-setsize={total}
              aria-posinset={row.index + 1}
              className="text-item"
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              {item ? (
                <>
                  <ItemText item={item} store={store} notes={notes} />
                  <NoteButton store={notes} item={item} onEdit={onEditNote} />
                </>
              ) : (
                <span className="muted">{t('limits.loadingItem', { position: row.index + 1 })}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
