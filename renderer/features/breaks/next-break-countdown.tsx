import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesLeft, type BreakView } from '../../../shared/breaks/break-view.js';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import { useWellbeing } from '../wellbeing/wellbeing-provider';

const MS_PER_SECOND = 1000;

/** Viewing time left on the override extension ending soonest, ms; null when no extension runs. */
function extensionRemainingMs(limits: LimitsView): number | null {
  let soonest: number | null = null;
  for (const row of Object.values(limits.caps)) {
    for (const cap of [row.day, row.week]) {
      if (!cap.overridden || cap.reached || cap.remainingMs === null) continue;
      if (soonest === null || cap.remainingMs < soonest) soonest = cap.remainingMs;
    }
  }
  return soonest;
}

function BreakPart({ breaks }: { breaks: BreakView }) {
  const { t } = useTranslation();
  if (breaks.phase === 'due') return <span className="next-break-part">{t('breakTiming.breakDue')}</span>;
  if (breaks.phase === 'on-break' || breaks.exposureSecondsUntilDue === null) return null;
  return (
    <span className="next-break-part" title={t('breakTiming.nextBreakHelp')}>
      {t('breakTiming.nextBreakIn', { count: minutesLeft(breaks.exposureSecondsUntilDue) })}
    </span>
  );
}

/**
 * "Next break in 12 min" in the header, as Stretchly and Workrave show it, and after a
 * limit override the time left before the extension ends. Both are counted viewing time
 * from the main side's view, in whole minutes: the view is pushed only when a shown
 * minute changes, so this redraws at most once a minute and needs no timer of its own.
 * Plain text, not a live region: a figure that moves every minute must not be announced.
 */
export const NextBreakCountdown = memo(function NextBreakCountdown() {
  const { t } = useTranslation();
  const view = useWellbeing()?.view ?? null;
  if (view === null) return null;
  const extensionMs = extensionRemainingMs(view.limits);
  return (
    <span className="next-break-countdown">
      <BreakPart breaks={view.breaks} />
      {extensionMs !== null && (
        <span className="next-break-part" title={t('breakTiming.extensionHelp')}>
          {t('breakTiming.extensionLeft', { count: minutesLeft(extensionMs / MS_PER_SECOND) })}
        </span>
      )}
    </span>
  );
});
