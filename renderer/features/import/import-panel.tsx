import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/error-message';
import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import type { ImportProgress } from '../../../shared/case/import-progress.js';
import { useVeil } from '../../api/api';
import { useFormatters, type Formatters } from '../../i18n/format';
import { ProblemsList } from './problems-list';

/** Milestones read out by screen readers, in percent of files processed. */
const MILESTONE_STEP_PCT = 25;

function percentDone(progress: ImportProgress): number {
  return progress.filesFound > 0 ? Math.floor((progress.filesProcessed / progress.filesFound) * 100) : 0;
}

/**
 * How an import that ran to the end accounts for every file it found: shown, known (listed,
 * never shown), a near copy in a stack, folded into an item as an identical copy, or not openable. The parts add up to the files found.
 */
function doneText(t: TFunction, format: Formatters, summary: CaseSummary): string {
  const found = summary.import.filesProcessed;
  if (found === 0) return t('items.doneNoFiles');
  if (summary.itemCount === 0) return t('items.doneNoMedia', { count: found, formatted: format.count(found) });
  // Known items are listed but never shown, and near copies are reviewed through their stack
  // (found as PDQ hashes arrive): the outcome says so rather than counting them as shown.
  const shown = summary.itemCount - summary.knownCount - summary.nearCopyCount;
  const parts = [t('items.doneShown', { count: shown, formatted: format.count(shown) })];
  if (summary.knownCount > 0) parts.push(t('review.doneKnown', { count: summary.knownCount, formatted: format.count(summary.knownCount) }));
  if (summary.nearCopyCount > 0) parts.push(t('stacks.doneNearCopies', { count: summary.nearCopyCount, formatted: format.count(summary.nearCopyCount) }));
  if (summary.duplicateCount > 0) parts.push(t('items.doneCopies', { count: summary.duplicateCount, formatted: format.count(summary.duplicateCount) }));
  if (summary.problemCount > 0) parts.push(t('items.doneProblems', { count: summary.problemCount, formatted: format.count(summary.problemCount) }));
  return t('items.doneSummary', { found: t('items.doneFound', { count: found, formatted: format.count(found) }), parts: parts.join(', ') });
}

/**
 * What the polite live region says. It is derived from the progress (no timers): the
 * text changes only at a milestone or a phase change, so it is announced only then.
 */
function milestoneText(t: TFunction, format: Formatters, summary: CaseSummary): string {
  const progress = summary.import;
  switch (progress.phase) {
    case 'scanning': {
      const milestone = Math.floor(percentDone(progress) / MILESTONE_STEP_PCT) * MILESTONE_STEP_PCT;
      return milestone === 0 ? t('import.started') : t('import.milestone', { percent: milestone });
    }
    case 'done':
      return doneText(t, format, summary);
    case 'cancelled':
      return t('import.cancelled', { processed: format.count(progress.filesProcessed), total: format.count(progress.filesFound) });
    case 'failed':
      return t('import.failed', { reason: progress.failure ? t(`importFailure.${progress.failure.code}`) : '' });
    default:
      return '';
  }
}

function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const format = useFormatters();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const countText = t('import.count', {
    count: progress.filesFound,
    processed: format.count(progress.filesProcessed),
    total: format.count(progress.filesFound),
  });
  const pct = progress.filesFound > 0 ? Math.min(100, (progress.filesProcessed / progress.filesFound) * 100) : 0;

  const onCancel = () => {
    setCancelError(null);
    client.call('cancelImport', {}).catch((error: unknown) => {
      setCancelError(t('import.cancelFailed', { message: errorText(error) }));
    });
  };

  return (
    <div className="import-progress">
      <div
        role="progressbar"
        className="progress-track"
        aria-label={t('import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={progress.filesFound}
        aria-valuenow={progress.filesProcessed}
        aria-valuetext={countText}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="import-figures">
        <span>{countText}</span>
        <span>{t('import.rate', { rate: format.count(progress.filesPerSecond) })}</span>
        <span>{progress.remainingMs === null ? t('import.timeLeftUnknown') : t('import.timeLeft', { duration: format.durationMs(progress.remainingMs) })}</span>
        <button type="button" className="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
      {cancelError && (
        <p role="alert" className="error-text">
          {cancelError}
        </p>
      )}
    </div>
  );
}

/**
 * The import's state under the header: a progress bar with count, rate, time left and
 * Cancel while scanning, a one-line outcome afterwards, and the list of files that could
 * not be opened. Milestones go to a polite live region that is always mounted.
 */
export function ImportPanel({ summary }: { summary: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const progress = summary.import;
  const outcome = milestoneText(t, format, summary);
  // Near copies keep arriving after the import ends (twice a second at most): the line shows
  // them, but the live region keeps the text of its milestone, so it is announced once.
  const [announced, setAnnounced] = useState({ key: '', text: '' });
  const milestoneKey = `${summary.caseId} ${progress.phase} ${progress.phase === 'done' ? i18n.language : outcome}`;
  // Adjusting state while rendering, as React's docs show for values derived from a change.
  if (announced.key !== milestoneKey) setAnnounced({ key: milestoneKey, text: outcome });
  return (
    <div className="import-panel">
      <p className="visually-hidden" aria-live="polite">
        {announced.key === milestoneKey ? announced.text : outcome}
      </p>
      {progress.phase === 'scanning' && <ImportProgressBar progress={progress} />}
      {progress.phase === 'failed' && (
        <p role="alert" className="error-text">
          {outcome}
        </p>
      )}
      {(progress.phase === 'done' || progress.phase === 'cancelled') && (
        <p className="import-outcome" aria-hidden="true" title={outcome}>
          {outcome}
        </p>
      )}
      {summary.problemCount > 0 && <ProblemsList key={summary.caseId} caseId={summary.caseId} count={summary.problemCount} />}
    </div>
  );
}
