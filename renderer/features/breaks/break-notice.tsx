import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { minutesLeft, type BreakView } from '../../../shared/breaks/break-view.js';
import { useBreakAction } from './use-break-action';

/**
 * The calm, non-modal "break soon" notice while a break is near (warning) or waiting
 * for an item boundary (due). A polite status: it never takes focus or interrupts.
 * In strict mode there is nothing to dismiss; it only says what will happen.
 */
export function BreakNotice({ breaks, strictMode }: { breaks: BreakView; strictMode: boolean }) {
  const active = breaks.phase === 'warning' || breaks.phase === 'due';

  // The live region stays mounted, so the words are announced when they appear in it.
  return (
    <div className={active ? 'break-notice' : undefined} role="status" aria-live="polite">
      {active && <BreakNoticeBody breaks={breaks} strictMode={strictMode} />}
    </div>
  );
}

/**
 * What will happen, in words: a due break starts when the item closes, or by itself when
 * its grace runs out (counted viewing time, whole minutes rounded up, from the view).
 */
function noticeText(breaks: BreakView, t: TFunction): string {
  if (breaks.phase !== 'due') return t('breaks.warningSoon');
  const graceSeconds = breaks.exposureSecondsUntilForcedStart ?? 0;
  return graceSeconds > 0 ? t('breakTiming.dueIn', { count: minutesLeft(graceSeconds) }) : t('breakTiming.dueNow');
}

function BreakNoticeBody({ breaks, strictMode }: { breaks: BreakView; strictMode: boolean }) {
  const { t } = useTranslation();
  const { send, busy, error } = useBreakAction();
  return (
    <>
      {/* A new phase mounts a new paragraph, which the polite region announces; the minutes
          going down inside it are not announced (aria-live off), so it does not chatter. */}
      <p key={breaks.phase} className="break-notice-text" aria-live="off">
        {noticeText(breaks, t)}
      </p>
      {strictMode && <p className="muted">{t('breaks.warningStrict')}</p>}
      <div className="break-notice-actions">
        {breaks.canPostpone && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void send({ type: 'postpone' })}>
              {t('breaks.postpone')}
            </button>
            <span className="muted">{t('breaks.postponesLeft', { count: breaks.postponesLeft })}</span>
          </>
        )}
        {breaks.canSkip && (
          <button type="button" className="button" disabled={busy} onClick={() => void send({ type: 'skip' })}>
            {t('breaks.skip')}
          </button>
        )}
      </div>
      {error && <p className="error-text">{error}</p>}
    </>
  );
}
