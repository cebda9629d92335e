import { csvField, UTF8_BOM } from '../csv/csv-field.js';
import type { CaseScheme } from './category-scheme.js';
import type { ExportRow } from './export-rows.js';
import { vicsMedia } from './export-vics.js';

/** The header row: the VICS field names, so a column means the same thing in both exports. */
const COLUMNS = ['MediaID', 'Category', 'MD5', 'SHA1', 'MediaSize', 'RelativeFilePath', 'IsPrecategorized', 'PrecategorizationSource'] as const;

/** One cell: text through the shared CSV field rule (formula guard, RFC 4180 quoting), numbers and booleans as written. */
export function csvCell(value: string | number | boolean): string {
  return typeof value === 'string' ? csvField(value) : String(value);
}

/**
 * The CSV's text in pieces: a UTF-8 byte-order mark (without it Excel reads "é" in a path as
 * two wrong letters), the header, then one line per record, CRLF line ends as RFC 4180 has them.
 */
export function* csvChunks(rows: readonly ExportRow[], scheme: CaseScheme, includeNotes: boolean, rowsPerChunk = 2000): Generator<string> {
  const header: string[] = [...COLUMNS];
  if (includeNotes) header.push('Comments');
  yield `${UTF8_BOM}${header.join(',')}\r\n`;
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    const lines: string[] = [];
    const end = Math.min(rows.length, start + rowsPerChunk);
    for (let index = start; index < end; index += 1) {
      const row = rows[index];
      if (!row) continue;
      const media = vicsMedia(row, index + 1, scheme);
      const cells = COLUMNS.map((column) => csvCell(media[column] ?? ''));
      if (includeNotes) cells.push(csvCell(media.Comments ?? ''));
      lines.push(`${cells.join(',')}\r\n`);
    }
    yield lines.join('');
  }
}
