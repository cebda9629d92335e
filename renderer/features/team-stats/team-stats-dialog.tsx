import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { ModalDialog } from '../../app/modal-dialog';
import { useQuery } from '../../hooks/use-query';
import { TeamStatsForm } from './team-stats-form';
import type { TeamStatsQuery } from './team-stats-query';
import { TeamStatsResults } from './team-stats-results';

export interface TeamStatsDialogProps {
  settings: Settings;
  canPickFolder: boolean;
  onSettingsSaved: (settings: Settings) => void;
  onClose: () => void;
}

/**
 * The wellness lead's team view, a full-size dialog: the folder of exports, k and an
 * optional range, then the figures (loadTeamStats). The folder and k are remembered in
 * settings.teamView. The app hides all media while it is open (the caller adds the
 * 'team-stats' reason).
 */
export function TeamStatsDialog({ settings, canPickFolder, onSettingsSaved, onClose }: TeamStatsDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [shown, setShown] = useState<TeamStatsQuery | null>(null);
  // Each "Show" is a new query object, so it asks afresh; an older, slower answer is dropped.
  const { state: load } = useQuery(shown === null ? null : [client, shown], ([, query]) => client.call('loadTeamStats', query));

  const remember = (query: TeamStatsQuery) => {
    const { folder, minGroupSize } = settings.teamView;
    if (folder === query.folderPath && minGroupSize === query.minGroupSize) return;
    // Remembering the folder is a convenience: the figures do not depend on it succeeding.
    client
      .call('updateSettings', { teamView: { folder: query.folderPath, minGroupSize: query.minGroupSize } })
      .then(onSettingsSaved)
      .catch(() => undefined);
  };

  const show = (query: TeamStatsQuery) => {
    setShown(query);
    remember(query);
  };

  return (
    <ModalDialog title={t('teamStats.title')} className="team-stats-dialog" onClose={onClose}>
      <p className="muted team-intro">{t('teamStats.intro')}</p>
      <TeamStatsForm
        initial={{ folder: settings.teamView.folder ?? '', minGroupSize: String(settings.teamView.minGroupSize), fromWeek: '', toWeek: '' }}
        canPickFolder={canPickFolder}
        busy={load.status === 'loading'}
        onShow={show}
      />
      <div className="team-stats-body" aria-busy={load.status === 'loading'}>
        {load.status === 'loading' && <p role="status">{t('teamStats.reading')}</p>}
        {load.status === 'failed' && (
          <p role="alert" className="error-text">
            {t('teamStats.failed', { message: errorText(load.error) })}
          </p>
        )}
        {load.status === 'ready' && <TeamStatsResults result={load.data} />}
      </div>
      <div className="form-actions team-stats-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('teamStats.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
