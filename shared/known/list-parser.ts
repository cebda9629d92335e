import { checkCategory, type HashSetScheme } from './hash-set-scheme.js';
import { checkHash, kindByLength, HashKindSchema, type HashKind, type Hex64Kind } from './hash-kind.js';
import { csvDelimiter, HEADERLESS_COLUMNS, headerColumns, splitCsvLine, type CsvColumns } from './csv-columns.js';
import { emptyRecord, type BadRecordReason, type HashSetSink, type KnownRecord } from './known-record.js';

export interface ListParserOptions {
  scheme: HashSetScheme;
  hex64: Hex64Kind;
  sink: HashSetSink;
}

export interface ListParser {
  line(text: string, lineNo: number): void;
}

type Mode = { kind: 'undecided' } | { kind: 'list'; fixed: HashKind | null } | { kind: 'csv'; delimiter: string; columns: CsvColumns; width: number | null };

const MAX_QUALITY = 100;

/**
 * Plain lists (one hash per line, optionally followed by a file name as md5sum writes it,
 * optionally under a one-word header naming the kind: `md5`, `sha1`, `sha256` or `pdq`) and
 * CSV (a hash column and an optional category column, found by header names). The first
 * line with content decides which of the two the file is. Blank lines and `#` comments are
 * skipped.
 */
export function createListParser({ scheme, hex64, sink }: ListParserOptions): ListParser {
  let mode: Mode = { kind: 'undecided' };
  const bad = (lineNo: number, reason: BadRecordReason) => sink.bad({ place: lineNo, placeKind: 'line', reason });

  const put = (record: KnownRecord, kind: HashKind, hex: string) => {
    record[kind] = hex;
  };

  const listLine = (text: string, lineNo: number, fixed: HashKind | null) => {
    const token = text.split(/\s/, 1)[0] ?? '';
    const kind = fixed ?? kindByLength(token.length, hex64);
    if (kind === null) return bad(lineNo, 'hash-wrong-length');
    const checked = checkHash(kind, token);
    if (!checked.ok) return bad(lineNo, checked.reason);
    const record = emptyRecord(lineNo);
    put(record, kind, checked.hex);
    sink.record(record);
  };

  const csvRow = (cells: readonly string[], lineNo: number, columns: CsvColumns, width: number | null) => {
    if (width !== null && cells.length !== width) return bad(lineNo, 'csv-wrong-column-count');
    const record = emptyRecord(lineNo);
    let hashes = 0;
    for (const column of columns.hashes) {
      const cell = cells[column.index] ?? '';
      if (cell === '') continue;
      const kind = column.kind === 'any' ? kindByLength(cell.length, hex64) : column.kind;
      if (kind === null) return bad(lineNo, 'hash-wrong-length');
      const checked = checkHash(kind, cell);
      if (!checked.ok) return bad(lineNo, checked.reason);
      put(record, kind, checked.hex);
      hashes += 1;
    }
    if (hashes === 0) return bad(lineNo, 'no-hash');
    if (columns.category !== null) {
      const category = checkCategory(scheme, cells[columns.category], true);
      if (!category.ok) return bad(lineNo, category.reason);
      record.category = category.category;
    }
    if (columns.quality !== null && record.pdq !== null && (cells[columns.quality] ?? '') !== '') {
      const quality = Number(cells[columns.quality]);
      if (!Number.isInteger(quality) || quality < 0 || quality > MAX_QUALITY) return bad(lineNo, 'pdq-quality-invalid');
      record.pdqQuality = quality;
    }
    sink.record(record);
  };

  const decide = (text: string, lineNo: number) => {
    const delimiter = csvDelimiter(text);
    if (delimiter !== null) {
      const cells = splitCsvLine(text, delimiter);
      const header = headerColumns(cells);
      mode = { kind: 'csv', delimiter, columns: header ?? HEADERLESS_COLUMNS, width: header ? cells.length : null };
      if (!header) csvRow(cells, lineNo, HEADERLESS_COLUMNS, null);
      return;
    }
    const word = HashKindSchema.safeParse(text.toLowerCase().replace('-', ''));
    mode = { kind: 'list', fixed: word.success ? word.data : null };
    if (!word.success) listLine(text, lineNo, null);
  };

  return {
    line(raw, lineNo) {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      if (mode.kind === 'undecided') decide(text, lineNo);
      else if (mode.kind === 'list') listLine(text, lineNo, mode.fixed);
      else csvRow(splitCsvLine(text, mode.delimiter), lineNo, mode.columns, mode.width);
    },
  };
}
