import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSharingStatus, WeeklyExportErrorCode } from '../../../shared/team-sharing/team-sharing-contract.js';
import { useVeil } from '../../api/api';
import { messageOf } from '../../app/error-message';
import { useExportFailureWords } from './sharing-status-line';

type ExportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; week: string; fileName: string }
  /** `code` when the back end recorded this failure; otherwise its message is all there is. */
  | { status: 'failed'; code: WeeklyExportErrorCode | null; message: string };

export interface ExportNowProps {
  /** Sharing is on and saved with the folder shown (the back end exports only then). */
  ready: boolean;
  /** The back end's status after an attempt, for the status line. */
  onStatus: (status: TeamSharingStatus) => void;
}

/**
 * "Export last week now" and what came of it. A failure is told in words by its code
 * (read back from the status the back end recorded), with the technical detail in small
 * print; a refusal with no recorded failure (e.g. sharing turned off meanwhile) shows the
 * back end's own message.
 */
export function ExportNow({ ready, onStatus }: ExportNowProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const failureWords = useExportFailureWords();
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
        const message = messageOf(error);
        client.call('getTeamSharing', {}).then(
          (status) => {
            onStatus(status);
            // The back end's refusal carries the recorded failure's detail as its message.
            const recorded = status.lastFailure?.detail === message ? status.lastFailure.code : null;
            setState({ status: 'failed', code: recorded, message });
          },
          () => setState({ status: 'failed', code: null, message }),
        );
      },
    );
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={!ready || state.status === 'busy'}
        aria-describedby={ready ? undefined : hintId}
        onClick={exportNow}
      >
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
          {t('teamSharing.exportFailed', { reason: state.code ? failureWords(state.code) : state.message })}
          {state.code && <small className="problem-detail">{state.message}</small>}
        </p>
      )}
    </>
  );
}
