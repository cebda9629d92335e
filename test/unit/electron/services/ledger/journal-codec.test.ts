import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { decodeJournal, encodeRecordLine, encodeRecords } from '../../../../../electron/services/ledger/journal-codec.js';
import { exposure, reveal } from './ledger-test-records.js';

const RECORDS: LedgerRecord[] = [
  exposure(1_700_000_000_000, 1_700_000_010_000),
  reveal(1_700_000_010_000, 'spotlight'),
  exposure(1_700_000_010_000, 1_700_000_012_500, { reveal: 'spotlight', blur: 'off', greyscale: false }),
  exposure(1_700_000_012_500, 1_700_000_020_000, { surface: 'grid', audio: true }),
  reveal(1_700_000_030_000),
];

const encoder = new TextEncoder();

/** Byte offsets where each line starts, plus the end of the file. */
function lineBoundaries(bytes: Uint8Array): number[] {
  const boundaries = [0];
  bytes.forEach((byte, index) => {
    if (byte === 0x0a) boundaries.push(index + 1);
  });
  return boundaries;
}

/** A journal line with a correct checksum over any text, as a damaged or foreign writer might leave. */
function checksummedLine(text: string): string {
  return `${crc32(encoder.encode(text)).toString(16).padStart(8, '0')} ${text}\n`;
}

describe('encodeRecordLine', () => {
  it('writes one line: the CRC-32 of the JSON as 8 hex digits, a space, the JSON, a newline', () => {
    const line = encodeRecordLine(RECORDS[0]!);
    expect(line).toMatch(/^[0-9a-f]{8} \{.*\}\n$/);
    const json = line.slice(9, -1);
    expect(JSON.parse(json)).toEqual(RECORDS[0]);
    expect(Number.parseInt(line.slice(0, 8), 16)).toBe(crc32(json));
  });

  it('pads small checksums to 8 digits so every line has the same shape', () => {
    const lines = Array.from({ length: 300 }, (_, index) => encodeRecordLine(reveal(index)));
    expect(lines.every((line) => line[8] === ' ')).toBe(true);
  });
});

