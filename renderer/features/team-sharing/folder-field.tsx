import { useVeil } from '../../api/api';
import { PathField } from '../../app/path-field';

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
export function FolderField({ canPickFolder, chooseLabel, chooseFailed, mayCreate = false, ...field }: FolderFieldProps) {
  const client = useVeil();
  const pick = () => client.call('pickFolder', mayCreate ? { mayCreate } : {}).then(({ folderPath }) => folderPath);
  return <PathField {...field} pick={canPickFolder ? pick : null} pickLabel={chooseLabel} pickFailed={chooseFailed} />;
}
