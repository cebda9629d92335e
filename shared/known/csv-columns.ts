import type { HashKind } from './hash-kind.js';

/** Which cells of a CSV row hold what, from its header or by the headerless convention. */
export interface CsvColumns {
  hashes: ReadonlyArray<{ index: number; kind: HashKind | 'any' }>;
  category: number | null;
  quality: number | null;
}

const HASH_HEADERS: Readonly<Record<string, HashKind | 'any'>> = {
  md5: 'md5',
  sha1: 'sha1',
  'sha-1': 'sha1',
  sha256: 'sha256',
  'sha-256': 'sha256',
  pdq: 'pdq',
  'pdq hash': 'pdq',
  hash: 'any',
};
const CATEGORY_HEADERS = new Set(['category', 'cat', 'grade', 'class']);
const QUALITY_HEADERS = new Set(['quality', 'pdq quality', 'pdq_quality', 'pdqquality']);

/**
 * Splits one CSV line into cells: `,`, `;` or tab as the file's delimiter, double quotes
 * around a cell (with `""` inside) as spreadsheets write them. Hash CSVs never hold a
 * line break inside a cell, so a line is a row.
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** The delimiter of a CSV line, or null for a plain list line (one value, maybe followed by a file name). */
export function csvDelimiter(line: string): string | null {
  for (const delimiter of [',', ';', '\t']) if (line.includes(delimiter)) return delimiter;
  return null;
}

/**
 * Reads a header row: a row is a header when one of its cells names a hash column
 * (`md5`, `sha1`, `sha256`, `pdq`, `hash`…). A 64-digit column named `pdq` or `sha256` is
 * how a CSV says which kind its long hashes are.
 */
export function headerColumns(cells: readonly string[]): CsvColumns | null {
  const names = cells.map((cell) => cell.toLowerCase().replace(/\s+/g, ' '));
  const hashes = names.flatMap((name, index) => (Object.hasOwn(HASH_HEADERS, name) ? [{ index, kind: HASH_HEADERS[name] ?? 'any' }] : []));
  if (hashes.length === 0) return null;
  const category = names.findIndex((name) => CATEGORY_HEADERS.has(name));
  const quality = names.findIndex((name) => QUALITY_HEADERS.has(name));
  return { hashes, category: category === -1 ? null : category, quality: quality === -1 ? null : quality };
}

/** A CSV with no header: the hash in the first cell, the category in the second when there is one. */
export const HEADERLESS_COLUMNS: CsvColumns = { hashes: [{ index: 0, kind: 'any' }], category: 1, quality: null };
