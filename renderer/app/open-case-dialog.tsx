import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import { useVeil } from '../api/api';
import { useErrorText } from './error-message';
import { FormFooter } from './form-fields';
import { ModalDialog } from './modal-dialog';

/**
 * The browser host cannot show a folder picker, so the investigator types the case
 * folder's path. The back end checks it and its refusal is shown as is.
 */
export function OpenCaseDialog({ onOpened, onCancel }: { onOpened: (summary: CaseSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const fieldId = useId();
  const helpId = useId();
  const [folderPath, setFolderPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = folderPath.trim();
    if (path.length === 0) return;
    setBusy(true);
    setError(null);
    client
      .call('openCase', { folderPath: path })
      .then((summary) => {
        if (summary) onOpened(summary);
        else onCancel();
      })
      .catch((reason: unknown) => setError(t('openCase.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('openCase.title')} onClose={onCancel}>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={fieldId} className="field-label">
            {t('openCase.folderPath')}
          </label>
          <input
            id={fieldId}
            type="text"
            value={folderPath}
            onChange={(event) => setFolderPath(event.currentTarget.value)}
            aria-describedby={helpId}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <span id={helpId} className="field-help">
            {t('openCase.help')}
          </span>
        </div>
        <FormFooter
          error={error}
          busy={busy}
          cancelLabel={t('openCase.cancel')}
          submitLabel={t('openCase.open')}
          busyLabel={t('openCase.opening')}
          onCancel={onCancel}
        />
      </form>
    </ModalDialog>
  );
}
