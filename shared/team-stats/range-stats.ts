import { contributorsNeeded, hiddenFigure, isSmallCount, nearestRank } from './disclosure.js';
import type { Figure, RangeFigure, RangeStats, SuppressionReason } from './team-stats-schema.js';
import type { RatioParts, WeekCell, WeekData } from './week-cells.js';

type Pick = (cell: WeekCell) => Figure;

/** The cells a range figure rests on: exactly those weeks whose own cell for the figure is shown. */
function shownCells(cells: readonly WeekCell[], pick: Pick): WeekCell[] {
  return cells.filter((cell) => pick(cell).shown);
}

/** Why a range figure has no week to rest on: the weeks' own reason (all the same for one figure), or no week large enough. */
function reasonNoneShown(cells: readonly WeekCell[], pick: Pick): SuppressionReason {
  for (const cell of cells) {
    const figure = pick(cell);
    if (cell.stats.contributors.shown && !figure.shown) return figure.reason;
  }
  return 'group-too-small';
}

function personWeeks(used: readonly WeekCell[]): number {
  return used.reduce((sum, cell) => sum + cell.data.contributors, 0);
}

/**
 * A range figure from the shown cells of one figure. `value` computes it from their data;
 * `allowed` re-checks the figure's own threshold on the pooled person-weeks (implied by
 * the cells' thresholds, checked again so a change to one rule cannot open a hole here).
 */
function rangeFigure(cells: readonly WeekCell[], pick: Pick, value: (data: readonly WeekData[]) => number, allowed: (used: readonly WeekData[]) => SuppressionReason | null): RangeFigure {
  const used = shownCells(cells, pick);
  if (used.length === 0) return hiddenFigure(reasonNoneShown(cells, pick));
  const data = used.map((cell) => cell.data);
  const refusal = allowed(data);
  if (refusal !== null) return hiddenFigure(refusal);
  return { shown: true, value: value(data), weeks: used.length, personWeeks: personWeeks(used) };
}

function pooledPercentile(data: readonly WeekData[], field: 'exposureSorted' | 'unfilteredSorted', percent: number): number {
  const pooled = data.flatMap((d) => d[field]).sort((a, b) => a - b);
  return nearestRank(pooled, percent);
}

function sumContributors(data: readonly WeekData[]): number {
  return data.reduce((sum, d) => sum + d.contributors, 0);
}

function pooledRatio(parts: readonly RatioParts[]): { numerator: number; denominator: number; people: number } {
  return parts.reduce((acc, p) => ({ numerator: acc.numerator + p.numerator, denominator: acc.denominator + p.denominator, people: acc.people + p.peopleWithData }), {
    numerator: 0,
    denominator: 0,
    people: 0,
  });
}

function distribution(cells: readonly WeekCell[], k: number, field: 'exposureMin' | 'unfilteredMin'): RangeStats['exposureMin'] {
  const sortedField = field === 'exposureMin' ? 'exposureSorted' : 'unfilteredSorted';
  const percentile = (kind: 'median' | 'p90', percent: number): RangeFigure =>
    rangeFigure(
      cells,
      (cell) => cell.stats[field][kind],
      (data) => pooledPercentile(data, sortedField, percent),
      (data) => (sumContributors(data) >= contributorsNeeded(kind, k) ? null : kind === 'p90' ? 'needs-2k' : 'group-too-small'),
    );
  return { median: percentile('median', 50), p90: percentile('p90', 90) };
}

function ratio(cells: readonly WeekCell[], k: number, which: 'adherence' | 'afterHours'): RangeFigure {
  const pick: Pick = (cell) => (which === 'adherence' ? cell.stats.breakAdherence : cell.stats.afterHoursShare);
  return rangeFigure(
    cells,
    pick,
    (data) => {
      const pooled = pooledRatio(data.map((d) => d[which]));
      return pooled.numerator / pooled.denominator;
    },
    (data) => {
      const pooled = pooledRatio(data.map((d) => d[which]));
      return pooled.people >= k && pooled.denominator > 0 ? null : 'small-count';
    },
  );
}

/**
 * The range row: each figure over the weeks whose own cell for it is shown, pooled as
 * person-weeks (medians and percentiles over all the values of those weeks, counts
 * summed, ratios pooled), then held to the same threshold as a week's cell.
 */
export function rangeStats(cells: readonly WeekCell[], k: number): RangeStats {
  const first = cells[0];
  const last = cells[cells.length - 1];
  return {
    fromWeek: first?.stats.week ?? null,
    toWeek: last?.stats.week ?? null,
    contributors: rangeFigure(
      cells,
      (cell) => cell.stats.contributors,
      sumContributors,
      (data) => (sumContributors(data) >= k ? null : 'group-too-small'),
    ),
    exposureMin: distribution(cells, k, 'exposureMin'),
    unfilteredMin: distribution(cells, k, 'unfilteredMin'),
    reachedCap: rangeFigure(
      cells,
      (cell) => cell.stats.reachedCap,
      (data) => data.reduce((sum, d) => sum + d.reachedCap, 0),
      (data) => (isSmallCount(data.reduce((sum, d) => sum + d.reachedCap, 0), sumContributors(data), k) ? 'small-count' : null),
    ),
    breakAdherence: ratio(cells, k, 'adherence'),
    afterHoursShare: ratio(cells, k, 'afterHours'),
  };
}
