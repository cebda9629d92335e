import { JSONParser } from '@streamparser/json';
import type { HashSetScheme } from './hash-set-scheme.js';
import type { HashSetSink } from './known-record.js';
import { checkVicsMedia } from './vics-media.js';

/** Bytes looked at before choosing the layout: a Cases file names its Media array well within this. */
const LAYOUT_SNIFF_BYTES = 1024 * 1024;
const CASES_MEDIA = /"Media"\s*:\s*\[/;

export interface VicsParserOptions {
  scheme: HashSetScheme;
  sink: HashSetSink;
  /** False when the MediaID was seen before in this file. The store keeps these on disk, so 5 million ids cost no memory. */
  claimMediaId: (mediaId: string) => boolean;
}

export interface ByteParser {
  write(bytes: Uint8Array): void;
  end(): void;
}

/**
 * VICS 1.x and 2.0 JSON, incrementally: the Cases form (`value[].Media[]`), the flat Media
 * form (`value[]` of Media, as 2.0 writes with `#Media`), `{ "Media": [] }` and a bare array.
 * The streaming parser keeps only the Media object being read, so memory does not grow with
 * the file. A syntax error or a cut-off end stops reading there: what came before imports and
 * the stop is listed as a bad record at its byte offset.
 */
export function createVicsParser({ scheme, sink, claimMediaId }: VicsParserOptions): ByteParser {
  let parser: JSONParser | null = null;
  let sniffed: Uint8Array[] = [];
  let sniffedBytes = 0;
  let bytesFed = 0;
  let place = 0;
  let failed = false;

  const start = () => {
    const head = new TextDecoder().decode(concat(sniffed, Math.min(sniffedBytes, LAYOUT_SNIFF_BYTES)));
    const root = head.trimStart().startsWith('[') ? 'array' : 'object';
    const paths = root === 'array' ? ['$.*'] : CASES_MEDIA.test(head) ? ['$.value.*.Media.*', '$.Media.*'] : ['$.value.*', '$.Media.*'];
    const created = new JSONParser({ paths, keepStack: false });
    created.onValue = ({ value }) => {
      place += 1;
      const checked = checkVicsMedia(value, place, scheme);
      if (!checked.ok) return sink.bad({ place, placeKind: 'record', reason: checked.reason });
      if (checked.record.mediaId !== null && !claimMediaId(checked.record.mediaId))
        return sink.bad({ place, placeKind: 'record', reason: 'media-id-duplicate' });
      sink.record(checked.record);
    };
    created.onError = (error) => {
      if (failed) return;
      failed = true;
      const position = /absolute position "(\d+)"/.exec(error.message)?.[1];
      sink.bad({ place: position === undefined ? bytesFed : Number(position), placeKind: 'byte', reason: ending ? 'json-cut-off' : 'json-invalid' });
    };
    parser = created;
    const chunks = sniffed;
    sniffed = [];
    for (const chunk of chunks) feed(chunk);
  };

  let ending = false;
  const feed = (bytes: Uint8Array) => {
    if (failed || parser === null) return;
    bytesFed += bytes.length;
    parser.write(bytes);
  };

  return {
    write(bytes) {
      if (parser !== null) return feed(bytes);
      sniffed.push(bytes);
      sniffedBytes += bytes.length;
      if (sniffedBytes >= LAYOUT_SNIFF_BYTES) start();
    },
    end() {
      if (parser === null) start();
      ending = true;
      if (!failed && parser !== null && !parser.isEnded) parser.end();
    },
  };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= length) break;
    const part = chunk.subarray(0, length - offset);
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
