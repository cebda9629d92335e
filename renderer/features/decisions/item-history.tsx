import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { DecisionEvent } from '../../../shared/review/decision-event.js';
import type { ItemAuthorisation } from '../../../shared/review/review-contract.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { categoryLabel } from './category-label';
import type { Review } from './review-model';

/** One line of the list: a decision, or an authorisation recorded to open the file (the referral lock). */
type HistoryLine = { kind: 'decision'; event: DecisionEvent } | { kind: 'authorisation'; row: ItemAuthorisation };

type Loaded = { status: 'loading' } | { status: 'ready'; lines: readonly HistoryLine[] } | { status: 'failed'; message: string };

/** Decisions and authorisations in the order they were made (sort is stable: a decision written at the same moment stays first). */
function historyLines(events: readonly DecisionEvent[], authorisations: readonly ItemAuthorisation[]): HistoryLine[] {
  const lines: HistoryLine[] = [
    ...events.map((event): HistoryLine => ({ kind: 'decision', event })),
    ...authorisations.map((row): HistoryLine => ({ kind: 'authorisation', row })),
  ];
  const atMs = (line: HistoryLine) => (line.kind === 'decision' ? line.event.atMs : line.row.atMs);
  return lines.sort((a, b) => atMs(a) - atMs(b));
}

/**
 * "History": every line of the open item's record, oldest first — category, who set it
 * (investigator, hash set, its stack), the account, when (the UI's language, 24-hour), undos,
 * the reason typed for overruling a hash set, and each authorisation recorded to open the file
 * (reference and date, who, when). Read only while open, and again after each decision, so it
 * never shows a stale record.
 */
export function ItemHistory({ review, item }: { review: Review; item: MediaItem }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  // Kept with the item it was read for: open on the next item, the last one's record is never shown as this one's.
  const [loadedOf, setLoadedOf] = useState<{ itemId: string; loaded: Loaded } | null>(null);
  const loaded: Loaded = loadedOf !== null && loadedOf.itemId === item.id ? loadedOf.loaded : { status: 'loading' };
  const caseId = review.state?.caseId ?? null;
  // A decision, undo or redo changes the state object: the record is read again then.
  const changed = review.state;
  const itemId = item.id;
  useEffect(() => {
    if (!open || caseId === null) return undefined;
    let live = true;
    client
      .call('getItemReview', { caseId, itemId })
      .then((answer) => live && setLoadedOf({ itemId, loaded: { status: 'ready', lines: historyLines(answer.history, answer.authorisations) } }))
      .catch((error: unknown) => live && setLoadedOf({ itemId, loaded: { status: 'failed', message: errorText(error) } }));
    return () => {
      live = false;
    };
  }, [open, client, caseId, itemId, errorText, changed]);
  // Made once per language, not at each render: the viewer draws this at every keypress, and a formatter costs milliseconds to make.
  const { time, day } = useMemo(
    () => ({
      time: new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }),
      day: new Intl.DateTimeFormat(format.locale, { dateStyle: 'short' }),
    }),
    [format.locale],
  );
  if (review.state === null) return null;
  const scheme = review.state.scheme;
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
              {loaded.lines.map((line) =>
                line.kind === 'decision' ? (
                  <li key={`${line.event.actionId}-${line.event.itemPath}`}>
                    {t('itemHistory.line', {
                      category: categoryLabel(t, scheme, line.event.category),
                      source: t(`itemHistory.source.${line.event.source}`),
                      user: line.event.userName,
                      time: time.format(line.event.atMs),
                    })}
                    {line.event.cause !== 'decision' && ` (${t(`itemHistory.${line.event.cause}`)})`}
                    {line.event.reason && <span className="history-reason">{t('historyExtra.reason', { reason: line.event.reason })}</span>}
                  </li>
                ) : (
                  <li key={`authorised-${line.row.atMs}-${line.row.reference}`}>
                    {t('historyExtra.authorised', {
                      reference: line.row.reference,
                      date: day.format(new Date(`${line.row.dateIso}T12:00:00`)),
                      user: line.row.userName,
                      time: time.format(line.row.atMs),
                    })}
                  </li>
                ),
              )}
            </ol>
          )}
        </div>
      )}
    </details>
  );
}
