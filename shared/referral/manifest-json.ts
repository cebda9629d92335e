import { JSONParser } from '@streamparser/json';
import type { ManifestSink } from './referral-entry.js';
import { checkJsonRecord } from './manifest-json-record.js';

export interface JsonManifestParser {
  write(bytes: Uint8Array): void;
  end(): void;
  /** Whether the JSON's top level looked like a manifest at all (an array, or an object with `files`). */
  sawFiles(): boolean;
  failedAt(): 'invalid' | 'cut-off' | null;
}

/**
 * A JSON manifest, incrementally: `{ "files": [ … ] }` or a bare array of files. The
 * streaming parser keeps only the file object being read, so memory does not grow with the
 * manifest. A syntax error or a cut-off end stops reading there: the files before it load
 * and the stop is listed at its byte offset.
 */
export function createJsonManifestParser(sink: ManifestSink, rootIsArray: boolean, namesFiles: boolean): JsonManifestParser {
  let place = 0;
  let bytesFed = 0;
  let failed: 'invalid' | 'cut-off' | null = null;
  let ending = false;
  const parser = new JSONParser({ paths: rootIsArray ? ['$.*'] : ['$.files.*'], keepStack: false });
  parser.onValue = ({ value }) => {
    place += 1;
    const checked = checkJsonRecord(value, place);
    if (checked.ok) sink.entry(checked.entry, 'record');
    else sink.bad({ place, placeKind: 'record', reason: checked.reason, ...(checked.column ? { column: checked.column } : {}) });
  };
  parser.onError = (error) => {
    if (failed !== null) return;
    failed = ending ? 'cut-off' : 'invalid';
    const position = /absolute position "(\d+)"/.exec(error.message)?.[1];
    sink.bad({ place: position === undefined ? bytesFed : Number(position), placeKind: 'byte', reason: ending ? 'json-cut-off' : 'json-invalid' });
  };
  return {
    write(bytes) {
      if (failed !== null) return;
      bytesFed += bytes.length;
      parser.write(bytes);
    },
    end() {
      ending = true;
      if (failed === null && !parser.isEnded) parser.end();
    },
    sawFiles: () => rootIsArray || namesFiles || place > 0,
    failedAt: () => failed,
  };
}
