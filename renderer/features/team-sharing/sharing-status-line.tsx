import { useTranslation } from 'react-i18next';
import type { TeamSharingStatus, WeeklyExportErrorCode } from '../../../shared/team-sharing/team-sharing-contract.js';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { weekWithDays } from '../team-stats/week-label';

/** What the status line knows: the back end's status, or why it could not be read. */
export type SharingStatusState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: TeamSharingStatus };

/** Why an export failed, in words, keyed by the back end's code (for a failure recorded without a reason). */
export function useExportFailureWords(): (code: WeeklyExportErrorCode) => string {
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
            {state.value.lastExportedWeek === null
              ? t('teamSharing.noneExported')
              : t('teamSharing.lastExported', { week: weekWithDays(state.value.lastExportedWeek, format.locale) })}
          </p>
          {state.value.lastFailure && (
            <p className="error-text">
              {t('teamSharing.lastFailure', {
                week: state.value.lastFailure.week,
                // Failures recorded before reasons existed have only their code (and an English log line).
                reason: state.value.lastFailure.reason ? reasonText(state.value.lastFailure.reason) : failureWords(state.value.lastFailure.code),
              })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
