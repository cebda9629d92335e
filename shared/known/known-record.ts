import { z } from 'zod';

/** One good record of a set, its hashes as lower-case hex. A record has at least one hash. */
export interface KnownRecord {
  /** 1-based: the line of a list or CSV, the record's position in a VICS file. */
  place: number;
  category: string | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  /** PDQ's own quality score (0–100) when the set gives it. */
  pdqQuality: number | null;
  /** VICS's MediaID, kept so a set can be traced back to its source. */
  mediaId: string | null;
  /** VICS's PhotoDNA, not matched by Veil (Microsoft licenses it separately) but kept. */
  photoDna: string | null;
}

/**
 * Why one record was left out. The renderer translates each code; the file's other records
 * import regardless.
 */
export const BadRecordReasonSchema = z.enum([
  'record-not-object',
  'no-hash',
  'hash-wrong-length',
  'hash-not-hex',
  'hash-wrong-type',
  'hash-kind-unknown',
  'category-wrong-type',
  'category-not-in-scheme',
  'boolean-as-string',
  'media-id-wrong-type',
  'media-id-duplicate',
  'pdq-quality-invalid',
  'csv-wrong-column-count',
  'line-too-long',
  'json-cut-off',
  'json-invalid',
]);
export type BadRecordReason = z.infer<typeof BadRecordReasonSchema>;

export const BadRecordSchema = z.object({
  /** 1-based line (lists, CSV) or record index (VICS); for a JSON syntax error, the byte offset. */
  place: z.number().int().nonnegative(),
  placeKind: z.enum(['line', 'record', 'byte']),
  reason: BadRecordReasonSchema,
});
export type BadRecord = z.infer<typeof BadRecordSchema>;

/**
 * Why a whole file was refused: nothing in it could be read as a hash set. A file with some
 * good records is never refused; its bad ones are listed instead.
 */
export type HashSetRefusal = 'not-json' | 'json-cut-off' | 'not-text' | 'not-a-hash-set' | 'no-good-records' | 'empty-file' | 'csv-no-hash-column';

/** Where the parsers send what they read; they keep nothing themselves, so memory stays bounded. */
export interface HashSetSink {
  record(record: KnownRecord): void;
  bad(bad: BadRecord): void;
}

/** A record with no hashes yet, to fill in. */
export function emptyRecord(place: number): KnownRecord {
  return { place, category: null, md5: null, sha1: null, sha256: null, pdq: null, pdqQuality: null, mediaId: null, photoDna: null };
}
