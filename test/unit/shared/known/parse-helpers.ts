import { createHashSetParser, type HashSetParseOutcome, type HashSetParserOptions } from '../../../../shared/known/hash-set-parser.js';
import type { BadRecord, KnownRecord } from '../../../../shared/known/known-record.js';

export interface Parsed {
  outcome: HashSetParseOutcome;
  records: KnownRecord[];
  bad: BadRecord[];
}

/** Parses `text` (or bytes) fed in chunks cut at the given byte offsets. */
export function parse(input: string | Uint8Array, options: Partial<Omit<HashSetParserOptions, 'sink'>> = {}, cuts: readonly number[] = []): Parsed {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const records: KnownRecord[] = [];
  const bad: BadRecord[] = [];
  const parser = createHashSetParser({
    fileName: 'set.txt',
    scheme: 'vic-us',
    hex64: 'sha256',
    ...options,
    sink: { record: (record) => records.push(record), bad: (entry) => bad.push(entry) },
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  parser.write(bytes.subarray(from));
  return { outcome: parser.end(), records, bad };
}

export const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
export const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
export const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
