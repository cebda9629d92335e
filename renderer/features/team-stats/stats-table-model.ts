import type { TFunction } from 'i18next';
import type { Figure, RangeFigure, TeamStats } from '../../../shared/team-stats/team-stats-schema.js';
import { formatFigureDurationMs } from '../../i18n/format';
import { weekDays } from './week-label';

const MS_PER_MINUTE = 60_000;

/** The table's columns after the week, in order; the chart, the table and the CSV share them. */
const STATS_COLUMNS = [
  'contributors',
  'exposureMedian',
  'exposureP90',
  'unfilteredMedian',
  'unfilteredP90',
  'reachedCap',
  'breakAdherence',
  'afterHoursShare',
] as const;
type StatsColumn = (typeof STATS_COLUMNS)[number];

type Kind = 'count' | 'minutes' | 'ratio';
const KIND: Record<StatsColumn, Kind> = {
  contributors: 'count',
  exposureMedian: 'minutes',
  exposureP90: 'minutes',
  unfilteredMedian: 'minutes',
  unfilteredP90: 'minutes',
  reachedCap: 'count',
  breakAdherence: 'ratio',
  afterHoursShare: 'ratio',
};

/** One cell as shown: its words, an exact duration for machines, a note in small print. */
export interface StatsCell {
  column: StatsColumn;
  text: string;
  /** ISO 8601 duration (`PT720M`) for a <time> element, on shown durations only. */
  dateTime?: string;
  /** How many weeks a range figure rests on ("over 4 weeks"). */
  note?: string;
  hidden: boolean;
}

export interface StatsRow {
  key: string;
  /** The row header: the ISO week, or "All weeks". */
  header: string;
  /** The days of the week, or the span of the range. */
  headerNote: string;
  cells: StatsCell[];
  isRange: boolean;
}

export interface StatsTable {
  /** Header texts: "Week" then one per STATS_COLUMNS. */
  columns: string[];
  weekRows: StatsRow[];
  /** Null when the range holds no week. */
  rangeRow: StatsRow | null;
}

type AnyFigure = Figure | RangeFigure;

function figureOf(figures: TeamStats['weeks'][number] | TeamStats['range'], column: StatsColumn): AnyFigure {
  switch (column) {
    case 'contributors':
      return figures.contributors;
    case 'exposureMedian':
      return figures.exposureMin.median;
    case 'exposureP90':
      return figures.exposureMin.p90;
    case 'unfilteredMedian':
      return figures.unfilteredMin.median;
    case 'unfilteredP90':
      return figures.unfilteredMin.p90;
    case 'reachedCap':
      return figures.reachedCap;
    case 'breakAdherence':
      return figures.breakAdherence;
    case 'afterHoursShare':
      return figures.afterHoursShare;
  }
}

/** A ratio as a whole percentage in `locale` ("91%", "91 %"), with a non-breaking space where the locale has one. */
export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio).replace(/\u202f/g, '\u00a0');
}

/**
 * The team figures as the table shows them: one row per week, oldest first, and a row
 * for the whole range. A hidden figure is its reason in words ("Hidden — fewer than 5
 * people"), never 0 or blank; a range figure says how many weeks it rests on, and the
 * range's contributors are person-weeks. The CSV is built from this same model.
 */
export function buildStatsTable(stats: TeamStats, t: TFunction, locale: string): StatsTable {
  const k = stats.minGroupSize;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const hiddenText = (reason: AnyFigure & { shown: false }) => t(`teamStats.hidden.${reason.reason}`, { k, n: 2 * k });

  const cell = (figure: AnyFigure, column: StatsColumn, inRange: boolean): StatsCell => {
    if (!figure.shown) return { column, text: hiddenText(figure), hidden: true };
    const note = 'weeks' in figure ? t('teamStats.overWeeks', { count: figure.weeks }) : undefined;
    const withNote = note === undefined ? {} : { note };
    switch (KIND[column]) {
      case 'minutes':
        return { column, text: formatFigureDurationMs(figure.value * MS_PER_MINUTE, locale), dateTime: `PT${figure.value}M`, hidden: false, ...withNote };
      case 'ratio':
        return { column, text: formatPercent(figure.value, locale), hidden: false, ...withNote };
      case 'count': {
        const formatted = numbers.format(figure.value);
        const text = inRange && column === 'contributors' ? t('teamStats.personWeeks', { count: figure.value, formatted }) : formatted;
        return { column, text, hidden: false, ...withNote };
      }
    }
  };

  const weekRows = stats.weeks.map((week) => ({
    key: week.week,
    header: week.week,
    headerNote: weekDays(week.week, locale),
    cells: STATS_COLUMNS.map((column) => cell(figureOf(week, column), column, false)),
    isRange: false,
  }));
  const { range } = stats;
  const rangeRow =
    range.fromWeek === null || range.toWeek === null
      ? null
      : {
          key: 'range',
          header: t('teamStats.rangeRow'),
          headerNote: t('teamStats.rangeSpan', { from: range.fromWeek, to: range.toWeek }),
          cells: STATS_COLUMNS.map((column) => cell(figureOf(range, column), column, true)),
          isRange: true,
        };
  return {
    columns: [t('teamStats.columns.week'), ...STATS_COLUMNS.map((column) => t(`teamStats.columns.${column}`))],
    weekRows,
    rangeRow,
  };
}
