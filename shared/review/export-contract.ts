import { z } from 'zod';
import { CaseIdSchema } from '../case/case-summary.js';

/** What an export can write: VICS 2.0 JSON, CSV of the same fields, and the printable one-page summary. */
const ExportFormatSchema = z.enum(['vics', 'csv', 'html']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

const MAX_CATEGORY_NAMES = 12;

export const ExportReviewArgsSchema = z
  .object({
    caseId: CaseIdSchema,
    /** The folder the investigator chose; never Veil's data folder, never inside the case folder. */
    folderPath: z
      .string()
      .trim()
      .min(1)
      .max(4096)
      .refine((folderPath) => !folderPath.includes('\0'), 'a path holds no NUL character'),
    formats: z.array(ExportFormatSchema).min(1).max(3),
    /** Notes leave the machine as VICS `Comments` (and a CSV column) only when the investigator ticks this. */
    includeNotes: z.boolean(),
    /** The summary's language: the UI's. */
    language: z.enum(['en', 'fr-CA']),
    /** The case's scheme as the UI names it, for the summary. */
    schemeName: z.string().max(200),
    /** Each category's words as the UI shows them ("1, CAM"), for the summary's table. */
    categoryNames: z.record(z.string().min(1).max(64), z.string().max(200)).refine((names) => Object.keys(names).length <= MAX_CATEGORY_NAMES),
  })
  .strict();
export type ExportReviewArgs = z.infer<typeof ExportReviewArgsSchema>;

export const ExportReviewResultSchema = z.object({
  /** Every file written, in the order asked; a name already taken got a suffix (`-2`, `-3`…). */
  files: z.array(z.object({ format: ExportFormatSchema, filePath: z.string(), sizeBytes: z.number().int().nonnegative() })),
  /** Media records written (one per file of the case that has a category). */
  recordCount: z.number().int().nonnegative(),
});
export type ExportReviewResult = z.infer<typeof ExportReviewResultSchema>;
