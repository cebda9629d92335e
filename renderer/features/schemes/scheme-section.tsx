import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemeProblem } from '../../../shared/review/scheme-file.js';
import { ReviewSettingsSchema, type ReviewSettings } from '../../../shared/review/review-settings.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FileField } from '../../app/file-field';

const NEW_CASE_OPTIONS = ReviewSettingsSchema.shape.newCaseScheme.options;

/**
 * Settings → Category schemes: the scheme new cases get (asked by default), and the unit's own
 * schemes as small JSON files — imported from a typed or picked path (as hash sets are), listed,
 * exported to a new file to share, removed. A refused file changes nothing and says why.
 */
export function SchemeSection({
  headingId,
  settings,
  onSaved,
  canPickFile = false,
}: {
  headingId: string;
  settings: Settings;
  onSaved: (settings: Settings) => void;
  /** The desktop app's native picker offers "Browse…" beside the path. */
  canPickFile?: boolean;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [newCase, setNewCase] = useState(settings.review.newCaseScheme);
  const [filePath, setFilePath] = useState('');
  const [exportPath, setExportPath] = useState('');
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<SchemeProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const review = settings.review;

  const run = (work: Promise<string>) => {
    setStatus('');
    setError(null);
    setProblems([]);
    work.then(setStatus).catch((reason: unknown) => setError(t('schemeSettings.failed', { message: errorText(reason) })));
  };
  const save = (next: ReviewSettings) => client.call('updateSettings', { review: next }).then(onSaved);
  const onImport = (event: FormEvent) => {
    event.preventDefault();
    if (filePath.trim() === '') return;
    run(
      client.call('importCategoryScheme', { filePath: filePath.trim() }).then(async (result) => {
        if (result.outcome === 'refused') {
          setProblems(result.problems);
          return t('schemeSettings.refused');
        }
        onSaved(await client.call('getSettings', {}));
        return t('schemeSettings.imported', { name: result.name });
      }),
    );
  };

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-section-title" tabIndex={-1}>
        {t('schemes.settingsGroup')}
      </h3>
      <form
        className="form"
        onSubmit={(event) => (event.preventDefault(), run(save({ ...review, newCaseScheme: newCase }).then(() => t('schemeSettings.saved'))))}
      >
        <label className="field">
          {t('schemeSettings.newCase')}
          <select value={newCase} onChange={(event) => setNewCase(NEW_CASE_OPTIONS.find((option) => option === event.target.value) ?? 'ask')}>
            {NEW_CASE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {option === 'ask' ? t('schemeSettings.ask') : t(`schemes.long.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('schemeSettings.save')}
          </button>
        </div>
      </form>
      <form className="form" onSubmit={onImport} noValidate>
        <FileField label={t('schemeSettings.filePath')} value={filePath} onChange={setFilePath} purpose="scheme-file" canPick={canPickFile} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('schemeSettings.import')}
          </button>
        </div>
      </form>
      <p role="status">{status}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.place}-${problem.code}`}>
              {problem.place === '' ? t('schemeSettings.wholeFile') : problem.place} {t(`schemeSettings.problem.${problem.code}`)}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <label className="field">
        {t('schemeSettings.exportPath')}
        <input type="text" value={exportPath} onChange={(event) => setExportPath(event.target.value)} />
      </label>
      {review.customSchemes.length === 0 ? (
        <p className="muted">{t('schemeSettings.none')}</p>
      ) : (
        <ul aria-label={t('schemeSettings.listLabel')}>
          {review.customSchemes.map((scheme) => (
            <li key={scheme.name}>
              {t('schemes.custom', { name: scheme.name, keys: scheme.categories.map((category) => category.key).join(', ') })}{' '}
              <button
                type="button"
                className="button button-small"
                disabled={exportPath.trim() === ''}
                onClick={() =>
                  run(
                    client.call('exportCategoryScheme', { name: scheme.name, filePath: exportPath.trim() }).then((result) => {
                      if (result.outcome === 'exported') return t('schemeSettings.exported', { name: scheme.name });
                      setProblems(result.problems);
                      return t('schemeSettings.exportRefused');
                    }),
                  )
                }
              >
                {t('schemeSettings.export', { name: scheme.name })}
              </button>{' '}
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  run(save({ ...review, customSchemes: review.customSchemes.filter((kept) => kept !== scheme) }).then(() => t('schemeSettings.saved')))
                }
              >
                {t('schemeSettings.remove', { name: scheme.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
