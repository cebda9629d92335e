import type { Figure, TeamStats } from '../../../shared/team-stats/team-stats-schema.js';
import { shortWeekLabels } from './week-label';

/** One week of the trend charts. A hidden figure is null, which the chart draws as a gap (never as 0). */
export interface TrendPoint {
  week: string;
  label: string;
  exposureMedianMin: number | null;
  exposureP90Min: number | null;
  /** Break adherence as a percentage (may exceed 100). */
  adherencePct: number | null;
}

const PERCENT = 100;

function valueOf(figure: Figure): number | null {
  return figure.shown ? figure.value : null;
}

/** The weeks' figures for the charts, oldest first. */
export function trendPoints(stats: TeamStats): TrendPoint[] {
  const labels = shortWeekLabels(stats.weeks.map((week) => week.week));
  return stats.weeks.map((week, index) => {
    const adherence = valueOf(week.breakAdherence);
    return {
      week: week.week,
      label: labels[index] ?? week.week,
      exposureMedianMin: valueOf(week.exposureMin.median),
      exposureP90Min: valueOf(week.exposureMin.p90),
      adherencePct: adherence === null ? null : Math.round(adherence * PERCENT * 10) / 10,
    };
  });
}

/** Whether a series has anything to draw. */
export function hasAny(points: readonly TrendPoint[], keys: readonly (keyof Omit<TrendPoint, 'week' | 'label'>)[]): boolean {
  return points.some((point) => keys.some((key) => point[key] !== null));
}

/** Percentage axis ticks: every 25 % from 0 to at least 100, and past the highest point. */
export function percentTicks(maxPct: number): number[] {
  const step = 25;
  const top = Math.max(PERCENT, Math.ceil(maxPct / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}
