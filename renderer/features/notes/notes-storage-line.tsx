import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/error-message';
import type { NotesStorage } from '../../../shared/notes/case-notes.js';
import type { NotesLoad } from './notes-store';

/** One sentence saying where notes are kept, or why they will not outlast this session. */
function notesStorageText(t: TFunction, storage: NotesStorage): string {
  const { problem } = storage;
  if (!problem) return t('notes.savedBeside', { location: storage.location ?? '' });
  switch (problem.code) {
    case 'demo-case':
      return t('notes.demoCase');
    case 'case-at-root':
      return t('notes.caseAtRoot', { detail: problem.detail });
    case 'newer-format':
      return t('notes.newerFormat', { detail: problem.detail });
    case 'not-writable':
      return t('notes.notWritable', { detail: problem.detail });
    case 'unreadable':
      return t('notes.unreadable', { detail: problem.detail });
    case 'kept-aside':
      return t('notes.keptAside', { detail: problem.detail });
    case 'in-use':
      return t('notes.inUse', { detail: problem.detail });
    case 'folder-in-case':
      return t('notes.folderInCase', { detail: problem.detail });
  }
}

/**
 * Where the open case's notes go. A problem is a status message (read out once when it
 * appears); the plain "saved beside the case" line is small print.
 */
export function NotesStorageLine({ storage, load }: { storage: NotesStorage | null; load: NotesLoad }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  if (load.status === 'failed') {
    return (
      <p role="status" className="notes-storage notes-storage-problem">
        {t('notes.loadFailed', { message: errorText(load.error) })}
      </p>
    );
  }
  if (!storage) return null;
  return (
    <p role={storage.problem ? 'status' : undefined} className={storage.problem ? 'notes-storage notes-storage-problem' : 'notes-storage muted'}>
      {notesStorageText(t, storage)}
    </p>
  );
}
