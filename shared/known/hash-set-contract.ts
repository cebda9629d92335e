import { z } from 'zod';
import { Hex64KindSchema, HashKindSchema } from './hash-kind.js';
import { HashSetSchemeSchema, type HashSetScheme } from './hash-set-scheme.js';
import { BadRecordReasonSchema, BadRecordSchema } from './known-record.js';

/** A set's id in the known-material library. */
export const HashSetIdSchema = z.number().int().positive();

/** Bad records a reply lists at most; the library keeps them all, and the counts by reason cover the rest. */
export const MAX_LISTED_BAD_RECORDS = 1000;

export const ImportHashSetArgsSchema = z
  .object({
    filePath: z.string().min(1).max(4096),
    name: z.string().trim().min(1).max(200),
    scheme: HashSetSchemeSchema,
    /** What a bare 64-digit hex value is in a list or a headerless CSV; a header naming the column wins. */
    hex64Kind: Hex64KindSchema.default('sha256'),
  })
  .strict();

export const HashSetSummarySchema = z.object({
  setId: HashSetIdSchema,
  name: z.string(),
  sourceFileName: z.string(),
  scheme: HashSetSchemeSchema,
  format: z.enum(['vics-json', 'text']),
  importedAtMs: z.number().int().nonnegative(),
  recordCount: z.number().int().nonnegative(),
  /** Hashes held, by kind (a VICS record usually has an MD5 and a SHA-1). */
  hashCounts: z.record(HashKindSchema, z.number().int().nonnegative()),
  enabled: z.boolean(),
  badRecordCount: z.number().int().nonnegative(),
  badByReason: z.partialRecord(BadRecordReasonSchema, z.number().int().positive()),
});
export type HashSetSummary = z.infer<typeof HashSetSummarySchema>;

export const ImportHashSetResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    set: HashSetSummarySchema,
    /** The first bad records, in file order (at most MAX_LISTED_BAD_RECORDS); `set.badRecordCount` has them all. */
    badRecords: z.array(BadRecordSchema),
  }),
  z.object({ outcome: z.literal('cancelled') }),
]);
export type ImportHashSetResult = z.infer<typeof ImportHashSetResultSchema>;

export const HashSetImportProgressSchema = z.object({
  fileName: z.string(),
  bytesRead: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  records: z.number().int().nonnegative(),
  badRecords: z.number().int().nonnegative(),
});
export type HashSetImportProgress = z.infer<typeof HashSetImportProgressSchema>;

/** One enabled set that knows a file's hash. */
export interface KnownMatch {
  setId: number;
  setName: string;
  scheme: HashSetScheme;
  category: string | null;
  /** Which of the file's hashes matched. */
  matchedBy: 'md5' | 'sha1' | 'sha256';
}
