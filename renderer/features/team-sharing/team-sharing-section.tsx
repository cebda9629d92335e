import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useQuery } from '../../hooks/use-query';
import { ExportNow } from './export-now';
import { FolderField } from './folder-field';
import { SharingPreviewDialog } from './sharing-preview-dialog';
import { SharingStatusLine } from './sharing-status-line';

interface TeamSharingDraft {
  enabled: boolean;
  /** As typed; empty means none. */
  folder: string;
  automatic: boolean;
}

export function teamSharingDraftOf(settings: Settings): TeamSharingDraft {
  const { enabled, folder, automatic } = settings.teamSharing;
  return { enabled, folder: folder ?? '', automatic };
}

/** The whole `teamSharing` object; the settings schema refuses sharing on without a folder. */
export function teamSharingPatchOf(draft: TeamSharingDraft): SettingsPatch {
  const folder = draft.folder.trim();
  return { teamSharing: { enabled: draft.enabled, folder: folder.length > 0 ? folder : null, automatic: draft.automatic } };
}

export interface TeamSharingSectionProps {
  draft: TeamSharingDraft;
  onChange: (draft: TeamSharingDraft) => void;
  /** The settings as saved: consent is asked when sharing was off there. */
  settings: Settings;
  canPickFolder: boolean;
}

/**
 * The investigator's "Team statistics" section of Settings: what is shared in plain
 * words, the choice to share (off until made), the folder, automatic weekly export, the
 * preview, an export by hand and the status. Consent: the first time sharing is turned
 * on (it was off as saved and no week was ever exported) the exact file is shown first,
 * and the box is ticked only once the investigator confirms "Share summaries like this";
 * Saving the section then saves it like any other setting.
 */
export function TeamSharingSection({ draft, onChange, settings, canPickFolder }: TeamSharingSectionProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const { state: status, setData: setStatus } = useQuery([client], () => client.call('getTeamSharing', {}));
  const [preview, setPreview] = useState<'view' | 'consent' | null>(null);
  const [consented, setConsented] = useState(false);
  const [folderFirst, setFolderFirst] = useState(false);

  // Until the status is known, assume nothing was ever exported: asking once too often is the safe side.
  const everExported = status.status === 'ready' && status.data.lastExportedWeek !== null;
  const needsConsent = !settings.teamSharing.enabled && !everExported && !consented;

  const onEnabledChange = (enabled: boolean) => {
    setFolderFirst(false);
    if (!enabled) {
      onChange({ ...draft, enabled: false });
      return;
    }
    if (draft.folder.trim().length === 0) {
      setFolderFirst(true);
      return;
    }
    if (needsConsent) setPreview('consent');
    else onChange({ ...draft, enabled: true });
  };

  const onConsent = () => {
    setConsented(true);
    setPreview(null);
    onChange({ ...draft, enabled: true });
  };

  const savedFolder = settings.teamSharing.folder ?? '';
  const exportReady = settings.teamSharing.enabled && draft.enabled && draft.folder.trim() === savedFolder;

  return (
    <fieldset className="team-sharing-section">
      <legend>{t('teamSharing.group')}</legend>
      <p className="field-help">{t('teamSharing.intro')}</p>
      <ul className="team-sharing-facts">
        <li>{t('teamSharing.shared')}</li>
        <li>{t('teamSharing.neverShared')}</li>
        <li>{t('teamSharing.groupRule')}</li>
      </ul>
      <FolderField
        label={t('teamSharing.folder')}
        help={t('teamSharing.folderHelp')}
        value={draft.folder}
        onChange={(folder) => {
          setFolderFirst(false);
          onChange({ ...draft, folder });
        }}
        canPickFolder={canPickFolder}
        chooseLabel={t('teamSharing.choose')}
        chooseFailed={(message) => t('teamSharing.chooseFailed', { message })}
        invalid={folderFirst}
        path="teamSharing.folder"
      />
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(event) => onEnabledChange(event.currentTarget.checked)} />
        {t('teamSharing.enabled')}
      </label>
      {folderFirst && (
        <p role="alert" className="error-text">
          {t('teamSharing.folderFirst')}
        </p>
      )}
      {draft.enabled && !settings.teamSharing.enabled && <p className="field-help">{t('teamSharing.startsOnSave')}</p>}
      <label className="check">
        <input type="checkbox" checked={draft.automatic} onChange={(event) => onChange({ ...draft, automatic: event.currentTarget.checked })} />
        {t('teamSharing.automatic')}
      </label>
      <div className="team-sharing-actions">
        <button type="button" className="button" onClick={() => setPreview('view')}>
          {t('teamSharing.showPreview')}
        </button>
        <ExportNow ready={exportReady} onStatus={setStatus} />
      </div>
      <SharingStatusLine state={status} />
      {preview !== null && <SharingPreviewDialog mode={preview} onConfirm={onConsent} onClose={() => setPreview(null)} />}
    </fieldset>
  );
}
