import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../shared/notices.js';
import { createFileDurably, fileStamp, isNotFound, keepAside, replaceFileAtomically } from '../platform/durable-write.js';
import { decodeJournal, encodeRecords, type DecodedJournal } from './journal-codec.js';
import { corruptFileName, dayFileName, tornFileName } from './ledger-files.js';

/**
 * A day file is a few hundred kilobytes at most (a record every few seconds for a whole
 * day is under 5 MB). Anything far larger is not a file Veil wrote; it is kept aside
 * unread rather than loaded into memory.
 */
export const MAX_DAY_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadedDayFile {
  /** Every complete record of the day, in file order. */
  records: LedgerRecord[];
  /** What was repaired, for the user to be told. */
  notices: Notice[];
}

function describeCorruption(fileName: string, decoded: DecodedJournal): string {
  const lines = decoded.corruptLines.slice(0, 5).map((line) => `line ${line.lineNumber}: ${line.reason}`);
  const more = decoded.corruptLines.length > 5 ? `; ${decoded.corruptLines.length - 5} more damaged lines` : '';
  const torn = decoded.tornTail ? `; last ${decoded.tornTail.reason}` : '';
  return `${fileName}: ${lines.join('; ')}${more}${torn}; ${decoded.records.length} complete records kept`;
}

/**
 * The file's bytes, null if there is no file, or its size if it is too large to read.
 * One open, fstat, read and close: four trips to the thread pool, where stat + readFile take six.
 */
async function readWhole(filePath: string): Promise<Uint8Array | number | null> {
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_DAY_FILE_BYTES) return size;
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file that shrank meanwhile is read as far as it goes; the decoder copes with any length.
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

async function truncateDurably(filePath: string, lengthBytes: number): Promise<void> {
  const handle = await open(filePath, 'r+');
  try {
    await handle.truncate(lengthBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function keepOversizedAside(dirPath: string, dayKey: string, sizeBytes: number, nowMs: number): Promise<LoadedDayFile> {
  const name = dayFileName(dayKey);
  const keptAs = await keepAside(dirPath, name, (stamp) => corruptFileName(dayKey, stamp), fileStamp(nowMs));
  await replaceFileAtomically(dirPath, name, fileStamp(nowMs), new Uint8Array(0));
  const detail = `${name}: ${sizeBytes} bytes, far more than a day of records; not read`;
  return { records: [], notices: [{ code: 'ledger-file-kept-aside', detail, keptAs }] };
}

/**
 * Reads a day file and repairs it in place so appends can continue cleanly:
 * - a torn last line (a crash mid-append) is copied to `<day>.jsonl.torn-<time>`, then the
 *   file is cut back to its last complete record: notice 'ledger-torn-record-dropped';
 * - a bad line anywhere else makes the file corrupt: it is kept aside byte for byte as
 *   `<day>.corrupt-<time>.jsonl` (never deleted) and replaced, atomically, by a fresh file
 *   holding its valid records: notice 'ledger-file-kept-aside'.
 * A missing, empty or all-NUL file loads too; no complete record is ever dropped.
 * `nowMs` (epoch ms) only stamps side-file names.
 */
export async function loadDayFile(dirPath: string, dayKey: string, nowMs: number): Promise<LoadedDayFile> {
  const name = dayFileName(dayKey);
  const filePath = join(dirPath, name);
  const bytes = await readWhole(filePath);
  if (bytes === null) return { records: [], notices: [] };
  if (typeof bytes === 'number') return keepOversizedAside(dirPath, dayKey, bytes, nowMs);
  const decoded = decodeJournal(bytes);
  if (decoded.corruptLines.length > 0) {
    const stamp = fileStamp(nowMs);
    // Keep the original first: if the rewrite then fails, nothing has been lost.
    const keptAs = await keepAside(dirPath, name, (unique) => corruptFileName(dayKey, unique), stamp);
    await replaceFileAtomically(dirPath, name, stamp, encodeRecords(decoded.records));
    return { records: decoded.records, notices: [{ code: 'ledger-file-kept-aside', detail: describeCorruption(name, decoded), keptAs }] };
  }
  if (decoded.tornTail !== null) {
    const { tornTail } = decoded;
    // The dropped bytes are saved before the cut, so even a wrongly dropped line survives.
    const keptAs = await createFileDurably(dirPath, (stamp) => tornFileName(dayKey, stamp), fileStamp(nowMs), tornTail.bytes);
    await truncateDurably(filePath, tornTail.offset);
    const detail = `${name} ${tornTail.reason}; ${tornTail.bytes.length} bytes dropped, ${decoded.records.length} complete records kept`;
    return { records: decoded.records, notices: [{ code: 'ledger-torn-record-dropped', detail, keptAs }] };
  }
  return { records: decoded.records, notices: [] };
}
