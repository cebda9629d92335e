import type { BreakView } from '../../../shared/breaks/break-view.js';
import type { LimitPeriod, LimitQuantity } from '../../../shared/limits/cap-keys.js';
import type { CapView, LimitsView } from '../../../shared/limits/limits-view-schema.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';

/** Breaks while working: nothing due, nothing to do. */
export function workingBreaks(change: Partial<BreakView> = {}): BreakView {
  return {
    phase: 'working',
    kind: null,
    exposureSecondsUntilDue: 600,
    exposureSecondsUntilForcedStart: null,
    breakSecondsLeft: null,
    breakLengthSec: null,
    postponesLeft: 2,
    canPostpone: false,
    canSkip: false,
    canEndEarly: false,
    strictOverrideOffered: false,
    afterHours: false,
    ...change,
  };
}

/** A micro-break under way with `secondsLeft` to go. */
export function onBreak(secondsLeft: number, change: Partial<BreakView> = {}): BreakView {
  return workingBreaks({
    phase: 'on-break',
    kind: 'micro',
    exposureSecondsUntilDue: null,
    breakSecondsLeft: secondsLeft,
    breakLengthSec: 30,
    canEndEarly: true,
    ...change,
  });
}

/** One cap with no limit set, or with `capMin` and `usedMin`. */
export function capView(quantity: LimitQuantity, period: LimitPeriod, change: Partial<CapView> = {}): CapView {
  return {
    quantity,
    period,
    usedMs: 0,
    capMs: null,
    baseCapMs: null,
    extensionMs: 0,
    fraction: null,
    remainingMs: null,
    warningPct: null,
    nextThresholdPct: null,
    reached: false,
    overridden: false,
    overrides: 0,
    ...change,
  };
}

/** No caps reached, no warnings; `caps` replaces single caps. */
export function limitsView(caps: CapView[] = []): LimitsView {
  const find = (quantity: LimitQuantity, period: LimitPeriod) =>
    caps.find((cap) => cap.quantity === quantity && cap.period === period) ?? capView(quantity, period);
  const row = (quantity: LimitQuantity) => ({ day: find(quantity, 'day'), week: find(quantity, 'week') });
  const reachedCaps = caps.filter((cap) => cap.reached).map(({ quantity, period }) => ({ quantity, period }));
  return {
    dayKey: '2025-03-03',
    weekKey: '2025-03-03',
    caps: { exposure: row('exposure'), unfiltered: row('unfiltered'), audio: row('audio') },
    textOnly: reachedCaps.length > 0,
    reachedCaps,
  };
}

/** The daily exposure cap of 30 min reached: text-only mode. */
export function dailyExposureReached(): LimitsView {
  return limitsView([capView('exposure', 'day', { usedMs: 1_800_000, capMs: 1_800_000, baseCapMs: 1_800_000, fraction: 1, remainingMs: 0, reached: true })]);
}

export function wellbeingView(change: Partial<WellbeingView> = {}): WellbeingView {
  return { breaks: workingBreaks(), limits: limitsView(), ...change };
}
