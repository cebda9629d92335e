import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { MAX_NOTE_CHARS } from '../../../shared/notes/case-notes.js';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { useFormatters } from '../../i18n/format';
import { NotesStorageLine } from './notes-storage-line';
import type { NotesStore } from './notes-store';
import { useNotesVersion } from './use-notes-store';

export interface NoteEditorDialogProps {
  store: NotesStore;
  item: MediaItem;
  onClose: () => void;
}

/**
 * "Note on <file>": the investigator's own words about one item. Saving an empty note
 * removes it. A failed save keeps the dialog open with the text as typed, so nothing is
 * lost; where the note is kept is said under the field.
 */
export function NoteEditorDialog({ store, item, onClose }: NoteEditorDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  useNotesVersion(store);
  const format = useFormatters();
  const id = useId();
  const [text, setText] = useState(() => store.noteOn(item)?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    store
      .save(item, text)
      .then((storage) => {
        // A share that turned read-only while the dialog was open: say so here, where the user is looking.
        if (storage.problem?.code !== 'not-writable') return onClose();
        setError(t('notes.keptForSession'));
        setBusy(false);
        return undefined;
      })
      .catch((failure: unknown) => {
        setError(t('notes.failed', { message: errorText(failure) }));
        setBusy(false);
      });
  };

  return (
    <ModalDialog title={t('notes.title', { name: item.name })} className="note-dialog" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={id} className="field-label">
            {t('notes.label')}
          </label>
          <textarea
            id={id}
            rows={8}
            maxLength={MAX_NOTE_CHARS}
            value={text}
            aria-describedby={`${id}-help ${id}-length`}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <span id={`${id}-help`} className="field-help">
            {t('notes.help', { max: format.count(MAX_NOTE_CHARS) })}
          </span>
          <span id={`${id}-length`} className="field-help">
            {t('notes.length', { count: text.length, length: format.count(text.length), max: format.count(MAX_NOTE_CHARS) })}
          </span>
        </div>
        <NotesStorageLine storage={store.storage} load={store.load} />
        <FormFooter error={error} busy={busy} cancelLabel={t('notes.cancel')} submitLabel={t('notes.save')} busyLabel={t('notes.saving')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
