import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import { requests } from '../../shared/contract';
import { useVeil } from '../api/api';
import { useErrorText } from './error-message';
import { FormFooter, TextField } from './form-fields';
import { FieldValidationProvider, useFormValidation } from './form-validation';
import { ModalDialog } from './modal-dialog';

/**
 * The browser host cannot show a folder picker, so the investigator types the case
 * folder's path. It is checked with the contract's own schema beside the field; the back
 * end's refusal (no such folder, no permission) is shown there too, as its translated reason.
 */
export function OpenCaseDialog({ onOpened, onCancel }: { onOpened: (summary: CaseSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [folderPath, setFolderPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const value = useMemo(() => ({ folderPath: folderPath.trim() }), [folderPath]);
  const validation = useFormValidation({ schema: requests.openCase.args, value });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefusal(null);
    if (!validation.check()) return;
    setBusy(true);
    client
      .call('openCase', value)
      .then((summary) => {
        if (summary) onOpened(summary);
        else onCancel();
      })
      .catch((reason: unknown) => {
        setRefusal(t('openCase.failed', { message: errorText(reason) }));
        // The message is beside the field: bring the person back to it.
        validation.focusField('folderPath');
      })
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('openCase.title')} onClose={onCancel}>
      <form id={validation.formId} className="form" onSubmit={onSubmit} noValidate>
        <FieldValidationProvider validation={validation}>
          <TextField
            path="folderPath"
            label={t('openCase.folderPath')}
            help={t('openCase.help')}
            value={folderPath}
            refusal={refusal}
            onChange={(text) => {
              setFolderPath(text);
              setRefusal(null);
            }}
          />
        </FieldValidationProvider>
        <FormFooter
          error={null}
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
