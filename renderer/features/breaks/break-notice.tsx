import { useTranslation } from 'react-i18next';
import type { BreakView } from '../../../shared/breaks/break-view.js';
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

function BreakNoticeBody({ breaks, strictMode }: { breaks: BreakView; strictMode: boolean }) {
  const { t } = useTranslation();
  const { send, busy, error } = useBreakAction();
  return (
    <>
      <p className="break-notice-text">{breaks.phase === 'due' ? t('breaks.warningDue') : t('breaks.warningSoon')}</p>
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
