import { useTranslation } from 'react-i18next';
import type { TeamSharingStatus, WeeklyExportErrorCode } from '../../../shared/team-sharing/team-sharing-contract.js';
import { useErrorText } from '../../app/error-message';
import type { QueryState } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { weekWithDays } from '../team-stats/week-label';

/** What the status line knows: the back end's status, or why it could not be read. */
export type SharingStatusState = QueryState<TeamSharingStatus>;

/** Why an export failed, in words, keyed by the back end's code (for a failure recorded without a reason). */
function useExportFailureWords(): (code: WeeklyExportErrorCode) => string {
  const { t } = useTranslation();
  return (code) => t(`teamSharing.failure.${code}`);
}

/**
 * The last week exported and, until an export succeeds again, the last failure in words
 * (naming the folder and the system's error code when there was one). A status region, so a change is announced.
 */
export function SharingStatusLine({ state }: { state: SharingStatusState }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const failureWords = useExportFailureWords();
  const { errorText, reasonText } = useErrorText();
  return (
    <div role="status" className="sharing-status">
      {state.status === 'loading' && <p className="muted">{t('teamSharing.statusLoading')}</p>}
      {state.status === 'failed' && <p className="error-text">{t('teamSharing.statusFailed', { message: errorText(state.error) })}</p>}
      {state.status === 'ready' && (
        <>
          <p>
            {state.data.lastExportedWeek === null
              ? t('teamSharing.noneExported')
              : t('teamSharing.lastExported', { week: weekWithDays(state.data.lastExportedWeek, format.locale) })}
          </p>
          {state.data.lastFailure && (
            <p className="error-text">
              {t('teamSharing.lastFailure', {
                week: state.data.lastFailure.week,
                // Failures recorded before reasons existed have only their code (and an English log line).
                reason: state.data.lastFailure.reason ? reasonText(state.data.lastFailure.reason) : failureWords(state.data.lastFailure.code),
              })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
