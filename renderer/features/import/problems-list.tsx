import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/error-message';
import { TechnicalDetail } from '../../app/technical-detail';
import type { ImportProblem } from '../../../shared/case/media-item.js';
import { useVeil } from '../../api/api';
import { useFormatters } from '../../i18n/format';
import { errorReason } from '../media-labels/media-labels';

const PAGE_SIZE = 100;

interface Loaded {
  problems: readonly ImportProblem[];
  total: number;
}

/**
 * "N files could not be opened": a disclosure that lists each file with the reason in
 * words and the decoder's own detail in smaller text, fetched page by page.
 */
export function ProblemsList({ caseId, count }: { caseId: string; count: number }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const format = useFormatters();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ problems: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadFrom = (offset: number) => {
    setLoading(true);
    setError(null);
    client
      .call('listProblems', { caseId, offset, limit: PAGE_SIZE })
      .then((page) => {
        setLoaded((prev) => ({ problems: [...prev.problems.slice(0, offset), ...page.problems], total: page.total }));
      })
      .catch((reason: unknown) => {
        setError(t('problems.loadFailed', { message: errorText(reason) }));
      })
      .finally(() => setLoading(false));
  };

  const onToggle = () => {
    const next = !expanded;
    setExpanded(next);
    if (next && loaded.problems.length === 0) loadFrom(0);
  };

  return (
    <div className="problems">
      <button type="button" className="disclosure" aria-expanded={expanded} aria-controls={listId} onClick={onToggle}>
        {t('problems.summary', { count, formatted: format.count(count) })}
      </button>
      <div id={listId} hidden={!expanded}>
        {expanded && (
          <>
            <ul className="problems-list" aria-label={t('problems.listLabel')}>
              {loaded.problems.map((problem, index) => (
                <li key={`${index}:${problem.relativePath}`}>
                  <span className="problem-path">{problem.relativePath}</span>
                  <span className="problem-reason">{errorReason(t, problem.error)}</span>
                  <TechnicalDetail reason={problem.error.reason} detail={problem.error.detail} />
                </li>
              ))}
            </ul>
            {loading && <p className="muted">{t('problems.loading')}</p>}
            {error && (
              <p role="alert" className="error-text">
                {error}
              </p>
            )}
            {!loading && loaded.problems.length < loaded.total && (
              <button type="button" className="button" onClick={() => loadFrom(loaded.problems.length)}>
                {t('problems.loadMore')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
