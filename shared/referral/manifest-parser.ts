import { createLineSplitter } from '../known/line-splitter.js';
import { createCsvManifestParser } from './manifest-csv.js';
import { createJsonManifestParser, type JsonManifestParser } from './manifest-json.js';
import type { ManifestBadRow, ManifestColumns, ManifestRefusal, ManifestSink, ReferralEntry } from './referral-entry.js';

const BOM = [0xef, 0xbb, 0xbf];
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** Bytes held before deciding CSV or JSON: enough to pass a byte-order mark and leading blank lines. */
const SNIFF_BYTES = 4096;

export type ManifestFormat = 'csv' | 'json';
export type ManifestParseOutcome =
  { ok: true; format: ManifestFormat; entries: number; badRows: number; columns: ManifestColumns } | { ok: false; refusal: ManifestRefusal };

export interface ManifestParser {
  write(bytes: Uint8Array): void;
  end(): ManifestParseOutcome;
}

/** A JSON manifest names its columns per file; these say which referral keys appeared at all. */
function jsonColumns(): { columns: ManifestColumns; see(entry: ReferralEntry): void } {
  const columns: ManifestColumns = { providerViewed: false, publiclyAvailable: false, classification: false, annotations: false, extra: [] };
  const extra = new Set<string>();
  return {
    columns,
    see(entry) {
      columns.providerViewed ||= entry.providerViewed !== null;
      columns.publiclyAvailable ||= entry.publiclyAvailable !== null;
      columns.classification ||= entry.classification !== null;
      columns.annotations ||= entry.annotations.length > 0;
      for (const cell of entry.extra)
        if (!extra.has(cell.name) && extra.size < 50) {
          extra.add(cell.name);
          columns.extra.push(cell.name);
        }
    },
  };
}

/**
 * Reads a referral manifest fed chunk by chunk, whatever the chunk borders, in bounded
 * memory: JSON when its first character is `{` or `[`, else CSV (a UTF-8 byte-order mark
 * is skipped). Files go to the sink as they are read. A manifest with no good row at all,
 * or without the columns a manifest needs, is refused whole with the reason.
 */
export function createManifestParser(sink: ManifestSink): ManifestParser {
  let entries = 0;
  let badRows = 0;
  const seen = jsonColumns();
  const counting: ManifestSink = {
    entry(entry, placeKind) {
      entries += 1;
      seen.see(entry);
      sink.entry(entry, placeKind);
    },
    bad(bad: ManifestBadRow) {
      badRows += 1;
      sink.bad(bad);
    },
  };
  let head: number[] = [];
  let inner:
    | { kind: 'csv'; parser: ReturnType<typeof createCsvManifestParser>; feed: (bytes: Uint8Array | null) => void }
    | { kind: 'json'; parser: JsonManifestParser }
    | { kind: 'refused'; refusal: ManifestRefusal }
    | null = null;

  const decide = () => {
    const skip = BOM.every((byte, i) => head[i] === byte) ? BOM.length : 0;
    const body = Uint8Array.from(head.slice(skip));
    head = [];
    let start = 0;
    while (start < body.length && WHITESPACE.has(body[start] ?? 0)) start += 1;
    const first = body[start];
    if (first === undefined) inner = { kind: 'refused', refusal: { kind: 'empty' } };
    else if (first === 0x7b || first === 0x5b) {
      const namesFiles = /"files"\s*:/.test(new TextDecoder().decode(body));
      inner = { kind: 'json', parser: createJsonManifestParser(counting, first === 0x5b, namesFiles) };
      inner.parser.write(body);
    } else if (body.includes(0) || first === 0xff || first === 0xfe) inner = { kind: 'refused', refusal: { kind: 'not-text' } };
    else {
      const parser = createCsvManifestParser(counting);
      const lines = createLineSplitter(
        (line, lineNo) => parser.line(line, lineNo),
        (lineNo) => counting.bad({ place: lineNo, placeKind: 'line', reason: 'line-too-long' }),
      );
      // Not fatal: a stray byte spoils only its line's cell, which then fails its own check.
      const decoder = new TextDecoder('utf-8');
      const feed = (bytes: Uint8Array | null) => {
        if (bytes === null) {
          lines.write(decoder.decode());
          lines.end();
        } else lines.write(decoder.decode(bytes, { stream: true }));
      };
      inner = { kind: 'csv', parser, feed };
      feed(body);
    }
  };

  return {
    write(bytes) {
      if (inner === null) {
        for (const byte of bytes) head.push(byte);
        if (head.length >= SNIFF_BYTES) decide();
      } else if (inner.kind === 'csv') inner.feed(bytes);
      else if (inner.kind === 'json') inner.parser.write(bytes);
    },
    end() {
      if (inner === null) decide();
      const done = inner;
      if (done === null || done.kind === 'refused') return { ok: false, refusal: done?.refusal ?? { kind: 'empty' } };
      if (done.kind === 'csv') {
        done.feed(null);
        const refusal = done.parser.refusal();
        if (refusal !== null) return { ok: false, refusal };
      } else {
        done.parser.end();
        if (entries === 0 && done.parser.failedAt() === 'invalid') return { ok: false, refusal: { kind: 'not-json' } };
        if (entries === 0 && done.parser.failedAt() === 'cut-off') return { ok: false, refusal: { kind: 'json-cut-off' } };
        if (!done.parser.sawFiles()) return { ok: false, refusal: { kind: 'missing-columns', missing: 'file-column' } };
      }
      if (entries === 0) return { ok: false, refusal: badRows > 0 ? { kind: 'no-good-rows', badRows } : { kind: 'empty' } };
      const columns = done.kind === 'csv' ? (done.parser.columns() ?? seen.columns) : seen.columns;
      if (!columns.classification && !columns.providerViewed && !columns.publiclyAvailable && !columns.annotations)
        return { ok: false, refusal: { kind: 'missing-columns', missing: 'referral-columns' } };
      return { ok: true, format: done.kind, entries, badRows, columns };
    },
  };
}
