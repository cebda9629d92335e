import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

export interface AuthoriseFormProps {
  caseId: string;
  item: MediaItem;
  /** The authorisation was recorded: the item is unlocked now. */
  onAuthorised: () => void;
}

/**
 * Stands in for a file the referral locks: says why, and records the warrant's or order's
 * reference and date. Nothing of the file is shown or asked for until the back end has
 * recorded it.
 */
export function AuthoriseForm({ caseId, item, onAuthorised }: AuthoriseFormProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const id = useId();
  const [reference, setReference] = useState('');
  const [dateIso, setDateIso] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reference.trim() === '' || dateIso === '') {
      setError(t('referral.authoriseMissing'));
      return;
    }
    setBusy(true);
    client
      .call('authoriseItem', { caseId, itemId: item.id, reference: reference.trim(), dateIso })
      .then(
        () => onAuthorised(),
        (failure: unknown) => setError(errorText(failure)),
      )
      .finally(() => setBusy(false));
  };

  // Locked because the manifest was refused: no authorisation answers that; the banner offers what does.
  if (item.referral?.manifestRefused === true)
    return (
      <div className="stage-known" role="status">
        {t('referralManifest.lockedWhy')}
      </div>
    );
  return (
    <form className="stage-known referral-authorise" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h3 id={`${id}-title`}>{t('referral.lockedTitle')}</h3>
      <p>{t('referral.lockedWhy')}</p>
      <div className="field">
        <label htmlFor={`${id}-reference`}>{t('referral.reference')}</label>
        <input id={`${id}-reference`} type="text" value={reference} maxLength={200} onChange={(event) => setReference(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('referral.authorisationDate')}</label>
        <input id={`${id}-date`} type="date" value={dateIso} onChange={(event) => setDateIso(event.target.value)} required />
      </div>
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('referral.authorise')}
        </button>
      </div>
    </form>
  );
}
