import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { useFormatters } from '../../i18n/format';
import { durationTicksMin } from './chart-ticks';
import type { ExposureRow } from './exposure-rows';

const MS_PER_MINUTE = 60_000;
const CHART_HEIGHT_PX = 240;

/**
 * A calm palette on the dark surface: filtered time in the app's muted blue, unfiltered
 * in a soft amber with diagonal hatching, audio in sage with dots. Patterns and the
 * legend's words tell the series apart, never colour alone.
 */
const COLOURS = {
  filtered: '#6f8fb8',
  unfiltered: '#c9a46a',
  audio: '#86ad9c',
  axis: '#b0b4bb',
  grid: '#41444b',
  patternBackground: '#24262a',
} as const;

export interface ExposureChartProps {
  rows: readonly ExposureRow[];
  /** What the chart shows, read out instead of the drawing (the table has the figures). */
  description: string;
}

/** A legend swatch: the series' own fill (colour and pattern) in a small square. */
function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="chart-swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect width="14" height="14" rx="2" fill={fill} />
    </svg>
  );
}

/**
 * Exposure as stacked bars (filtered below, unfiltered above) with audio beside them,
 * drawn by recharts as SVG. The drawing is one image to assistive technology, described
 * in words; the table next to it carries the same figures. The legend is plain HTML
 * under it (no measuring inside the SVG), each series named beside its colour and pattern.
 */
export function ExposureChart({ rows, description }: ExposureChartProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  // useId's characters are not all valid in url(#…): keep letters and digits.
  const idBase = `chart${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const hatchId = `${idBase}-hatch`;
  const dotsId = `${idBase}-dots`;
  const tickStyle = { fill: COLOURS.axis, fontSize: 12 };
  const series = [
    { key: 'filtered', label: t('myExposure.filtered'), fill: COLOURS.filtered },
    { key: 'unfiltered', label: t('myExposure.unfiltered'), fill: `url(#${hatchId})` },
    { key: 'audio', label: t('myExposure.audio'), fill: `url(#${dotsId})` },
  ] as const;
  const tallestMin = Math.max(0, ...rows.map((row) => Math.max(row.filteredMin + row.unfilteredMin, row.audioMin)));
  const ticks = durationTicksMin(tallestMin);

  return (
    <div className="exposure-figure">
      <div className="exposure-chart" role="img" aria-label={description}>
        <BarChart
          data={[...rows]}
          responsive
          style={{ width: '100%', height: CHART_HEIGHT_PX }}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          accessibilityLayer={false}
          barCategoryGap="20%"
        >
          <defs>
            <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={COLOURS.unfiltered} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={COLOURS.patternBackground} strokeWidth="2" />
            </pattern>
            <pattern id={dotsId} width="5" height="5" patternUnits="userSpaceOnUse">
              <rect width="5" height="5" fill={COLOURS.audio} />
              <circle cx="2.5" cy="2.5" r="1.1" fill={COLOURS.patternBackground} />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke={COLOURS.grid} />
          {/* Every day or week is labelled: the labels are short and the dialog is wide. */}
          <XAxis dataKey="label" tick={tickStyle} stroke={COLOURS.grid} tickLine={false} interval={0} />
          <YAxis
            tick={tickStyle}
            stroke={COLOURS.grid}
            tickLine={false}
            width={80}
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1] ?? 1]}
            interval={0}
            tickFormatter={(minutes: number) => format.figureDurationMs(minutes * MS_PER_MINUTE)}
          />
          <Bar dataKey="filteredMin" name={series[0].label} stackId="exposure" fill={series[0].fill} isAnimationActive={false} />
          <Bar dataKey="unfilteredMin" name={series[1].label} stackId="exposure" fill={series[1].fill} stroke={COLOURS.unfiltered} isAnimationActive={false} />
          <Bar dataKey="audioMin" name={series[2].label} fill={series[2].fill} stroke={COLOURS.audio} isAnimationActive={false} />
        </BarChart>
      </div>
      {/* Hidden from screen readers: the description and the table's headers name the series. */}
      <ul className="chart-legend" aria-hidden="true">
        {series.map(({ key, label, fill }) => (
          <li key={key}>
            <Swatch fill={fill} />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
