import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { NotesStore } from './notes-store';
import { useNotesVersion } from './use-notes-store';

/** "Add note" or "Edit note" for one item; its accessible name names the file. */
export function NoteButton({ store, item, onEdit }: { store: NotesStore; item: MediaItem; onEdit: (item: MediaItem) => void }) {
  const { t } = useTranslation();
  useNotesVersion(store);
  const hasNote = store.noteOn(item) !== null;
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={t(hasNote ? 'notes.editOn' : 'notes.addOn', { name: item.name })}
      onClick={() => onEdit(item)}
    >
      {t(hasNote ? 'notes.edit' : 'notes.add')}
    </button>
  );
}
