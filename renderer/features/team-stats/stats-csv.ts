import { csvField as safeCsvField, UTF8_BOM } from '../../../shared/csv/csv-field.js';
import type { StatsRow, StatsTable } from './stats-table-model';

/**
 * One CSV field (RFC 4180): non-breaking spaces become plain spaces, a formula-looking
 * start is defused with a leading apostrophe, and a field holding a quote, a comma or a
 * line break is quoted with its quotes doubled.
 */
export function csvField(text: string): string {
  return safeCsvField(text.replace(/[\u00a0\u202f]/g, ' '));
}

/** Rows as CSV text: UTF-8 byte-order mark, comma-separated fields, CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${UTF8_BOM}${rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`;
}

/** A cell's text with its small print, on one line: "12 h (over 4 weeks)". */
function withNote(text: string, note: string | undefined): string {
  return note ? `${text} (${note})` : text;
}

function rowFields(row: StatsRow): string[] {
  return [withNote(row.header, row.headerNote), ...row.cells.map((cell) => withNote(cell.text, cell.note))];
}

/**
 * Exactly the table on screen as CSV: the same columns, the week rows, then the range
 * row. A hidden cell is its words ("Hidden — small count"), never a number.
 */
export function statsTableCsv(table: StatsTable): string {
  return toCsv([table.columns, ...table.weekRows.map(rowFields), ...(table.rangeRow ? [rowFields(table.rangeRow)] : [])]);
}

/** `veil-team-stats-<from>-<to>.csv`, named by the range's first and last ISO weeks. */
export function statsCsvFileName(fromWeek: string, toWeek: string): string {
  return `veil-team-stats-${fromWeek}-${toWeek}.csv`;
}
