import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { schemeCategories, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { ExportFormat, ExportReviewResult } from '../../../shared/review/export-contract.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { useFormatters } from '../../i18n/format';
import { categoryLabel } from '../decisions/category-label';
import { FolderField } from '../team-sharing/folder-field';

const FORMATS: readonly ExportFormat[] = ['vics', 'csv', 'html'];

/**
 * Header menu → Export review: the formats (all three by default), the notes tick box (off by
 * default: notes can name people), and the folder — typed, or chosen with the native picker
 * where there is one. The back end refuses the data folder and the case folder with a reason,
 * shown here; what was written is listed by full path.
 */
export function ReviewExportDialog({
  caseId,
  scheme,
  canPickFolder,
  onClose,
}: {
  caseId: string;
  scheme: CaseScheme;
  canPickFolder: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { errorText } = useErrorText();
  const format = useFormatters();
  const client = useVeil();
  const [formats, setFormats] = useState<ReadonlySet<ExportFormat>>(new Set(FORMATS));
  const [includeNotes, setIncludeNotes] = useState(false);
  const [folderPath, setFolderPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ExportReviewResult | null>(null);

  const toggle = (chosen: ExportFormat, on: boolean) => {
    const next = new Set(formats);
    if (on) next.add(chosen);
    else next.delete(chosen);
    setFormats(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    if (formats.size === 0) return setError(t('reviewExport.noFormat'));
    if (folderPath.trim() === '') return setError(t('reviewExport.noFolder'));
    setError(null);
    setBusy(true);
    const categoryNames = Object.fromEntries(schemeCategories(scheme).map(({ code }) => [code, categoryLabel(t, scheme, code)]));
    client
      .call('exportReview', {
        caseId,
        folderPath: folderPath.trim(),
        formats: FORMATS.filter((chosen) => formats.has(chosen)),
        includeNotes,
        language: i18n.language === 'fr-CA' ? 'fr-CA' : 'en',
        schemeName: scheme.id === 'custom' ? scheme.custom.name : t(`known.scheme.${scheme.id}`),
        categoryNames,
      })
      .then(setResult)
      .catch((reason: unknown) => setError(t('reviewExport.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('reviewExport.title')} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('reviewExport.formats')}</legend>
          {FORMATS.map((option) => (
            <label key={option} className="checkbox">
              <input type="checkbox" checked={formats.has(option)} onChange={(event) => toggle(option, event.currentTarget.checked)} />
              {t(`reviewExport.${option}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeNotes}
              onChange={(event) => setIncludeNotes(event.currentTarget.checked)}
              aria-describedby="review-export-notes-help"
            />
            {t('reviewExport.includeNotes')}
          </label>
          <span id="review-export-notes-help" className="field-help">
            {t('reviewExport.includeNotesHelp')}
          </span>
        </div>
        <FolderField
          label={t('reviewExport.folder')}
          help={t('reviewExport.folderHelp')}
          value={folderPath}
          onChange={(path) => {
            setFolderPath(path);
            setError(null);
          }}
          canPickFolder={canPickFolder}
          mayCreate
          chooseLabel={t('reviewExport.choose')}
          chooseFailed={(message) => t('reviewExport.chooseFailed', { message })}
        />
        {result && (
          <div role="status" className="review-export-result">
            <p>{t('reviewExport.written', { count: result.recordCount, formatted: format.count(result.recordCount) })}</p>
            <ul>
              {result.files.map((file) => (
                <li key={file.filePath}>
                  <code>{file.filePath}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormFooter
          error={error}
          busy={busy}
          cancelLabel={t('reviewExport.close')}
          submitLabel={t('reviewExport.export')}
          busyLabel={t('reviewExport.exporting')}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
