import { z } from 'zod';
import { ImportProgressSchema } from './import-progress.js';

/** Opaque per-session case id; media and item requests name it so ids from another case are refused. */
export const CaseIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a Veil case id');

export const CaseSummarySchema = z.object({
  caseId: CaseIdSchema,
  /** The folder's own name, shown in the title bar. */
  name: z.string(),
  isDemo: z.boolean(),
  itemCount: z.number().int().nonnegative(),
  problemCount: z.number().int().nonnegative(),
  /** Files identical to an item and folded into it: items + problems + duplicates = files read. */
  duplicateCount: z.number().int().nonnegative(),
  /**
   * Changes whenever a listed item or its match changes (items added, copies folded in, sets
   * matched again, a near match found). The grid refetches its pages only then, not for every
   * summary (the background PDQ pass reports progress several times a second).
   */
  listVersion: z.number().int().nonnegative(),
  /** Items whose exact hash is in an enabled set: never shown unless `knownShown`. */
  knownCount: z.number().int().nonnegative(),
  /** Items with a PDQ near match (still to review). */
  nearMatchCount: z.number().int().nonnegative(),
  /** Stacks of more than one file, exact or near copies (the "Duplicates" view, one item per stack). */
  duplicateStackCount: z.number().int().nonnegative(),
  /**
   * Items to review: stack representatives without a known match (itemCount − knownCount −
   * nearCopyCount). Media files = toReviewCount + knownCount + nearCopyCount + duplicateCount.
   */
  toReviewCount: z.number().int().nonnegative(),
  /** Items that are near copies in another item's stack (not known): reviewed through their stack's representative. */
  nearCopyCount: z.number().int().nonnegative(),
  /** The background PDQ pass over the case's images (near matches fill in as it goes); null before it starts. */
  pdqProgress: z.object({ doneCount: z.number().int().nonnegative(), totalCount: z.number().int().nonnegative() }).nullable(),
  /** The investigator chose "Show known items" for this case (veiled as usual, counted as exposure); off at every open. */
  knownShown: z.boolean(),
  import: ImportProgressSchema,
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
