import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { FolderField } from '../team-sharing/folder-field';

/** The notes folder as typed; empty means "beside the case". */
type NotesFolderDraft = string;

export function notesFolderDraftOf(settings: Settings): NotesFolderDraft {
  return settings.notesFolder ?? '';
}

export function notesFolderPatchOf(draft: NotesFolderDraft): SettingsPatch {
  return { notesFolder: draft.trim() === '' ? null : draft.trim() };
}

/**
 * "Case notes": where the investigator's notes go. Beside the case folder by default;
 * a chosen folder (a case-work share) for units whose case folders sit inside a larger
 * evidence tree, where "beside" would still be evidence.
 */
export function NotesFolderSection({
  draft,
  onChange,
  canPickFolder,
}: {
  draft: NotesFolderDraft;
  onChange: (draft: NotesFolderDraft) => void;
  canPickFolder: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('notes.settingsGroup')}</legend>
      <FolderField
        label={t('notes.folder')}
        help={t('notes.folderHelp')}
        value={draft}
        onChange={onChange}
        path="notesFolder"
        canPickFolder={canPickFolder}
        chooseLabel={t('teamSharing.choose')}
        chooseFailed={(message) => t('teamSharing.chooseFailed', { message })}
      />
    </fieldset>
  );
}
