import { csvDelimiter, splitCsvLine } from '../known/csv-columns.js';
import { emptyReading, type ManifestBadRowReason, type ManifestColumns, type ManifestRefusal, type ManifestSink } from './referral-entry.js';
import {
  annotationWords,
  MAX_EXTRA_CHARS,
  readAnnotationWords,
  readClassification,
  readDigest,
  readRelativePath,
  readYesNo,
  type DigestKind,
  type FieldCheck,
} from './referral-fields.js';

type Known = 'path' | DigestKind | 'classification' | 'providerViewed' | 'publiclyAvailable' | 'annotations';

/** Header names, lower case with spaces, underscores and hyphens removed. */
const HEADERS: Readonly<Record<string, Known>> = {
  path: 'path',
  relativepath: 'path',
  relativefilepath: 'path',
  filepath: 'path',
  file: 'path',
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  classification: 'classification',
  industryclassification: 'classification',
  industryclass: 'classification',
  providerviewed: 'providerViewed',
  viewedbyprovider: 'providerViewed',
  viewed: 'providerViewed',
  publiclyavailable: 'publiclyAvailable',
  public: 'publiclyAvailable',
  annotations: 'annotations',
  annotation: 'annotations',
};

interface Layout {
  delimiter: string;
  width: number;
  known: Partial<Record<Known, number>>;
  extra: Array<{ name: string; index: number }>;
}

export interface CsvManifestParser {
  line(text: string, lineNo: number): void;
  /** Null once the header was read and had what a manifest needs. */
  refusal(): ManifestRefusal | null;
  columns(): ManifestColumns | null;
}

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

function readHeader(line: string): Layout | ManifestRefusal {
  const delimiter = csvDelimiter(line);
  if (delimiter === null) return { kind: 'missing-columns', missing: 'referral-columns' };
  const cells = splitCsvLine(line, delimiter);
  const known: Partial<Record<Known, number>> = {};
  const extra: Layout['extra'] = [];
  cells.forEach((cell, index) => {
    const field = HEADERS[squash(cell)];
    if (field !== undefined && known[field] === undefined) known[field] = index;
    else extra.push({ name: cell, index });
  });
  if (known.path === undefined && known.md5 === undefined && known.sha1 === undefined && known.sha256 === undefined)
    return { kind: 'missing-columns', missing: 'file-column' };
  if (known.classification === undefined && known.providerViewed === undefined && known.publiclyAvailable === undefined && known.annotations === undefined)
    return { kind: 'missing-columns', missing: 'referral-columns' };
  return { delimiter, width: cells.length, known, extra };
}

/**
 * A CSV manifest, line by line: the first line with content is the header (column names in
 * any order and case; see docs/referral-manifest.md), every later line a row. Blank lines and
 * `#` comments are skipped. A row with a bad cell is listed with its line and reason and left
 * out; the others load.
 */
export function createCsvManifestParser(sink: ManifestSink): CsvManifestParser {
  let layout: Layout | null = null;
  let refused: ManifestRefusal | null = null;

  const row = (cells: readonly string[], lineNo: number, at: Layout) => {
    const fail = (reason: ManifestBadRowReason, column?: string) => sink.bad({ place: lineNo, placeKind: 'line', reason, ...(column ? { column } : {}) });
    if (cells.length !== at.width) return fail('wrong-column-count');
    const cell = (field: Known) => {
      const index = at.known[field];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const entry = emptyReading(
      lineNo,
      at.extra.map(({ name, index }) => ({ name, value: (cells[index] ?? '').slice(0, MAX_EXTRA_CHARS) })),
    );
    const take = <T>(field: Known, check: (text: string) => FieldCheck<T>, put: (value: T) => void): boolean => {
      const text = cell(field);
      if (text.trim() === '') return true;
      const checked = check(text);
      if (!checked.ok) {
        fail(checked.reason, field);
        return false;
      }
      put(checked.value);
      return true;
    };
    const good =
      take('path', readRelativePath, (value) => (entry.path = value)) &&
      take(
        'md5',
        (text) => readDigest('md5', text),
        (value) => (entry.md5 = value),
      ) &&
      take(
        'sha1',
        (text) => readDigest('sha1', text),
        (value) => (entry.sha1 = value),
      ) &&
      take(
        'sha256',
        (text) => readDigest('sha256', text),
        (value) => (entry.sha256 = value),
      ) &&
      take('classification', readClassification, (value) => (entry.classification = value)) &&
      take('providerViewed', readYesNo, (value) => (entry.providerViewed = value)) &&
      take('publiclyAvailable', readYesNo, (value) => (entry.publiclyAvailable = value)) &&
      take(
        'annotations',
        (text) => readAnnotationWords(annotationWords(text)),
        (value) => (entry.annotations = value),
      );
    if (!good) return;
    if (entry.path === null && entry.md5 === null && entry.sha1 === null && entry.sha256 === null) return fail('no-file-named');
    sink.entry(entry, 'line');
  };

  return {
    line(raw, lineNo) {
      if (refused !== null) return;
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      if (layout === null) {
        const header = readHeader(text);
        if ('kind' in header) refused = header;
        else layout = header;
        return;
      }
      row(splitCsvLine(text, layout.delimiter), lineNo, layout);
    },
    refusal: () => refused ?? (layout === null ? { kind: 'empty' } : null),
    columns: () =>
      layout === null
        ? null
        : {
            providerViewed: layout.known.providerViewed !== undefined,
            publiclyAvailable: layout.known.publiclyAvailable !== undefined,
            classification: layout.known.classification !== undefined,
            annotations: layout.known.annotations !== undefined,
            extra: layout.extra.map((column) => column.name),
          },
  };
}
