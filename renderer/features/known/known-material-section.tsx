import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HashSetImportProgress, HashSetSummary, ImportHashSetResult } from '../../../shared/known/hash-set-contract.js';
import { HashSetSchemeSchema, type HashSetScheme } from '../../../shared/known/hash-set-scheme.js';
import type { Hex64Kind } from '../../../shared/known/hash-kind.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FileField } from '../../app/file-field';
import { useQuery } from '../../hooks/use-query';
import { KnownSetList } from './known-set-list';
import { NearDistanceForm } from './near-distance-form';
import type { Settings } from '../../../shared/settings/settings.js';

/** Bad records shown after an import; the set's summary counts them all. */
const SHOWN_BAD_RECORDS = 20;

/**
 * Settings → Known material: import a hash set from a typed path ("Browse…" beside it in the
 * desktop app; the browser host has no file picker), with a scheme the person must choose (never guessed: the same number means
 * different things in different schemes), and the library's sets to turn off or remove.
 */
export function KnownMaterialSection({
  headingId,
  settings,
  onSaved,
  canPickFile = false,
}: {
  headingId: string;
  /** The desktop app's native picker offers "Browse…" beside the path. */
  canPickFile?: boolean;
  /** For the near-match distance, a setting that belongs with the sets it is matched against. */
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const formId = useId();
  const { state, setData } = useQuery([client], () => client.call('listHashSets', {}));
  const [filePath, setFilePath] = useState('');
  const [name, setName] = useState('');
  const [scheme, setScheme] = useState<HashSetScheme | null>(null);
  const [hex64Kind, setHex64Kind] = useState<Hex64Kind>('sha256');
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<HashSetImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportHashSetResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => client.on('hashSetImportProgress', setProgress), [client]);

  const act = (work: Promise<HashSetSummary[]>) => {
    setError(null);
    work.then(setData).catch((reason: unknown) => setError(errorText(reason)));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    setError(null);
    if (filePath.trim() === '' || name.trim() === '' || scheme === null) return setMissing(true);
    setMissing(false);
    setImporting(true);
    setProgress(null);
    client
      .call('importHashSet', { filePath: filePath.trim(), name: name.trim(), scheme, hex64Kind })
      .then((result) => {
        setOutcome(result);
        return client.call('listHashSets', {}).then(setData);
      })
      .catch((reason: unknown) => setError(t('known.importFailed', { message: errorText(reason) })))
      .finally(() => setImporting(false));
  };

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-section-title" tabIndex={-1}>
        {t('known.group')}
      </h3>
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <FileField label={t('known.filePath')} value={filePath} onChange={setFilePath} purpose="hash-set" canPick={canPickFile} required />
        <label className="field">
          {t('known.name')}
          <input type="text" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} aria-required="true" />
        </label>
        <fieldset>
          <legend>{t('known.schemeLegend')}</legend>
          {HashSetSchemeSchema.options.map((option) => (
            <label key={option} className="check">
              <input type="radio" name={`${formId}-scheme`} checked={scheme === option} onChange={() => setScheme(option)} />
              {t(`known.scheme.${option}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {t('known.hex64')}
          <select value={hex64Kind} onChange={(event) => setHex64Kind(event.target.value === 'pdq' ? 'pdq' : 'sha256')}>
            <option value="sha256">SHA-256</option>
            <option value="pdq">PDQ</option>
          </select>
        </label>
        {missing && (
          <p role="alert" className="error-text">
            {t('known.fillIn')}
          </p>
        )}
        <div className="form-actions">
          <span role="status">
            {importing && progress
              ? t('known.progress', {
                  records: progress.records,
                  bad: progress.badRecords,
                  percent: Math.floor((100 * progress.bytesRead) / Math.max(1, progress.totalBytes)),
                })
              : outcome?.outcome === 'imported'
                ? t('known.imported', { name: outcome.set.name, records: outcome.set.recordCount, bad: outcome.set.badRecordCount })
                : outcome?.outcome === 'cancelled'
                  ? t('known.cancelled')
                  : ''}
          </span>
          {importing && (
            <button type="button" className="button" onClick={() => void client.call('cancelHashSetImport', {})}>
              {t('known.cancel')}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={importing}>
            {t('known.import')}
          </button>
        </div>
      </form>
      {outcome?.outcome === 'imported' && outcome.badRecords.length > 0 && (
        <ul aria-label={t('known.badListLabel')}>
          {outcome.badRecords.slice(0, SHOWN_BAD_RECORDS).map((bad) => (
            <li key={`${bad.placeKind}-${bad.place}`}>
              {t(`known.place.${bad.placeKind}`, { place: bad.place })}: {t(`known.badReason.${bad.reason}`)}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {state.status === 'ready' && (
        <KnownSetList
          sets={state.data}
          busy={importing}
          onEnabled={(setId, enabled) => act(client.call('setHashSetEnabled', { setId, enabled }))}
          onRemove={(set) => act(client.call('removeHashSet', { setId: set.setId }))}
        />
      )}
      {state.status === 'failed' && <p role="alert">{errorText(state.error)}</p>}
      <NearDistanceForm settings={settings} onSaved={onSaved} />
    </section>
  );
}
