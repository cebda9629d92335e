import type { Hex64Kind } from './hash-kind.js';
import type { HashSetScheme } from './hash-set-scheme.js';
import type { HashSetRefusal, HashSetSink } from './known-record.js';
import { createLineSplitter } from './line-splitter.js';
import { createListParser } from './list-parser.js';
import { createVicsParser, type ByteParser } from './vics-parser.js';

/** Bytes read before deciding what the file is; enough to pass a byte-order mark and leading blank lines. */
const SNIFF_BYTES = 4096;
const BOM = [0xef, 0xbb, 0xbf];
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export interface HashSetParserOptions {
  /** Only its extension is used: a `.json` file that is not JSON is refused rather than read as a list. */
  fileName: string;
  scheme: HashSetScheme;
  /** What a bare 64-digit value in a list or headerless CSV is (a header naming the column wins). */
  hex64: Hex64Kind;
  sink: HashSetSink;
  /** See VicsParserOptions; an in-memory set when absent (tests, small files). */
  claimMediaId?: (mediaId: string) => boolean;
}

type HashSetFormat = 'vics-json' | 'text';
export type HashSetParseOutcome =
  { ok: true; format: HashSetFormat; records: number; badRecords: number } | { ok: false; refusal: HashSetRefusal; badRecords: number };

export interface HashSetParser {
  write(bytes: Uint8Array): void;
  end(): HashSetParseOutcome;
}

function memoryClaims(): (mediaId: string) => boolean {
  const seen = new Set<string>();
  return (mediaId) => !seen.has(mediaId) && seen.add(mediaId) !== undefined;
}

/**
 * Reads a hash set fed chunk by chunk, whatever the chunk borders, in bounded memory:
 * VICS JSON or a text list/CSV, decided from the first bytes (a UTF-8 byte-order mark is
 * skipped). Records go to the sink as they are read. A file with no good record at all
 * is refused whole, with the most telling reason.
 */
export function createHashSetParser(options: HashSetParserOptions): HashSetParser {
  let records = 0;
  let badRecords = 0;
  let cutOff = false;
  let invalidJson = false;
  const sink: HashSetSink = {
    record(record) {
      records += 1;
      options.sink.record(record);
    },
    bad(bad) {
      badRecords += 1;
      if (bad.reason === 'json-cut-off') cutOff = true;
      if (bad.reason === 'json-invalid') invalidJson = true;
      options.sink.bad(bad);
    },
  };
  let head: number[] = [];
  let inner: ByteParser | { refusal: HashSetRefusal } | null = null;
  let format: HashSetFormat = 'text';

  const decide = () => {
    let start = BOM.every((byte, i) => head[i] === byte) ? BOM.length : 0;
    const body = Uint8Array.from(head.slice(start));
    while (start < head.length && WHITESPACE.has(head[start] ?? 0)) start += 1;
    const first = head[start];
    if (first === 0x7b || first === 0x5b) {
      format = 'vics-json';
      inner = createVicsParser({ scheme: options.scheme, sink, claimMediaId: options.claimMediaId ?? memoryClaims() });
    } else if (/\.json$/i.test(options.fileName) && first !== undefined) {
      inner = { refusal: 'not-json' };
    } else if (body.includes(0) || first === 0xff || first === 0xfe) {
      inner = { refusal: 'not-text' };
    } else {
      inner = textParser(options, sink);
    }
    head = [];
    if ('write' in inner) inner.write(body);
  };

  return {
    write(bytes) {
      if (inner === null) {
        for (const byte of bytes) head.push(byte);
        if (head.length >= SNIFF_BYTES) decide();
      } else if ('write' in inner) inner.write(bytes);
    },
    end() {
      if (inner === null) decide();
      if (inner !== null && 'refusal' in inner) return { ok: false, refusal: inner.refusal, badRecords: 0 };
      inner?.end();
      if (records > 0) return { ok: true, format, records, badRecords };
      const refusal: HashSetRefusal = invalidJson
        ? 'not-json'
        : cutOff
          ? 'json-cut-off'
          : badRecords > 0
            ? 'no-good-records'
            : format === 'text'
              ? 'empty-file'
              : 'not-a-hash-set';
      return { ok: false, refusal, badRecords };
    },
  };
}

function textParser(options: HashSetParserOptions, sink: HashSetSink): ByteParser {
  const list = createListParser({ scheme: options.scheme, hex64: options.hex64, sink });
  const lines = createLineSplitter(
    (line, lineNo) => list.line(line, lineNo),
    (lineNo) => sink.bad({ place: lineNo, placeKind: 'line', reason: 'line-too-long' }),
  );
  // Not fatal: a stray byte spoils only its line, which then fails the hex check with its line number.
  const decoder = new TextDecoder('utf-8');
  return {
    write: (bytes) => lines.write(decoder.decode(bytes, { stream: true })),
    end: () => {
      lines.write(decoder.decode());
      lines.end();
    },
  };
}
