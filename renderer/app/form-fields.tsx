import { useId } from 'react';

export interface NumberFieldProps {
  label: string;
  value: string;
  /** Shown under the field and read with it by screen readers. */
  help?: string;
  onChange: (value: string) => void;
}

/**
 * A labelled number entry. The text is passed on as typed: the settings schema on the
 * main side is the one validator, and its message names the field.
 */
export function NumberField({ label, value, help, onChange }: NumberFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {help && (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      )}
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
