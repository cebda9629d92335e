import { hiddenFigure, nearestRank } from './disclosure.js';
import type { Figure, RangeFigure, RangeStats, SuppressionReason, WeekStats } from './team-stats-schema.js';

type Pick = (week: WeekStats) => Figure;

/**
 * How one range figure is made from the shown weekly values of the same figure: a sum
 * (people, person-weeks), the middle value (medians and 90th percentiles: "a typical
 * week") or the mean (ratios: each week counts once).
 */
type Combine = (shownValues: readonly number[]) => number;

const sum: Combine = (values) => values.reduce((total, value) => total + value, 0);
const middle: Combine = (values) =>
  nearestRank(
    [...values].sort((a, b) => a - b),
    50,
  );
const mean: Combine = (values) => sum(values) / values.length;

/** Why a range figure has no week to rest on: the weeks' own reason, or no week large enough. */
function reasonNoneShown(weeks: readonly WeekStats[], pick: Pick): SuppressionReason {
  for (const week of weeks) {
    const figure = pick(week);
    if (week.contributors.shown && !figure.shown) return figure.reason;
  }
  return 'group-too-small';
}

/**
 * A range figure computed from nothing but the shown weekly values of the same figure
 * (and those weeks' shown contributor counts). It therefore adds no information the week
 * rows do not already show, whatever range or k the lead picks: two queries can only be
 * differenced into shown weekly values. (Pooling the raw values of the weeks instead let a
 * week whose 90th percentile is hidden be recovered by comparing range medians at k and
 * k + 1; see test/unit/shared/team-stats/aggregate-team.property.test.ts.)
 */
function rangeFigure(weeks: readonly WeekStats[], pick: Pick, combine: Combine): RangeFigure {
  const used: { value: number; contributors: number }[] = [];
  for (const week of weeks) {
    const figure = pick(week);
    const contributors = week.contributors;
    if (figure.shown && contributors.shown) used.push({ value: figure.value, contributors: contributors.value });
  }
  if (used.length === 0) return hiddenFigure(reasonNoneShown(weeks, pick));
  return {
    shown: true,
    value: combine(used.map((entry) => entry.value)),
    weeks: used.length,
    personWeeks: sum(used.map((entry) => entry.contributors)),
  };
}

/**
 * The range row: each figure over the weeks whose own cell for it is shown — people and
 * person-weeks summed, medians and 90th percentiles as the middle of the weekly values,
 * ratios as the mean of the weekly ratios. A function of the shown week cells alone.
 */
export function rangeStats(weeks: readonly WeekStats[]): RangeStats {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  return {
    fromWeek: first?.week ?? null,
    toWeek: last?.week ?? null,
    contributors: rangeFigure(weeks, (week) => week.contributors, sum),
    exposureMin: {
      median: rangeFigure(weeks, (week) => week.exposureMin.median, middle),
      p90: rangeFigure(weeks, (week) => week.exposureMin.p90, middle),
    },
    unfilteredMin: {
      median: rangeFigure(weeks, (week) => week.unfilteredMin.median, middle),
      p90: rangeFigure(weeks, (week) => week.unfilteredMin.p90, middle),
    },
    reachedCap: rangeFigure(weeks, (week) => week.reachedCap, sum),
    breakAdherence: rangeFigure(weeks, (week) => week.breakAdherence, mean),
    afterHoursShare: rangeFigure(weeks, (week) => week.afterHoursShare, mean),
  };
}
