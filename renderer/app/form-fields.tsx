import { useTranslation } from 'react-i18next';
import { FieldError, describedBy, useFieldState } from './form-validation';

export interface NumberFieldProps {
  label: string;
  value: string;
  /** Shown under the field and read with it by screen readers. */
  help?: string;
  onChange: (value: string) => void;
  /** Where the value sits in what the form sends ('breaks.microIntervalMin'): its message and bounds come from the schema there. */
  path?: string;
}

/**
 * A labelled whole-number entry carrying the schema's min and max. The text is passed on as
 * typed; the form's validation (the back end's schema) says beside it what is wrong.
 */
export function NumberField({ label, value, help, onChange, path }: NumberFieldProps) {
  const field = useFieldState(path, label);
  const helpId = `${field.id}-help`;
  return (
    <div className="field">
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      <input
        id={field.id}
        type="number"
        inputMode="numeric"
        step={1}
        min={field.bounds.min}
        max={field.bounds.max}
        value={value}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(help && helpId, field.error && field.errorId)}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={field.onBlur}
      />
      {help && (
        <span id={helpId} className="field-help">
          {help}
        </span>
      )}
      <FieldError id={field.errorId} error={field.error} />
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  path?: string;
  help?: string;
  /** Several lines; `counted` shows the count of characters against the schema's maximum (a long text, not a list of lines). */
  multiline?: { rows: number; lang?: string; counted?: boolean };
  inputMode?: 'text' | 'numeric';
  className?: string;
  /** The back end's refusal of this very value (a folder that is not there), translated: shown beside the field like its own message. */
  refusal?: string | null;
}

/** A labelled text entry (one line or several) with the schema's maximum length and its message beside it. */
export function TextField({ label, value, onChange, path, help, multiline, inputMode, className, refusal = null }: TextFieldProps) {
  const { t } = useTranslation();
  const state = useFieldState(path, label);
  const field = { ...state, error: state.error ?? refusal };
  const helpId = `${field.id}-help`;
  const countId = `${field.id}-count`;
  const maxLength = field.bounds.maxLength;
  const counted = multiline?.counted === true && maxLength !== undefined;
  const common = {
    id: field.id,
    value,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': describedBy(help && helpId, counted && countId, field.error && field.errorId),
    onBlur: field.onBlur,
  } as const;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={multiline.rows}
          lang={multiline.lang}
          maxLength={counted ? maxLength : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {help && (
        <span id={helpId} className="field-help">
          {help}
        </span>
      )}
      {counted && (
        <span id={countId} className="field-help field-count">
          {t('fieldErrors.count', { length: value.length, max: maxLength })}
        </span>
      )}
      <FieldError id={field.errorId} error={field.error} alert={state.error === null && refusal !== null} />
    </div>
  );
}

export interface FormFooterProps {
  error: string | null;
  busy: boolean;
  cancelLabel: string;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
}

/** A dialog form's error line and its Cancel / submit buttons. */
export function FormFooter({ error, busy, cancelLabel, submitLabel, busyLabel, onCancel }: FormFooterProps) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
