import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { DecisionEvent } from '../../../shared/review/decision-event.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { categoryLabel } from './category-label';
import type { Review } from './use-review';

type Loaded = { status: 'loading' } | { status: 'ready'; lines: readonly DecisionEvent[] } | { status: 'failed'; message: string };

/**
 * "History": every line of the open item's record, oldest first — category, who set it
 * (investigator, hash set, its stack), the account, when (the UI's language, 24-hour), and
 * undos. Read only while open, and again after each decision, so it never shows a stale record.
 */
export function ItemHistory({ review, item }: { review: Review; item: MediaItem }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const caseId = review.state?.caseId ?? null;
  // A decision, undo or redo changes the state object: the record is read again then.
  const changed = review.state;
  useEffect(() => {
    if (!open || caseId === null) return undefined;
    let live = true;
    client
      .call('getItemReview', { caseId, itemId: item.id })
      .then((answer) => live && setLoaded({ status: 'ready', lines: answer.history }))
      .catch((error: unknown) => live && setLoaded({ status: 'failed', message: errorText(error) }));
    return () => {
      live = false;
    };
  }, [open, client, caseId, item.id, errorText, changed]);
  if (review.state === null) return null;
  const scheme = review.state.scheme;
  const time = new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  return (
    <details className="item-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="button">{t('itemHistory.summary')}</summary>
      {/* Closed, it holds nothing: a status or alert inside a closed disclosure would still be found, and spoken, by assistive tools. */}
      {open && (
        <div className="item-history-panel">
          {loaded.status === 'loading' && <p role="status">{t('itemHistory.loading')}</p>}
          {loaded.status === 'failed' && <p role="alert">{t('itemHistory.failed', { message: loaded.message })}</p>}
          {loaded.status === 'ready' && loaded.lines.length === 0 && <p>{t('itemHistory.none')}</p>}
          {loaded.status === 'ready' && loaded.lines.length > 0 && (
            <ol>
              {loaded.lines.map((line) => (
                <li key={`${line.actionId}-${line.itemPath}`}>
                  {t('itemHistory.line', {
                    category: categoryLabel(t, scheme, line.category),
                    source: t(`itemHistory.source.${line.source}`),
                    user: line.userName,
                    time: time.format(line.atMs),
                  })}
                  {line.cause !== 'decision' && ` (${t(`itemHistory.${line.cause}`)})`}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </details>
  );
}
