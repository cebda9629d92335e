import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../shared/referral/referral-status.js';
import { useVeil } from '../../api/api';
import { standalone, useErrorText } from '../../app/error-message';

/** The open case's referral manifest state, asked again whenever the case changes (a manifest read, refused, chosen, continued without). */
function useReferralStatus(caseId: string): [ReferralStatus | null, (status: ReferralStatus) => void] {
  const client = useVeil();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void client.call('getReferralStatus', { caseId }).then(
        (next) => live && setStatus(next),
        // A case left meanwhile answers case-not-open: the next case's own status replaces it.
        () => undefined,
      );
    ask();
    const off = client.on('caseChanged', (summary) => summary.caseId === caseId && ask());
    return () => {
      live = false;
      off();
    };
  }, [client, caseId]);
  return [status, setStatus];
}

/**
 * Says, until it is dealt with, that the case's referral manifest was refused and why, and
 * that every file stays locked meanwhile; offers to choose another manifest or to continue
 * without it (recorded with who and when). Nothing when the manifest was read or there is none.
 */
export function ManifestStatusBanner({ caseId, onChoose }: { caseId: string; onChoose: () => void }) {
  const { t } = useTranslation();
  const { errorText, reasonText } = useErrorText();
  const client = useVeil();
  const [status, setStatus] = useReferralStatus(caseId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (status?.state !== 'refused') return null;

  const continueWithout = () => {
    setBusy(true);
    setError(null);
    client
      .call('continueWithoutManifest', { caseId })
      .then(setStatus, (failure: unknown) => setError(errorText(failure)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="banner referral-refused" role="alert" aria-label={t('referralManifest.refusedTitle')}>
      <p>
        <strong>{t('referralManifest.refusedTitle')}</strong> {t('referralManifest.refusedFile', { path: status.manifestPath ?? '' })}
      </p>
      {status.reason && <p>{standalone(reasonText(status.reason))}</p>}
      <p>{t('referralManifest.refusedLocked')}</p>
      {error !== null && <p className="error-text">{error}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={onChoose}>
          {t('referralManifest.choose')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={continueWithout}>
          {t('referralManifest.continueWithout')}
        </button>
      </div>
    </section>
  );
}
