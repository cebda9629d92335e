import { crc32 } from 'node:zlib';
import { parseLedgerRecord, type LedgerRecord } from '../../../shared/exposure/ledger-record.js';

/**
 * The day journal's line format: `<crc32 of the JSON, 8 lowercase hex digits> <JSON>\n`.
 * A checksum per line lets a reader tell a complete record from a torn or damaged one
 * without trusting the file's length, and JSON Lines stays readable with any text tool.
 * Everything here is pure over bytes, so it can be tested at every byte offset.
 */
const NEWLINE = 0x0a;
const SPACE = 0x20;
const CRC_HEX_DIGITS = 8;
const utf8Encoder = new TextEncoder();

/** The last line of a journal, dropped because it is incomplete or unreadable. */
interface TornTail {
  /** Byte offset where the torn line starts: the journal's length once it is cut off. */
  offset: number;
  /** The dropped bytes, exactly as found (kept in a side file before truncating). */
  bytes: Uint8Array;
  /** Why the line was not accepted, for the notice's small print. */
  reason: string;
}

interface DamagedLine {
  /** 1-based line number in the file. */
  lineNumber: number;
  reason: string;
}

export interface DecodedJournal {
  /** Every line that decoded, checked and validated, in file order. */
  records: LedgerRecord[];
  /** A bad last line (what a crash mid-append leaves), or null. */
  tornTail: TornTail | null;
  /** 1-based numbers of bad lines before the last one: the file is corrupt if any. */
  corruptLineNumbers: number[];
  /** The same bad lines with the reason each was refused. */
  corruptLines: DamagedLine[];
}

/** Encodes one record as a complete journal line, newline included. */
export function encodeRecordLine(record: LedgerRecord): string {
  const json = JSON.stringify(record);
  const checksum = crc32(utf8Encoder.encode(json)).toString(16).padStart(CRC_HEX_DIGITS, '0');
  return `${checksum} ${json}\n`;
}

/** Encodes records as the bytes appended to a journal in one write. */
export function encodeRecords(records: readonly LedgerRecord[]): Uint8Array {
  return utf8Encoder.encode(records.map(encodeRecordLine).join(''));
}

type LineResult = { ok: true; record: LedgerRecord } | { ok: false; reason: string };

/** The value of an ASCII lowercase hex digit, or -1. */
function hexDigitValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/**
 * Checks one line, bytes [start, end) of `bytes` without its newline: shape, checksum,
 * JSON, then the record schema. `text` is the same bytes decoded one byte per character
 * (latin1), so string and byte offsets agree: every valid record is ASCII (its keys and
 * values are numbers, booleans and ASCII enum words), so a line holding any other byte
 * fails the schema whichever way it is decoded, and the file is decoded once, not per line.
 */
function decodeLineAt(bytes: Uint8Array, text: string, start: number, end: number): LineResult {
  if (end - start < CRC_HEX_DIGITS + 2 || bytes[start + CRC_HEX_DIGITS] !== SPACE) return { ok: false, reason: 'not a checksummed line' };
  let expected = 0;
  for (let at = start; at < start + CRC_HEX_DIGITS; at += 1) {
    const digit = hexDigitValue(bytes[at] ?? 0);
    if (digit < 0) return { ok: false, reason: 'not a checksummed line' };
    expected = expected * 16 + digit;
  }
  const jsonStart = start + CRC_HEX_DIGITS + 1;
  if (crc32(bytes.subarray(jsonStart, end)) !== expected) return { ok: false, reason: 'checksum mismatch' };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(jsonStart, end));
  } catch (error) {
    return { ok: false, reason: `bad JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseLedgerRecord(value);
  if (!parsed.success) return { ok: false, reason: `not a ledger record: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, record: parsed.data };
}

/**
 * Decodes a whole journal file. The last line is torn if it has no newline or does not
 * check out (a crash mid-append leaves exactly that); a bad line anywhere before it means
 * the file is corrupt. Never throws, whatever the bytes: empty, NUL-filled or random.
 */
export function decodeJournal(bytes: Uint8Array): DecodedJournal {
  const records: LedgerRecord[] = [];
  const corruptLines: DamagedLine[] = [];
  let tornTail: TornTail | null = null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let lineStart = 0;
  let lineNumber = 0;
  while (lineStart < bytes.length) {
    lineNumber += 1;
    const newlineAt = bytes.indexOf(NEWLINE, lineStart);
    const lineEnd = newlineAt < 0 ? bytes.length : newlineAt;
    const nextStart = newlineAt < 0 ? bytes.length : newlineAt + 1;
    const isLast = nextStart >= bytes.length;
    const result: LineResult =
      newlineAt < 0 ? { ok: false, reason: 'no newline at the end (cut off mid-write)' } : decodeLineAt(bytes, text, lineStart, lineEnd);
    if (result.ok) {
      records.push(result.record);
    } else if (isLast) {
      tornTail = { offset: lineStart, bytes: bytes.slice(lineStart), reason: `line ${lineNumber}: ${result.reason}` };
    } else {
      corruptLines.push({ lineNumber, reason: result.reason });
    }
    lineStart = nextStart;
  }
  return { records, tornTail, corruptLineNumbers: corruptLines.map((line) => line.lineNumber), corruptLines };
}
