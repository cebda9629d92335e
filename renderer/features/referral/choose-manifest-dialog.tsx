import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeil } from '../../api/api';
import { ModalDialog } from '../../app/modal-dialog';
import { useErrorText } from '../../app/error-message';
import { FileField } from '../../app/file-field';

/**
 * Header menu → "Choose referral manifest…": a manifest kept anywhere (the hotline's folder,
 * not beside the case) for the open case, by its full path (typed, or picked with "Browse…" in
 * the desktop app), as hash sets and schemes are chosen. It is read before anything is remembered: a refused file says why and changes nothing.
 */
export function ChooseManifestDialog({ caseId, canPickFile, onClose }: { caseId: string; canPickFile: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [filePath, setFilePath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (filePath.trim() === '') {
      setError(t('referralManifest.pathMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    client
      .call('chooseReferralManifest', { caseId, filePath: filePath.trim() })
      .then(onClose, (failure: unknown) => setError(t('referralManifest.refusedChoice', { message: errorText(failure) })))
      .finally(() => setBusy(false));
  };
  return (
    <ModalDialog title={t('referralManifest.dialogTitle')} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p>{t('referralManifest.dialogIntro')}</p>
        <FileField label={t('referralManifest.filePath')} value={filePath} onChange={setFilePath} purpose="referral-manifest" canPick={canPickFile} />
        {error !== null && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="form-actions modal-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('referralManifest.read')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('referralManifest.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
