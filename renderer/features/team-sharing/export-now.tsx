import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSharingStatus } from '../../../shared/team-sharing/team-sharing-contract.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

type ExportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; week: string; fileName: string } | { status: 'failed'; error: unknown };

export interface ExportNowProps {
  /** Sharing is on and saved with the folder shown (the back end exports only then). */
  ready: boolean;
  /** The back end's status after an attempt, for the status line. */
  onStatus: (status: TeamSharingStatus) => void;
}

/**
 * "Export last week now" and what came of it. A failure is told by the back end's reason
 * (the folder, and the system's error code when there was one); the status line is
 * refreshed so it shows the recorded failure too.
 */
export function ExportNow({ ready, onStatus }: ExportNowProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const { errorText } = useErrorText();
  const hintId = useId();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const exportNow = () => {
    setState({ status: 'busy' });
    client.call('exportWeeklySummary', {}).then(
      ({ week, fileName, status }) => {
        onStatus(status);
        setState({ status: 'done', week, fileName });
      },
      (error: unknown) => {
        setState({ status: 'failed', error });
        client.call('getTeamSharing', {}).then(onStatus, () => undefined);
      },
    );
  };

  return (
    <>
      <button type="button" className="button" disabled={!ready || state.status === 'busy'} aria-describedby={ready ? undefined : hintId} onClick={exportNow}>
        {state.status === 'busy' ? t('teamSharing.exporting') : t('teamSharing.exportNow')}
      </button>
      {!ready && (
        <span id={hintId} className="field-help">
          {t('teamSharing.exportNeedsSaved')}
        </span>
      )}
      {state.status === 'done' && (
        <p role="status" className="team-sharing-result">
          {t('teamSharing.exported', { week: state.week, file: state.fileName })}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="team-sharing-result error-text">
          {t('teamSharing.exportFailed', { reason: errorText(state.error) })}
        </p>
      )}
    </>
  );
}
