import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { createManifestCollector } from '../../../shared/referral/manifest-collector.js';
import { createManifestParser, type ManifestFormat } from '../../../shared/referral/manifest-parser.js';
import type { ManifestBadRow, ManifestColumns, ManifestRefusal, ManifestSink, ReferralEntry } from '../../../shared/referral/referral-entry.js';
import type { Reason } from '../../../shared/reasons/reason.js';

/** Largest manifest read: a 500 MB one (millions of rows) fits; beyond this it is refused before reading. */
const MAX_MANIFEST_BYTES = 1024 * 1024 * 1024;
/** Small reads keep each synchronous parse step short, so the main side stays responsive. */
const READ_CHUNK_BYTES = 256 * 1024;
/** Bad rows a reply lists at most; the count covers the rest. */
const MAX_LISTED_BAD_ROWS = 1000;

export interface ManifestReading {
  format: ManifestFormat;
  entries: ReferralEntry[];
  badRows: ManifestBadRow[];
  badRowCount: number;
  columns: ManifestColumns;
}

function osCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN';
}

function refusalReason(refusal: ManifestRefusal): Reason {
  switch (refusal.kind) {
    case 'empty':
      return { code: 'referral-manifest-empty', params: {} };
    case 'not-text':
      return { code: 'referral-manifest-not-text', params: {} };
    case 'not-json':
      return { code: 'referral-manifest-not-json', params: {} };
    case 'json-cut-off':
      return { code: 'referral-manifest-json-cut-off', params: {} };
    case 'missing-columns':
      return { code: refusal.missing === 'file-column' ? 'referral-manifest-no-file-column' : 'referral-manifest-no-referral-columns', params: {} };
    case 'no-good-rows':
      return { code: 'referral-manifest-no-good-rows', params: { badRows: refusal.badRows } };
  }
}

async function checkFile(filePath: string): Promise<void> {
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) throw VeilRequestError.because({ code: 'referral-manifest-not-a-file', params: { path: filePath } });
    if (stats.size > MAX_MANIFEST_BYTES)
      throw VeilRequestError.because({ code: 'referral-manifest-too-large', params: { sizeBytes: stats.size, limitBytes: MAX_MANIFEST_BYTES } });
  } catch (error) {
    if (error instanceof VeilRequestError) throw error;
    if (osCode(error) === 'ENOENT') throw VeilRequestError.because({ code: 'referral-manifest-missing', params: { path: filePath } });
    throw VeilRequestError.because({ code: 'referral-manifest-unreadable', params: { path: filePath, osCode: osCode(error) } });
  }
}

/**
 * Streams a manifest file through the parser into `sink`, in bounded memory, and says what
 * it was. A file that cannot be read, or is refused whole, throws with the reason; the
 * caller has not changed anything yet, so a refused manifest changes nothing.
 */
export async function streamManifestFile(filePath: string, sink: ManifestSink): Promise<{ format: ManifestFormat; columns: ManifestColumns }> {
  await checkFile(filePath);
  const parser = createManifestParser(sink);
  let bytesRead = 0;
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES })) {
      if (!(chunk instanceof Uint8Array)) continue;
      bytesRead += chunk.length;
      if (bytesRead > MAX_MANIFEST_BYTES)
        throw VeilRequestError.because({ code: 'referral-manifest-too-large', params: { sizeBytes: bytesRead, limitBytes: MAX_MANIFEST_BYTES } });
      parser.write(chunk);
    }
  } catch (error) {
    if (error instanceof VeilRequestError) throw error;
    throw VeilRequestError.because({ code: 'referral-manifest-unreadable', params: { path: filePath, osCode: osCode(error) } });
  }
  const outcome = parser.end();
  if (!outcome.ok) throw VeilRequestError.because(refusalReason(outcome.refusal));
  return { format: outcome.format, columns: outcome.columns };
}

/** Reads a whole manifest: one reading per file named (a file named twice merged, the stronger reading winning) and the bad rows. */
export async function readManifestFile(filePath: string): Promise<ManifestReading> {
  const collector = createManifestCollector(MAX_LISTED_BAD_ROWS);
  const { format, columns } = await streamManifestFile(filePath, collector);
  return { format, columns, entries: collector.entries(), badRows: collector.badRows(), badRowCount: collector.badRowCount() };
}
