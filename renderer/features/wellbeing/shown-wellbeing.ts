import type { CapView } from '../../../shared/limits/limits-view-schema.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';

/** The figures that move with every counted second and that no component shows. */
type Ticking = 'usedMs' | 'remainingMs' | 'fraction';

function stillCap(cap: CapView): Omit<CapView, Ticking> {
  const { usedMs: _used, remainingMs: _remaining, fraction: _fraction, ...shown } = cap;
  return shown;
}

/**
 * The part of a wellbeing view the UI draws, as a comparable string. While exposure is
 * counted the main side pushes a view every second (time used and time until the next
 * break move), but nothing on screen shows those figures: a push that changes only them
 * must not re-render the app, or the page never rests. A running break's countdown and
 * every phase, warning and cap state are part of it. If a component ever shows one of the
 * ticking figures, take it out of this list.
 */
export function shownWellbeingKey(view: WellbeingView): string {
  const { exposureSecondsUntilDue: _due, exposureSecondsUntilForcedStart: _forced, ...breaks } = view.breaks;
  const caps = Object.fromEntries(
    Object.entries(view.limits.caps).map(([quantity, row]) => [quantity, { day: stillCap(row.day), week: stillCap(row.week) }]),
  );
  return JSON.stringify({ breaks, limits: { ...view.limits, caps } });
}
