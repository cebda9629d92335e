import type { CapView } from '../limits/limits-view-schema.js';
import type { WellbeingView } from './wellbeing-view.js';

/** The figures that move with every counted second and that no component shows. */
type Ticking = 'usedMs' | 'remainingMs' | 'fraction';

function stillCap(cap: CapView): Omit<CapView, Ticking> {
  const { usedMs: _used, remainingMs: _remaining, fraction: _fraction, ...shown } = cap;
  return shown;
}

/**
 * The part of a wellbeing view the UI draws, as a comparable string. While exposure is
 * counted the view changes every second (time used and time until the next break move),
 * but nothing on screen shows those figures: a change of only them is not pushed to the
 * page, nor re-renders it, or the app never rests. A running break's countdown and
 * every phase, warning and cap state are part of it. If a component ever shows one of the
 * ticking figures, take it out of this list.
 */
export function shownWellbeingKey(view: WellbeingView): string {
  const { exposureSecondsUntilDue: _due, exposureSecondsUntilForcedStart: _forced, ...breaks } = view.breaks;
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
