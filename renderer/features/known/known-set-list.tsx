import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HashSetSummary } from '../../../shared/known/hash-set-contract.js';
import { BadRecordReasonSchema } from '../../../shared/known/known-record.js';

interface KnownSetListProps {
  sets: readonly HashSetSummary[];
  busy: boolean;
  onEnabled: (setId: number, enabled: boolean) => void;
  onRemove: (set: HashSetSummary) => void;
}

/** The library's sets as a list: counts, the bad-record summary by reason, and turning off or removing each. */
export function KnownSetList({ sets, busy, onEnabled, onRemove }: KnownSetListProps) {
  const { t } = useTranslation();
  // Removing asks once more in place: a set may hold millions of hashes a unit took weeks to gather.
  const [confirming, setConfirming] = useState<number | null>(null);
  if (sets.length === 0) return <p>{t('known.noSets')}</p>;
  return (
    <ul className="known-set-list" aria-label={t('known.setsLabel')}>
      {sets.map((set) => {
        const reasons = BadRecordReasonSchema.options.filter((reason) => (set.badByReason[reason] ?? 0) > 0);
        return (
          <li key={set.setId} className="known-set">
            <p>
              <strong>{set.name}</strong> — {t(`known.scheme.${set.scheme}`)}
            </p>
            <p>
              {t('known.setCounts', {
                records: set.recordCount,
                file: set.sourceFileName,
                date: new Date(set.importedAtMs).toISOString().slice(0, 10),
              })}
            </p>
            {set.badRecordCount > 0 && (
              <p>
                {t('known.badSummary', { count: set.badRecordCount })}{' '}
                {reasons.map((reason) => `${t(`known.badReason.${reason}`)} (${set.badByReason[reason] ?? 0})`).join(', ')}
              </p>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={set.enabled} disabled={busy} onChange={(event) => onEnabled(set.setId, event.target.checked)} />
              {t('known.useSet', { name: set.name })}
            </label>
            {confirming === set.setId ? (
              <p role="group" aria-label={t('known.confirmRemove', { name: set.name })}>
                {t('known.confirmRemove', { name: set.name })}{' '}
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  onClick={() => {
                    setConfirming(null);
                    onRemove(set);
                  }}
                >
                  {t('known.removeConfirmed')}
                </button>{' '}
                <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                  {t('known.keep')}
                </button>
              </p>
            ) : (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => setConfirming(set.setId)}
                aria-label={t('known.removeNamed', { name: set.name })}
              >
                {t('known.remove')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
