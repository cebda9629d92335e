import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_OVERRIDE_REASON_CHARS, MIN_OVERRIDE_REASON_CHARS } from '../../../shared/limits/limit-records.js';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import { useErrorText } from '../../app/error-message';
import { FormFooter, TextField } from '../../app/form-fields';
import { FieldValidationProvider, useFormValidation } from '../../app/form-validation';
import { ModalDialog } from '../../app/modal-dialog';
import { rejectionText } from '../wellbeing/rejection-text';
import { useWellbeing } from '../wellbeing/wellbeing-provider';

/** The reason as the ledger keeps it (limit-records.ts): trimmed, within the same bounds. */
const OverrideReasonSchema = z.object({ reason: z.string().min(MIN_OVERRIDE_REASON_CHARS).max(MAX_OVERRIDE_REASON_CHARS) });

export interface OverrideLimitDialogProps {
  limits: LimitsView;
  /** What one override adds, in minutes (settings.limits.overrideExtensionMin). */
  extensionMin: number;
  onClose: () => void;
}

/**
 * "Override limit": a typed reason (checked beside the field, so nothing empty is sent)
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
  const value = useMemo(() => ({ reason: reason.trim() }), [reason]);
  const validation = useFormValidation({ schema: OverrideReasonSchema, value });

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
    setError(null);
    if (!validation.check()) return;
    setBusy(true);
    submit()
      .catch((failure: unknown) => setError(t('limits.overrideFailed', { message: errorText(failure) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('limits.overrideTitle')} className="override-dialog" describedBy={`${id}-body`} onClose={onClose}>
      <form id={validation.formId} className="form" onSubmit={onSubmit} noValidate>
        <p id={`${id}-body`}>{t('limits.overrideBody', { extension: t('limits.extension', { count: extensionMin }) })}</p>
        <FieldValidationProvider validation={validation}>
          <TextField
            path="reason"
            label={t('limits.reason')}
            help={t('limits.reasonHelp', { min: MIN_OVERRIDE_REASON_CHARS })}
            multiline={{ rows: 3, counted: true }}
            value={reason}
            onChange={setReason}
          />
        </FieldValidationProvider>
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
