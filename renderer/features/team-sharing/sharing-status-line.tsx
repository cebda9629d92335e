import { useTranslation } from 'react-i18next';
import type { TeamSharingStatus, WeeklyExportErrorCode } from '../../../shared/team-sharing/team-sharing-contract.js';
import { messageOf } from '../../app/error-message';
import type { QueryState } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { weekWithDays } from '../team-stats/week-label';

/** What the status line knows: the back end's status, or why it could not be read. */
export type SharingStatusState = QueryState<TeamSharingStatus>;

/** Why an export failed, in words, keyed by the back end's code (the technical detail goes in small print). */
export function useExportFailureWords(): (code: WeeklyExportErrorCode) => string {
  const { t } = useTranslation();
  return (code) => t(`teamSharing.failure.${code}`);
}

/**
 * The last week exported and, until an export succeeds again, the last failure in words
 * with its technical detail in small print. A status region, so a change is announced.
 */
export function SharingStatusLine({ state }: { state: SharingStatusState }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const failureWords = useExportFailureWords();
  return (
    <div role="status" className="sharing-status">
      {state.status === 'loading' && <p className="muted">{t('teamSharing.statusLoading')}</p>}
      {state.status === 'failed' && <p className="error-text">{t('teamSharing.statusFailed', { message: messageOf(state.error) })}</p>}
      {state.status === 'ready' && (
        <>
          <p>
            {state.data.lastExportedWeek === null
              ? t('teamSharing.noneExported')
              : t('teamSharing.lastExported', { week: weekWithDays(state.data.lastExportedWeek, format.locale) })}
          </p>
          {state.data.lastFailure && (
            <p className="error-text">
              {t('teamSharing.lastFailure', { week: state.data.lastFailure.week, reason: failureWords(state.data.lastFailure.code) })}
              <small className="problem-detail">{state.data.lastFailure.detail}</small>
            </p>
          )}
        </>
      )}
    </div>
  );
}
