import { contributorsNeeded, hiddenFigure, isSmallCount, nearestRank, shownFigure } from './disclosure.js';
import type { Figure, WeekStats } from './team-stats-schema.js';
import type { WeeklySummary } from './weekly-summary.js';

/** A pooled ratio: its parts and how many contributors have a non-zero denominator. */
interface RatioParts {
  numerator: number;
  denominator: number;
  /** Contributors whose own denominator is above 0: the people the ratio rests on. */
  peopleWithData: number;
}

/** What one week's figures are computed from, before any rule is applied. Internal: never part of any output. */
interface WeekData {
  contributors: number;
  exposureSorted: number[];
  unfilteredSorted: number[];
  reachedCap: number;
  adherence: RatioParts;
  afterHours: RatioParts;
}

const ascending = (a: number, b: number): number => a - b;

function ratioParts(summaries: readonly WeeklySummary[], numerator: (s: WeeklySummary) => number, denominator: (s: WeeklySummary) => number): RatioParts {
  const parts: RatioParts = { numerator: 0, denominator: 0, peopleWithData: 0 };
  for (const summary of summaries) {
    const d = denominator(summary);
    parts.numerator += numerator(summary);
    parts.denominator += d;
    if (d > 0) parts.peopleWithData += 1;
  }
  return parts;
}

/** The figures one week's summaries hold, before any rule is applied. */
function weekData(summaries: readonly WeeklySummary[]): WeekData {
  return {
    contributors: summaries.length,
    exposureSorted: summaries.map((s) => s.exposureMin).sort(ascending),
    unfilteredSorted: summaries.map((s) => s.unfilteredMin).sort(ascending),
    reachedCap: summaries.filter((s) => s.capsReached > 0).length,
    adherence: ratioParts(
      summaries,
      (s) => s.breaksTaken + s.naturalBreaks,
      (s) => s.breaksDue,
    ),
    afterHours: ratioParts(
      summaries,
      (s) => s.afterHoursMin,
      (s) => s.exposureMin,
    ),
  };
}

/** A percentile cell: shown with k contributors (2k for p90). Callers have checked n ≥ k. */
function percentileFigure(sorted: readonly number[], kind: 'median' | 'p90', k: number): Figure {
  if (sorted.length < contributorsNeeded(kind, k)) return hiddenFigure(kind === 'p90' ? 'needs-2k' : 'group-too-small');
  return shownFigure(nearestRank(sorted, kind === 'p90' ? 90 : 50));
}

/** A pooled ratio, shown only when at least k people have a non-zero denominator: no ratio can be one person's. */
function ratioFigure(parts: RatioParts, k: number): Figure {
  if (parts.peopleWithData < k || parts.denominator <= 0) return hiddenFigure('small-count');
  return shownFigure(parts.numerator / parts.denominator);
}

/**
 * One week's cell under the disclosure rules (see aggregate-team.ts): below k
 * contributors everything is hidden, the count of contributors included; the median at
 * k, the 90th percentile at 2k; the number who reached a cap under the small-count rule;
 * ratios when k people have a denominator.
 */
export function weekCell(week: string, summaries: readonly WeeklySummary[], k: number): WeekStats {
  const data = weekData(summaries);
  if (data.contributors < k) {
    const tooSmall = (): Figure => hiddenFigure('group-too-small');
    return {
      week,
      contributors: tooSmall(),
      exposureMin: { median: tooSmall(), p90: tooSmall() },
      unfilteredMin: { median: tooSmall(), p90: tooSmall() },
      reachedCap: tooSmall(),
      breakAdherence: tooSmall(),
      afterHoursShare: tooSmall(),
    };
  }
  return {
    week,
    contributors: shownFigure(data.contributors),
    exposureMin: { median: percentileFigure(data.exposureSorted, 'median', k), p90: percentileFigure(data.exposureSorted, 'p90', k) },
    unfilteredMin: { median: percentileFigure(data.unfilteredSorted, 'median', k), p90: percentileFigure(data.unfilteredSorted, 'p90', k) },
    reachedCap: isSmallCount(data.reachedCap, data.contributors, k) ? hiddenFigure('small-count') : shownFigure(data.reachedCap),
    breakAdherence: ratioFigure(data.adherence, k),
    afterHoursShare: ratioFigure(data.afterHours, k),
  };
}