describe('decodeJournal', () => {
  it('reads back exactly what was encoded', () => {
    expect(decodeJournal(encodeRecords(RECORDS))).toEqual({ records: RECORDS, tornTail: null, corruptLineNumbers: [], corruptLines: [] });
  });

  it('loads an empty file as no records and nothing wrong', () => {
    expect(decodeJournal(new Uint8Array(0))).toEqual({ records: [], tornTail: null, corruptLineNumbers: [], corruptLines: [] });
  });

  it('treats a file of NUL bytes (a power cut after the size grew) as one torn tail, not as corruption', () => {
    const decoded = decodeJournal(new Uint8Array(4096));
    expect(decoded.records).toEqual([]);
    expect(decoded.corruptLineNumbers).toEqual([]);
    expect(decoded.tornTail).toMatchObject({ offset: 0 });
    expect(decoded.tornTail?.bytes).toEqual(new Uint8Array(4096));
  });

  it('keeps every complete record when NUL bytes follow them', () => {
    const good = encodeRecords(RECORDS);
    const decoded = decodeJournal(new Uint8Array([...good, ...new Uint8Array(512)]));
    expect(decoded.records).toEqual(RECORDS);
    expect(decoded.tornTail?.offset).toBe(good.length);
  });

  it('recovers every complete line when the file is cut at any byte offset', () => {
    const bytes = encodeRecords(RECORDS);
    const boundaries = lineBoundaries(bytes);
    for (let offset = 0; offset <= bytes.length; offset += 1) {
      const decoded = decodeJournal(bytes.subarray(0, offset));
      const completeLines = boundaries.filter((boundary) => boundary > 0 && boundary <= offset).length;
      expect(decoded.records).toEqual(RECORDS.slice(0, completeLines));
      expect(decoded.corruptLineNumbers).toEqual([]);
      if (boundaries.includes(offset)) {
        expect(decoded.tornTail).toBeNull();
      } else {
        const lastBoundary = Math.max(...boundaries.filter((boundary) => boundary <= offset));
        expect(decoded.tornTail?.offset).toBe(lastBoundary);
        expect(decoded.tornTail?.bytes).toEqual(bytes.slice(lastBoundary, offset));
      }
    }
  });

  it('drops a complete-looking last record whose newline is missing (it was cut just before it)', () => {
    const bytes = encodeRecords(RECORDS);
    const decoded = decodeJournal(bytes.subarray(0, bytes.length - 1));
    expect(decoded.records).toEqual(RECORDS.slice(0, -1));
    expect(decoded.tornTail?.reason).toMatch(/no newline/);
  });

  it('calls a bad last line torn, but a bad line before it corruption, with its line number', () => {
    const lines = RECORDS.map(encodeRecordLine);
    const flipped = (line: string): string => line.replace('"v":1', '"v":2');
    const badLast = decodeJournal(encoder.encode([...lines.slice(0, -1), flipped(lines.at(-1)!)].join('')));
    expect(badLast.records).toEqual(RECORDS.slice(0, -1));
    expect(badLast.corruptLineNumbers).toEqual([]);
    expect(badLast.tornTail?.reason).toMatch(/line 5: checksum mismatch/);

    const badMiddle = decodeJournal(encoder.encode([lines[0], flipped(lines[1]!), ...lines.slice(2)].join('')));
    expect(badMiddle.records).toEqual([RECORDS[0], ...RECORDS.slice(2)]);
    expect(badMiddle.corruptLineNumbers).toEqual([2]);
    expect(badMiddle.corruptLines).toEqual([{ lineNumber: 2, reason: 'checksum mismatch' }]);
    expect(badMiddle.tornTail).toBeNull();
  });

  it('refuses lines whose checksum matches but whose content is not a ledger record', () => {
    const cases: [string, RegExp][] = [
      ['{"v":1,"type":"exposure"', /bad JSON/],
      [JSON.stringify({ ...RECORDS[0], endMs: 1 }), /not a ledger record/],
      [JSON.stringify({ ...RECORDS[0], itemId: 'secret-case-item' }), /not a ledger record/],
      ['null', /not a ledger record/],
    ];
    for (const [text, reason] of cases) {
      const decoded = decodeJournal(encoder.encode(checksummedLine(text) + encodeRecordLine(RECORDS[0]!)));
      expect(decoded.records).toEqual([RECORDS[0]]);
      expect(decoded.corruptLines).toEqual([{ lineNumber: 1, reason: expect.stringMatching(reason) }]);
    }
  });

  it('refuses lines that do not start with 8 lowercase hex digits and a space, and blank lines', () => {
    const good = encodeRecordLine(RECORDS[0]!);
    const variants = [good.toUpperCase(), good.slice(1), `${good.slice(0, 8)}\t${good.slice(9)}`, '\n', `x${good}`];
    for (const variant of variants) {
      expect(decodeJournal(encoder.encode(variant + good)).corruptLineNumbers).toEqual([1]);
    }
  });

  it('never throws and never invents a record, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoded = decodeJournal(bytes);
        expect(decoded.records).toEqual([]);
        if (decoded.tornTail) expect(decoded.tornTail.offset + decoded.tornTail.bytes.length).toBe(bytes.length);
      }),
    );
  });

  it('recovers every line left intact when one byte anywhere is changed', () => {
    const bytes = encodeRecords(RECORDS);
    const boundaries = lineBoundaries(bytes);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const damaged = bytes.slice();
        damaged[at] = (damaged[at]! + delta) % 256;
        const decoded = decodeJournal(damaged);
        // A line is intact if neither it nor the newline before it was touched.
        const intact = RECORDS.filter((_, line) => !(at >= (boundaries[line] ?? 0) - 1 && at < (boundaries[line + 1] ?? 0)));
        for (const record of intact) expect(decoded.records).toContainEqual(record);
        for (const record of decoded.records) expect(RECORDS).toContainEqual(record);
      }),
      { numRuns: 500 },
    );
  });
});
