/**
 * Worker-thread entry for near-index-client.ts: opens the known library read-only on its own
 * connection, reads the given sets' PDQ hashes and indexes them (near-tables.ts), then sends
 * the tables back transferred, not copied. Seconds of work per million hashes that the main
 * side's event loop never sees.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openKnownLibraryToRead } from './known-library-db.js';
import { pdqHashesInRuns } from './known-queries.js';
import { NearIndexJobSchema, type NearIndexReply } from './near-index-protocol.js';
import { buildNearTables } from './near-tables.js';

const port = parentPort;
if (port === null) throw new Error('near-index-worker.ts runs only as a worker thread');

function reply(): { message: NearIndexReply; transfer: ArrayBuffer[] } {
  const job = NearIndexJobSchema.safeParse(workerData);
  if (!job.success) return { message: { ok: false, message: `invalid job: ${job.error.issues[0]?.message ?? 'invalid'}` }, transfer: [] };
  try {
    const db = openKnownLibraryToRead(job.data.libraryFile);
    try {
      // Each set read to its end before the next, in short runs so an import's commit never waits long on this reader.
      const tables = buildNearTables(job.data.setIds.map((setId) => pdqHashesInRuns(db, setId)));
      const arrays = [tables.words, tables.sourceOfRow, tables.categoryOfRow, ...tables.offsets, ...tables.rowAt];
      return { message: { ok: true, tables }, transfer: arrays.map((array) => array.buffer) };
    } finally {
      db.close();
    }
  } catch (error) {
    return { message: { ok: false, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}

const { message, transfer } = reply();
port.postMessage(message, transfer);
