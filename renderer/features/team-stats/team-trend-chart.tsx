import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useFormatters } from '../../i18n/format';
import { durationTicksMin } from '../my-exposure/chart-ticks';
import { percentTicks, type TrendPoint } from './chart-points';
import { formatPercent } from './stats-table-model';

const MS_PER_MINUTE = 60_000;
const CHART_HEIGHT_PX = 220;
const PERCENT = 100;

/** The app's calm palette (as in My exposure); series differ by dash and marker too, never colour alone. */
const COLOURS = { first: '#6f8fb8', second: '#c9a46a', axis: '#b0b4bb', grid: '#41444b' } as const;

type TrendSeriesKey = 'exposureMedianMin' | 'exposureP90Min' | 'adherencePct';

interface TrendSeries {
  key: TrendSeriesKey;
  label: string;
}

export interface TeamTrendChartProps {
  points: readonly TrendPoint[];
  /** One or two series: the first solid with filled dots, the second dashed with hollow ones. */
  series: readonly TrendSeries[];
  unit: 'minutes' | 'percent';
  /** What the chart shows, read out instead of the drawing (the table has the figures). */
  description: string;
}

function LegendSwatch({ colour, dashed }: { colour: string; dashed: boolean }) {
  return (
    <svg className="chart-swatch chart-swatch-line" viewBox="0 0 24 14" aria-hidden="true" focusable="false">
      <line x1="1" y1="7" x2="23" y2="7" stroke={colour} strokeWidth="2" strokeDasharray={dashed ? '4 3' : undefined} />
      <circle cx="12" cy="7" r="3.5" fill={dashed ? '#24262a' : colour} stroke={colour} strokeWidth="2" />
    </svg>
  );
}

/**
 * A week-by-week line chart (recharts, SVG). A hidden week is null and is drawn as a gap
 * in the line (connectNulls off), so nothing suggests a value of 0. One image to
 * assistive technology, described in words; the table carries the same figures.
 */
export function TeamTrendChart({ points, series, unit, description }: TeamTrendChartProps) {
  const format = useFormatters();
  const values = points.flatMap((point) => series.map(({ key }) => point[key] ?? 0));
  const highest = Math.max(0, ...values);
  const ticks = unit === 'minutes' ? durationTicksMin(highest) : percentTicks(highest);
  const tickStyle = { fill: COLOURS.axis, fontSize: 12 };
  // The axis origin is a plain 0: "0 s" under hour ticks reads as a different unit.
  const formatTick = (value: number) =>
    value === 0 ? format.count(0) : unit === 'minutes' ? format.figureDurationMs(value * MS_PER_MINUTE) : formatPercent(value / PERCENT, format.locale);
  const styled = series.map((entry, index) => ({ ...entry, colour: index === 0 ? COLOURS.first : COLOURS.second, dashed: index > 0 }));

  return (
    <div className="team-chart-figure">
      <div className="team-chart" role="img" aria-label={description}>
        <LineChart
          data={[...points]}
          responsive
          style={{ width: '100%', height: CHART_HEIGHT_PX }}
          margin={{ top: 12, right: 16, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={COLOURS.grid} />
          <XAxis dataKey="label" tick={tickStyle} stroke={COLOURS.grid} tickLine={false} padding={{ left: 24, right: 24 }} />
          <YAxis
            tick={tickStyle}
            stroke={COLOURS.grid}
            tickLine={false}
            width={80}
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1] ?? 1]}
            interval={0}
            tickFormatter={formatTick}
          />
          {unit === 'percent' && <ReferenceLine y={PERCENT} stroke={COLOURS.axis} strokeDasharray="2 4" />}
          {styled.map(({ key, label, colour, dashed }) => (
            <Line
              key={key}
              type="linear"
              dataKey={key}
              name={label}
              stroke={colour}
              strokeWidth={2}
              strokeDasharray={dashed ? '6 4' : undefined}
              // The line's dashes must not break the markers' rings.
              dot={{ r: 4, fill: dashed ? '#24262a' : colour, stroke: colour, strokeWidth: 2, strokeDasharray: 'none' }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      {/* Hidden from screen readers: the description and the table's headers name the series. */}
      <ul className="chart-legend" aria-hidden="true">
        {styled.map(({ key, label, colour, dashed }) => (
          <li key={key}>
            <LegendSwatch colour={colour} dashed={dashed} />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
