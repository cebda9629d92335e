import { useTranslation } from 'react-i18next';
import type { BreakView } from '../../../shared/breaks/break-view.js';
import { ModalDialog } from '../../app/modal-dialog';
import { formatClock } from '../../i18n/format';
import { BreathingGuide } from './breathing-guide';
import { EncouragementPhrase } from './encouragement-phrase';
import { StrictOverride } from './strict-override-form';
import { useBreakAction } from './use-break-action';

export interface BreakScreenProps {
  breaks: BreakView;
  /** The user's phrases in the UI language. */
  phrases: readonly string[];
  /** Where focus was before the break; it goes back there when the break ends. */
  returnFocusTo: Element | null;
}

/**
 * The break: a modal dialog over the whole app while media is hidden (MediaVisibility
 * `break`, set by the WellbeingProvider). Calm content only: a countdown, a breathing
 * guide, one encouragement phrase. Escape does not dismiss it (it only hides media,
 * which is already hidden); the dialog itself takes focus, so no key press ends the
 * break by accident.
 */
export function BreakScreen({ breaks, phrases, returnFocusTo }: BreakScreenProps) {
  const { t } = useTranslation();
  const { send, busy, error } = useBreakAction();
  const secondsLeft = breaks.breakSecondsLeft ?? 0;

  return (
    <ModalDialog title={t('breaks.title')} className="break-screen" initialFocus="dialog" returnFocusTo={returnFocusTo} describedBy="break-body">
      <p id="break-body" className="muted">
        {t('breaks.body')}
      </p>
      <p className="break-countdown" role="timer" aria-live="off">
        {t('breaks.countdown', { time: formatClock(secondsLeft) })}
      </p>
      <BreathingGuide />
      <EncouragementPhrase phrases={phrases} />
      <div className="break-actions">
        {breaks.canEndEarly && (
          <button type="button" className="button" disabled={busy} aria-describedby="break-end-early-help" onClick={() => void send({ type: 'end-early' })}>
            {t('breaks.endEarly')}
          </button>
        )}
        {breaks.canEndEarly && (
          <span id="break-end-early-help" className="field-help">
            {t('breaks.endEarlyHelp')}
          </span>
        )}
        {breaks.strictOverrideOffered && <StrictOverride />}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
