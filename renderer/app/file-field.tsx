import { useTranslation } from 'react-i18next';
import type { PickFilePurpose } from '../../shared/files/pick-file-purpose.js';
import { useVeil } from '../api/api';
import { PathField } from './path-field';

export interface FileFieldProps {
  label: string;
  value: string;
  onChange: (filePath: string) => void;
  /** Picks the native dialog's title and file types. */
  purpose: PickFilePurpose;
  /** Electron has a native picker ("Browse…"); the browser host only takes a typed path. */
  canPick: boolean;
  required?: boolean;
}

/**
 * A file's full path as typed text, with "Browse…" beside it where a native picker exists.
 * A cancelled picker (null) leaves the typed path as it was.
 */
export function FileField({ purpose, canPick, ...field }: FileFieldProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const pick = () => client.call('pickFile', { purpose }).then(({ filePath }) => filePath);
  return (
    <PathField
      {...field}
      pick={canPick ? pick : null}
      pickLabel={t('fileField.browse')}
      pickName={t('fileField.browseName', { field: field.label })}
      pickFailed={(message) => t('fileField.browseFailed', { message })}
    />
  );
}
