import { useTranslation } from 'react-i18next';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { ItemStore } from '../case-items/item-store';
import { NotesStorageLine } from '../notes/notes-storage-line';
import type { NotesStore } from '../notes/notes-store';
import { useNotesVersion } from '../notes/use-notes-store';
import { capNames } from './cap-labels';
import { TextOnlyList } from './text-only-list';

export interface TextOnlyPanelProps {
  limits: LimitsView;
  store: ItemStore;
  total: number;
  onOverride: () => void;
  notes: NotesStore;
  onEditNote: (item: MediaItem) => void;
}

/**
 * What the "Media hidden" panel holds in text-only mode: which limit was reached, the
 * Override button, and the case as a text list with the investigator's notes, so work
 * without images goes on.
 */
export function TextOnlyPanel({ limits, store, total, onOverride, notes, onEditNote }: TextOnlyPanelProps) {
  const { t, i18n } = useTranslation();
  useNotesVersion(notes);
  return (
    <div className="text-only-panel">
      <p className="text-only-reason">{t('limits.textOnly', { limits: capNames(t, i18n.language, limits.reachedCaps) })}</p>
      <p className="muted">{t('limits.textOnlyHelp')}</p>
      <button type="button" className="button" onClick={onOverride}>
        {t('limits.override')}
      </button>
      <NotesStorageLine storage={notes.storage} load={notes.load} />
      <TextOnlyList store={store} total={total} notes={notes} onEditNote={onEditNote} />
    </div>
  );
}
