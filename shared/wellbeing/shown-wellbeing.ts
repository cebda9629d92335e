import { minutesLeft } from '../breaks/break-view.js';
import type { CapView } from '../limits/limits-view-schema.js';
import type { WellbeingView } from './wellbeing-view.js';

/** The figures that move with every counted second and that no component shows to the second. */
type Ticking = 'usedMs' | 'remainingMs' | 'fraction';

function stillCap(cap: CapView): Omit<CapView, Ticking> & { extensionMinutesLeft: number | null } {
  const { usedMs: _used, remainingMs, fraction: _fraction, ...shown } = cap;
  // After an override the header shows the time left of the extension, in whole minutes.
  const extensionMinutesLeft = cap.overridden && remainingMs !== null ? minutesLeft(remainingMs / 1000) : null;
  return { ...shown, extensionMinutesLeft };
}

function shownMinutes(seconds: number | null): number | null {
  return seconds === null ? null : minutesLeft(seconds);
}

/**
 * The part of a wellbeing view the UI draws, as a comparable string. While exposure is
 * counted the view changes every second (time used and time until the next break move),
 * but nothing on screen shows those figures to the second: a change of only them is not
 * pushed to the page, nor re-renders it, or the app never rests. A running break's countdown and
 * every phase, warning and cap state are part of it; the time to the next break, to a
 * due break's forced start and to the end of an override's extension are shown in whole
 * minutes (minutesLeft), so they count only when that changes: once a minute at most.
 * If a component ever shows a ticking figure more finely, add it here.
 */
export function shownWellbeingKey(view: WellbeingView): string {
  const { exposureSecondsUntilDue: due, exposureSecondsUntilForcedStart: forced, ...still } = view.breaks;
  const breaks = { ...still, dueMinutes: shownMinutes(due), forcedStartMinutes: shownMinutes(forced) };
  const caps = Object.fromEntries(Object.entries(view.limits.caps).map(([quantity, row]) => [quantity, { day: stillCap(row.day), week: stillCap(row.week) }]));
  return JSON.stringify({ breaks, limits: { ...view.limits, caps } });
}

/**
 * Wraps a push of wellbeing views so that only views the UI would draw differently go out
 * (the first always does). getWellbeing still answers with every figure up to date.
 */
export function pushWhenShownChanges(push: (view: WellbeingView) => void): (view: WellbeingView) => void {
  let lastKey: string | null = null;
  return (view) => {
    const key = shownWellbeingKey(view);
    if (key === lastKey) return;
    lastKey = key;
    push(view);
  };
}
