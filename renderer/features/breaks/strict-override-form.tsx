import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERRIDE_REASON_MIN_CHARS } from '../../../shared/breaks/break-records.js';
import { useBreakAction } from './use-break-action';

/**
 * Strict mode's escape hatch: "I need to finish this now" opens a small form asking
 * for a typed reason (at least a few characters, checked here so an empty reason is
 * never sent); the back end records it and may still refuse, which is shown.
 */
export function StrictOverride() {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const { send, busy, error } = useBreakAction();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  // The form opened on request: its one field is where the user means to type.
  useEffect(() => {
    if (open) fieldRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('breaks.needToFinish')}
      </button>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim().length < OVERRIDE_REASON_MIN_CHARS) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    void send({ type: 'strict-override', reason: reason.trim() });
  };

  const message = tooShort ? t('breaks.reasonTooShort', { min: OVERRIDE_REASON_MIN_CHARS }) : error;
  return (
    <form className="form strict-override" onSubmit={onSubmit} noValidate>
      <label htmlFor={id} className="field-label">
        {t('breaks.reasonLabel')}
      </label>
      <textarea
        id={id}
        rows={2}
        required
        value={reason}
        aria-invalid={tooShort || undefined}
        aria-describedby={`${id}-help`}
        ref={fieldRef}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <span id={`${id}-help`} className="field-help">
        {t('breaks.reasonHelp', { min: OVERRIDE_REASON_MIN_CHARS })}
      </span>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('breaks.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('breaks.sending') : t('breaks.continueNow')}
        </button>
      </div>
    </form>
  );
}
