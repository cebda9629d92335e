import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_OVERRIDE_REASON_CHARS } from '../../../shared/limits/limit-records.js';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { rejectionText } from '../wellbeing/rejection-text';
import { useWellbeing } from '../wellbeing/wellbeing-provider';

export interface OverrideLimitDialogProps {
  limits: LimitsView;
  /** What one override adds, in minutes (settings.limits.overrideExtensionMin). */
  extensionMin: number;
  onClose: () => void;
}

/**
 * "Override limit": a typed reason (checked for length here, so nothing empty is sent)
 * asks the back end for the one fixed extension of every reached cap. It closes when
 * all were granted (media returns with the view); a refusal is shown in its words.
 */
export function OverrideLimitDialog({ limits, extensionMin, onClose }: OverrideLimitDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const wellbeing = useWellbeing();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!wellbeing) return;
    for (const { quantity, period } of limits.reachedCaps) {
      const { rejected } = await wellbeing.overrideLimit({ quantity, period, reason: reason.trim() });
      if (rejected !== null) {
        setError(t('limits.overrideRejected', { reason: rejectionText(t, rejected) }));
        return;
      }
    }
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim().length < MIN_OVERRIDE_REASON_CHARS) {
      setError(t('limits.reasonTooShort', { min: MIN_OVERRIDE_REASON_CHARS }));
      return;
    }
    setBusy(true);
    setError(null);
    submit()
      .catch((failure: unknown) => setError(t('limits.overrideFailed', { message: errorText(failure) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('limits.overrideTitle')} className="override-dialog" describedBy={`${id}-body`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p id={`${id}-body`}>{t('limits.overrideBody', { extension: t('limits.extension', { count: extensionMin }) })}</p>
        <div className="field">
          <label htmlFor={id} className="field-label">
            {t('limits.reason')}
          </label>
          <textarea id={id} rows={3} required value={reason} aria-describedby={`${id}-help`} onChange={(event) => setReason(event.currentTarget.value)} />
          <span id={`${id}-help`} className="field-help">
            {t('limits.reasonHelp', { min: MIN_OVERRIDE_REASON_CHARS })}
          </span>
        </div>
        <FormFooter
          error={error}
          busy={busy}
          cancelLabel={t('limits.cancel')}
          submitLabel={t('limits.override')}
          busyLabel={t('limits.overriding')}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
