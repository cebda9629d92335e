import { useState } from 'react';
import type { Settings } from '../../../shared/settings/settings.js';
import { NotesFolderSection, notesFolderDraftOf, notesFolderPatchOf } from '../notes/notes-folder-section';
import { TeamSharingSection, teamSharingDraftOf, teamSharingPatchOf } from '../team-sharing/team-sharing-section';
import { SettingsSection } from './settings-section';

interface FolderSectionProps {
  dialogId: string;
  /** The settings as saved now (team sharing asks consent when sharing is off there). */
  settings: Settings;
  onSaved: (settings: Settings) => void;
  canPickFolder: boolean;
}

/** Notes: where case notes are kept, saved on its own. */
export function NotesSettings({ dialogId, settings, onSaved, canPickFolder }: FolderSectionProps) {
  const [draft, setDraft] = useState(() => notesFolderDraftOf(settings));
  return (
    <SettingsSection dialogId={dialogId} section="notes" patch={notesFolderPatchOf(draft)} onSaved={onSaved}>
      <NotesFolderSection draft={draft} onChange={setDraft} canPickFolder={canPickFolder} />
    </SettingsSection>
  );
}

/** Sharing: weekly summaries for the team, saved on its own. */
export function SharingSettings({ dialogId, settings, onSaved, canPickFolder }: FolderSectionProps) {
  const [draft, setDraft] = useState(() => teamSharingDraftOf(settings));
  return (
    <SettingsSection dialogId={dialogId} section="sharing" patch={teamSharingPatchOf(draft)} onSaved={onSaved}>
      <TeamSharingSection draft={draft} onChange={setDraft} settings={settings} canPickFolder={canPickFolder} />
    </SettingsSection>
  );
}
