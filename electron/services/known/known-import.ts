import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { Hex64Kind } from '../../../shared/known/hash-kind.js';
import type { HashSetScheme } from '../../../shared/known/hash-set-scheme.js';
import { createHashSetParser } from '../../../shared/known/hash-set-parser.js';
import { MAX_LISTED_BAD_RECORDS, type HashSetImportProgress } from '../../../shared/known/hash-set-contract.js';
import type { BadRecord, HashSetRefusal } from '../../../shared/known/known-record.js';
import type { Reason } from '../../../shared/reasons/reason.js';
import type { LibraryDb } from './known-library-db.js';
import { recordWriter } from './known-record-writer.js';

/** Largest hash set read: a 1 GB, 5-million-record set fits; a 2 GB file is refused before reading. */
const MAX_HASH_SET_BYTES = 1536 * 1024 * 1024;
/** Small reads keep each synchronous parse-and-insert step short, so the main side stays responsive. */
const READ_CHUNK_BYTES = 256 * 1024;

export interface ImportRequest {
  filePath: string;
  name: string;
  scheme: HashSetScheme;
  hex64Kind: Hex64Kind;
  importedAtMs: number;
  signal: AbortSignal;
  onProgress: (progress: HashSetImportProgress) => void;
}

export type ImportOutcome = { outcome: 'imported'; setId: number; badRecords: BadRecord[] } | { outcome: 'cancelled' };

const REFUSAL_REASONS: Readonly<Record<HashSetRefusal, (badRecords: number) => Reason>> = {
  'not-json': () => ({ code: 'hash-set-not-json', params: {} }),
  'json-cut-off': () => ({ code: 'hash-set-json-cut-off', params: {} }),
  'not-text': () => ({ code: 'hash-set-not-text', params: {} }),
  'not-a-hash-set': () => ({ code: 'hash-set-not-a-hash-set', params: {} }),
  'no-good-records': (badRecords) => ({ code: 'hash-set-no-good-records', params: { badRecords } }),
  'empty-file': () => ({ code: 'hash-set-empty', params: {} }),
  'csv-no-hash-column': () => ({ code: 'hash-set-not-a-hash-set', params: {} }),
};

function osCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN';
}

async function checkFile(filePath: string): Promise<number> {
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) throw VeilRequestError.because({ code: 'hash-set-not-a-file', params: { path: filePath } });
    if (stats.size > MAX_HASH_SET_BYTES)
      throw VeilRequestError.because({ code: 'hash-set-too-large', params: { sizeBytes: stats.size, limitBytes: MAX_HASH_SET_BYTES } });
    return stats.size;
  } catch (error) {
    if (error instanceof VeilRequestError) throw error;
    if (osCode(error) === 'ENOENT') throw VeilRequestError.because({ code: 'hash-set-file-missing', params: { path: filePath } });
    throw VeilRequestError.because({ code: 'hash-set-unreadable', params: { path: filePath, osCode: osCode(error) } });
  }
}

/**
 * Reads a hash set file into the library in one transaction: a cancel, a refusal, a read
 * error or a crash leaves the library as it was (the rollback journal undoes a crash on the
 * next open). Records are written as they are parsed, so memory stays bounded.
 */
export async function importHashSetFile(db: LibraryDb, request: ImportRequest): Promise<ImportOutcome> {
  const totalBytes = await checkFile(request.filePath);
  const fileName = path.basename(request.filePath);
  const listed: BadRecord[] = [];
  let bytesRead = 0;
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    // A read-only shared library (SQLITE_READONLY), or another workstation importing into it (SQLITE_BUSY).
    throw VeilRequestError.because({ code: 'known-library-unusable', params: { path: path.dirname(db.name), osCode: osCode(error) } });
  }
  let finished = false;
  try {
    const setId = Number(
      db
        .prepare('INSERT INTO hash_set (name, source_file_name, scheme, format, imported_at_ms) VALUES (?, ?, ?, ?, ?)')
        .run(request.name, fileName, request.scheme, 'text', request.importedAtMs).lastInsertRowid,
    );
    const writer = recordWriter(db, setId);
    const parser = createHashSetParser({
      fileName,
      scheme: request.scheme,
      hex64: request.hex64Kind,
      claimMediaId: writer.claimMediaId,
      sink: {
        record: writer.record,
        bad(bad) {
          writer.bad(bad);
          if (listed.length < MAX_LISTED_BAD_RECORDS) listed.push(bad);
        },
      },
    });
    const stream = createReadStream(request.filePath, { highWaterMark: READ_CHUNK_BYTES, signal: request.signal });
    try {
      for await (const chunk of stream) {
        if (!(chunk instanceof Uint8Array)) continue;
        bytesRead += chunk.length;
        if (bytesRead > MAX_HASH_SET_BYTES)
          throw VeilRequestError.because({ code: 'hash-set-too-large', params: { sizeBytes: bytesRead, limitBytes: MAX_HASH_SET_BYTES } });
        parser.write(chunk);
        request.onProgress({ fileName, bytesRead, totalBytes, records: writer.counts().records, badRecords: writer.counts().bad });
      }
    } catch (error) {
      if (request.signal.aborted) {
        db.exec('ROLLBACK');
        finished = true;
        return { outcome: 'cancelled' };
      }
      if (error instanceof VeilRequestError) throw error;
      throw VeilRequestError.because({ code: 'hash-set-unreadable', params: { path: request.filePath, osCode: osCode(error) } });
    }
    const outcome = parser.end();
    // The JSON parser holds its first megabyte until it knows the layout: the last word comes after the end.
    request.onProgress({ fileName, bytesRead, totalBytes, records: writer.counts().records, badRecords: writer.counts().bad });
    if (!outcome.ok) throw VeilRequestError.because(REFUSAL_REASONS[outcome.refusal](outcome.badRecords));
    if (request.signal.aborted) {
      db.exec('ROLLBACK');
      finished = true;
      return { outcome: 'cancelled' };
    }
    const rowids = writer.rowids();
    db.prepare('UPDATE hash_set SET format = ?, record_count = ?, bad_count = ?, first_rowid = ?, last_rowid = ?, complete = 1 WHERE id = ?').run(
      outcome.format,
      outcome.records,
      outcome.badRecords,
      rowids.first,
      rowids.last,
      setId,
    );
    writer.finish();
    db.exec('COMMIT');
    finished = true;
    return { outcome: 'imported', setId, badRecords: listed };
  } finally {
    if (!finished && db.inTransaction) db.exec('ROLLBACK');
  }
}
