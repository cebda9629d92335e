import type { Figure, RangeFigure, SuppressionReason, TeamStats, WeekStats } from '../../../shared/team-stats/team-stats-schema.js';
import { describeReason } from '../../../shared/reasons/describe-reason.js';
import type { RejectedExport } from './read-export-folder.js';

/**
 * The plain-text report of the `team-stats` command: one table row per week, the range
 * below it, then the rejected files. It prints exactly the figures aggregateTeam shows and
 * the reason for every hidden one; it has nothing else to print (no key, file or record
 * reaches it).
 */

/** Why a figure is hidden, in words, for k. */
export function suppressionText(reason: SuppressionReason, k: number): string {
  if (reason === 'group-too-small') return `suppressed (fewer than ${k})`;
  if (reason === 'needs-2k') return `suppressed (needs ${2 * k})`;
  return 'suppressed (small count)';
}

/** Minutes as "14 h 45 min" (figures are whole quarter hours, a range median too). */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

/** A ratio as a whole percentage ("87 %"); adherence may pass 100 % when natural pauses outnumber due breaks. */
export function formatShare(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

const formatCount = (count: number): string => String(count);

function cell(figure: Figure | RangeFigure, k: number, format: (value: number) => string): string {
  return figure.shown ? format(figure.value) : suppressionText(figure.reason, k);
}

interface Column {
  header: string;
  week: (stats: WeekStats, k: number) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'Week', week: (s) => s.week },
  { header: 'People', week: (s, k) => cell(s.contributors, k, formatCount) },
  { header: 'Exposure median', week: (s, k) => cell(s.exposureMin.median, k, formatMinutes) },
  { header: 'Exposure p90', week: (s, k) => cell(s.exposureMin.p90, k, formatMinutes) },
  { header: 'Unfiltered median', week: (s, k) => cell(s.unfilteredMin.median, k, formatMinutes) },
  { header: 'Unfiltered p90', week: (s, k) => cell(s.unfilteredMin.p90, k, formatMinutes) },
  { header: 'Reached a cap', week: (s, k) => cell(s.reachedCap, k, formatCount) },
  { header: 'Break adherence', week: (s, k) => cell(s.breakAdherence, k, formatShare) },
  { header: 'After hours', week: (s, k) => cell(s.afterHoursShare, k, formatShare) },
];

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function rangeLines(stats: TeamStats): string[] {
  const { range, minGroupSize: k } = stats;
  const line = (label: string, figure: RangeFigure, format: (value: number) => string, withBasis = true): string => {
    const basis = figure.shown && withBasis ? `  (${figure.weeks} week${figure.weeks === 1 ? '' : 's'}, ${figure.personWeeks} person-weeks)` : '';
    return `  ${label.padEnd(20)}${cell(figure, k, format)}${basis}`;
  };
  return [
    `Range ${range.fromWeek ?? '–'} to ${range.toWeek ?? '–'}:`,
    // Its basis would repeat it: the person-weeks of the weeks shown.
    line('Person-weeks', range.contributors, formatCount, false),
    line('Exposure median', range.exposureMin.median, formatMinutes),
    line('Exposure p90', range.exposureMin.p90, formatMinutes),
    line('Unfiltered median', range.unfilteredMin.median, formatMinutes),
    line('Unfiltered p90', range.unfilteredMin.p90, formatMinutes),
    line('Reached a cap', range.reachedCap, formatCount),
    line('Break adherence', range.breakAdherence, formatShare),
    line('After hours', range.afterHoursShare, formatShare),
  ];
}

/**
 * A file name as safe terminal text: control characters (which could move the cursor or
 * rewrite earlier lines) and bidirectional overrides (which could reverse what is read)
 * are shown as \u escapes. Anyone who can write to the share chooses these names.
 */
export function printableFileName(name: string): string {
  let printable = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    const unsafe =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x061c ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    printable += unsafe ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return printable;
}

/** The report as lines of text. */
export function teamStatsReport(stats: TeamStats, rejected: readonly RejectedExport[], folderLabel: string): string[] {
  const k = stats.minGroupSize;
  const lines: string[] = [
    `Team statistics for ${folderLabel}`,
    `Minimum group size k = ${k}: a figure resting on fewer people is suppressed; the 90th percentile needs ${2 * k}.`,
    '',
  ];
  if (stats.weeks.length === 0) {
    lines.push('No weekly summaries to aggregate.');
  } else {
    lines.push(
      ...table([COLUMNS.map((column) => column.header), ...stats.weeks.map((week) => COLUMNS.map((column) => column.week(week, k)))]),
      '',
      ...rangeLines(stats),
    );
  }
  lines.push('');
  if (rejected.length === 0) {
    lines.push('No file was rejected.');
  } else {
    lines.push(`Rejected files (${rejected.length}), skipped; everything else was counted:`);
    for (const file of rejected) lines.push(`  ${printableFileName(file.fileName)}: ${file.code}: ${describeReason(file.reason)}`);
  }
  return lines;
}
