import { useState } from 'react';
import { useErrorText } from './error-message';
import { FieldError, describedBy, useFieldState } from './form-validation';

export interface PathFieldProps {
  label: string;
  help?: string;
  value: string;
  onChange: (path: string) => void;
  /** The native picker (null when cancelled), or null where there is none: the browser host takes a typed path only. */
  pick: (() => Promise<string | null>) | null;
  /** The picker button's text ("Choose…", "Browse…"). */
  pickLabel: string;
  /** Its accessible name when the text alone would not say which field it fills. */
  pickName?: string;
  /** "The picker did not open: {{message}}", already translated around the message. */
  pickFailed: (message: string) => string;
  /** Marks the field invalid for assistive technology (its message is shown elsewhere). */
  invalid?: boolean;
  /** Where the path sits in what the form sends ('notesFolder'): its message and maximum length come from the schema there. */
  path?: string;
  required?: boolean;
}

/**
 * A full path as typed text, with a native picker's button beside it where there is one.
 * A cancelled picker (null) leaves the typed path as it was. FolderField and FileField are this.
 */
export function PathField({ label, help, value, onChange, pick, pickLabel, pickName, pickFailed, invalid = false, path, required = false }: PathFieldProps) {
  const { errorText } = useErrorText();
  const field = useFieldState(path, label);
  const id = field.id;
  const [error, setError] = useState<string | null>(null);

  const choose = (picker: () => Promise<string | null>) => {
    setError(null);
    picker()
      .then((picked) => {
        if (picked !== null) onChange(picked);
      })
      .catch((reason: unknown) => setError(pickFailed(errorText(reason))));
  };

  return (
    <div className="field folder-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="folder-field-row">
        <input
          id={id}
          type="text"
          value={value}
          maxLength={field.bounds.maxLength}
          aria-describedby={describedBy(help !== undefined && `${id}-help`, field.error && field.errorId)}
          aria-invalid={invalid || field.error ? true : undefined}
          aria-required={required ? true : undefined}
          onBlur={field.onBlur}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
        {pick && (
          <button type="button" className="button" aria-label={pickName} onClick={() => choose(pick)}>
            {pickLabel}
          </button>
        )}
      </div>
      {help !== undefined && (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      )}
      <FieldError id={field.errorId} error={field.error} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
