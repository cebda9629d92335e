import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAny, type TrendPoint } from './chart-points';
import type { TeamTrendChartProps } from './team-trend-chart';

/**
 * recharts is loaded when a chart is first drawn (a same-origin chunk; My exposure
 * shares it), so it costs nothing at start-up and the table never waits for it.
 */
const TeamTrendChart = lazy(() => import('./team-trend-chart').then((module) => ({ default: module.TeamTrendChart })));

function ChartRegion({ title, chart }: { title: string; chart: TeamTrendChartProps }) {
  const { t } = useTranslation();
  const titleId = useId();
  const drawable = hasAny(
    chart.points,
    chart.series.map((series) => series.key),
  );
  const gaps = chart.points.some((point) => chart.series.some((series) => point[series.key] === null));
  return (
    <section className="team-chart-region" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      {drawable ? (
        <>
          <Suspense fallback={<div className="team-chart" aria-hidden="true" />}>
            <TeamTrendChart {...chart} />
          </Suspense>
          {gaps && <p className="field-help">{t('teamStats.charts.gaps')}</p>}
        </>
      ) : (
        <p className="muted">{t('teamStats.charts.nothingToDraw')}</p>
      )}
    </section>
  );
}

/** The trends: median and 90th percentile of exposure per week, and break adherence per week. */
export function TeamCharts({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  return (
    <div className="team-charts">
      <ChartRegion
        title={t('teamStats.charts.exposureTitle')}
        chart={{
          points,
          unit: 'minutes',
          description: t('teamStats.charts.exposureDescription'),
          series: [
            { key: 'exposureMedianMin', label: t('teamStats.charts.median') },
            { key: 'exposureP90Min', label: t('teamStats.charts.p90') },
          ],
        }}
      />
      <ChartRegion
        title={t('teamStats.charts.adherenceTitle')}
        chart={{
          points,
          unit: 'percent',
          description: t('teamStats.charts.adherenceDescription'),
          series: [{ key: 'adherencePct', label: t('teamStats.charts.adherence') }],
        }}
      />
    </div>
  );
}
