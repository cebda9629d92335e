import { useId, useState } from 'react';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

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
}

/**
 * A folder path as typed text, with "Choose…" beside it where a native picker exists.
 * A cancelled picker (null) leaves the typed path as it was.
 */
export function FolderField({ label, help, value, onChange, canPickFolder, chooseLabel, chooseFailed, invalid = false }: FolderFieldProps) {
  const client = useVeil();
  const { errorText } = useErrorText();
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  const choose = () => {
    setError(null);
    client
      .call('pickFolder', {})
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
          aria-describedby={`${id}-help`}
          aria-invalid={invalid || undefined}
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
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
