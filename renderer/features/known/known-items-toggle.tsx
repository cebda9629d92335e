import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

export interface KnownItemsToggleProps {
  summary: CaseSummary;
  /** The back end's answer: the summary with the new choice. */
  onChanged: (summary: CaseSummary) => void;
}

/**
 * "Show known items" for the open case, with what it means (veiled, counted as exposure),
 * and "Hide known items" once shown. A deliberate click each time; the back end forgets
 * the choice when the case is next opened.
 */
export function KnownItemsToggle({ summary, onChanged }: KnownItemsToggleProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = summary.knownShown;

  const onClick = () => {
    setBusy(true);
    setError(null);
    client
      .call('showKnownItems', { caseId: summary.caseId, shown: !shown })
      .then(onChanged, (failure: unknown) => setError(t('review.showKnownFailed', { message: errorText(failure) })))
      .finally(() => setBusy(false));
  };

  return (
    <div className="known-toggle">
      <p className="muted">{shown ? t('review.knownShownHelp') : t('review.showKnownHelp')}</p>
      <button type="button" className="button" disabled={busy} onClick={onClick}>
        {shown ? t('review.hideKnown') : t('review.showKnown')}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
