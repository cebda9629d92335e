import { useState } from 'react';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FieldError, describedBy, useFieldState } from '../../app/form-validation';

export interface FolderFieldProps {
  label: string;
  help: string;
  value: string;
  onChange: (folderPath: string) => void;
  /** Electron has a native picker ("Choose…"); the browser host only takes a typed path. */
  canPickFolder: boolean;
  chooseLabel: string;
  /** "The folder picker did not open: {{message}}", already translated around the message. */
  chooseFailed: (message: string) => string;
  /** Marks the field invalid for assistive technology (its message is shown elsewhere). */
  invalid?: boolean;
  /** Where the folder sits in what the form sends ('notesFolder'): its message and maximum length come from the schema there. */
  path?: string;
  /** The native picker offers "New Folder": for a folder Veil writes into. */
  mayCreate?: boolean;
}

/**
 * A folder path as typed text, with "Choose…" beside it where a native picker exists.
 * A cancelled picker (null) leaves the typed path as it was.
 */
export function FolderField({
  label,
  help,
  value,
  onChange,
  canPickFolder,
  chooseLabel,
  chooseFailed,
  invalid = false,
  path,
  mayCreate = false,
}: FolderFieldProps) {
  const client = useVeil();
  const { errorText } = useErrorText();
  const field = useFieldState(path, label);
  const id = field.id;
  const [error, setError] = useState<string | null>(null);

  const choose = () => {
    setError(null);
    client
      .call('pickFolder', mayCreate ? { mayCreate } : {})
      .then(({ folderPath }) => {
        if (folderPath !== null) onChange(folderPath);
      })
      .catch((reason: unknown) => setError(chooseFailed(errorText(reason))));
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
          aria-describedby={describedBy(`${id}-help`, field.error && field.errorId)}
          aria-invalid={invalid || field.error ? true : undefined}
          onBlur={field.onBlur}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
        {canPickFolder && (
          <button type="button" className="button" onClick={choose}>
            {chooseLabel}
          </button>
        )}
      </div>
      <span id={`${id}-help`} className="field-help">
        {help}
      </span>
      <FieldError id={field.errorId} error={field.error} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
