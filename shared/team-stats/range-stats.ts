import { hiddenFigure, nearestRank } from './disclosure.js';
import type { Figure, RangeFigure, RangeStats, SuppressionReason } from './team-stats-schema.js';
import type { WeekCell } from './week-cells.js';

type Pick = (cell: WeekCell) => Figure;

/**
 * How one range figure is made from the shown weekly values of the same figure: a sum
 * (people, person-weeks), the middle value (medians and 90th percentiles: "a typical
 * week") or the mean (ratios: each week counts once).
 */
type Combine = (shownValues: readonly number[]) => number;

const sum: Combine = (values) => values.reduce((total, value) => total + value, 0);
const middle: Combine = (values) => nearestRank([...values].sort((a, b) => a - b), 50);
const mean: Combine = (values) => sum(values) / values.length;

/** Why a range figure has no week to rest on: the weeks' own reason, or no week large enough. */
function reasonNoneShown(cells: readonly WeekCell[], pick: Pick): SuppressionReason {
  for (const cell of cells) {
    const figure = pick(cell);
    if (cell.stats.contributors.shown && !figure.shown) return figure.reason;
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
function rangeFigure(cells: readonly WeekCell[], pick: Pick, combine: Combine): RangeFigure {
  const used: { value: number; contributors: number }[] = [];
  for (const cell of cells) {
    const figure = pick(cell);
    const contributors = cell.stats.contributors;
    if (figure.shown && contributors.shown) used.push({ value: figure.value, contributors: contributors.value });
  }
  if (used.length === 0) return hiddenFigure(reasonNoneShown(cells, pick));
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
export function rangeStats(cells: readonly WeekCell[]): RangeStats {
  const first = cells[0];
  const last = cells[cells.length - 1];
  return {
    fromWeek: first?.stats.week ?? null,
    toWeek: last?.stats.week ?? null,
    contributors: rangeFigure(cells, (cell) => cell.stats.contributors, sum),
    exposureMin: {
      median: rangeFigure(cells, (cell) => cell.stats.exposureMin.median, middle),
      p90: rangeFigure(cells, (cell) => cell.stats.exposureMin.p90, middle),
    },
    unfilteredMin: {
      median: rangeFigure(cells, (cell) => cell.stats.unfilteredMin.median, middle),
      p90: rangeFigure(cells, (cell) => cell.stats.unfilteredMin.p90, middle),
    },
    reachedCap: rangeFigure(cells, (cell) => cell.stats.reachedCap, sum),
    breakAdherence: rangeFigure(cells, (cell) => cell.stats.breakAdherence, mean),
    afterHoursShare: rangeFigure(cells, (cell) => cell.stats.afterHoursShare, mean),
  };
}
