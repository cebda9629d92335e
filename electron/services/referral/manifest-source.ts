import { stat } from 'node:fs/promises';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { Reason } from '../../../shared/reasons/reason.js';
import { ContinuedWithoutSchema, type ContinuedWithout } from '../../../shared/referral/referral-status.js';
import type { ManifestReading } from './manifest-file.js';

/** A manifest file as it is now, to tell whether a "continue without" was about this very file. */
export interface FileStamp {
  sizeBytes: number | null;
  modifiedMs: number | null;
}

/** The file's size and modification time, or nulls when it cannot be looked at (gone, unreadable). */
export async function stampOf(filePath: string): Promise<FileStamp> {
  return stat(filePath).then(
    (stats) => ({ sizeBytes: stats.size, modifiedMs: stats.mtimeMs }),
    () => ({ sizeBytes: null, modifiedMs: null }),
  );
}

export type ManifestOutcome = { ok: true; reading: ManifestReading } | { ok: false; reason: Reason };

/** Reads a manifest, turning a refusal into its reason (anything unexpected counts as unreadable: refused, never passed over). */
export async function readOrRefuse(filePath: string, read: (filePath: string) => Promise<ManifestReading>): Promise<ManifestOutcome> {
  try {
    return { ok: true, reading: await read(filePath) };
  } catch (error) {
    if (error instanceof VeilRequestError && error.reason) return { ok: false, reason: error.reason };
    console.error('reading a referral manifest', error);
    return { ok: false, reason: { code: 'referral-manifest-unreadable', params: { path: filePath, osCode: 'UNKNOWN' } } };
  }
}

/**
 * The investigator's recorded "continue without" when it was about this manifest as it is
 * now (same path, size and modification time); null otherwise, and for a record that does not
 * parse: a changed file is judged again, and a garbled record unlocks nothing.
 */
export function continuedWithoutFor(stored: string | null, manifestPath: string, stamp: FileStamp): ContinuedWithout | null {
  if (stored === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const record = ContinuedWithoutSchema.safeParse(parsed);
  if (!record.success) return null;
  const same = record.data.manifestPath === manifestPath && record.data.sizeBytes === stamp.sizeBytes && record.data.modifiedMs === stamp.modifiedMs;
  return same ? record.data : null;
}
