import { z } from 'zod';
import { CaseIdSchema } from '../case/case-summary.js';
import { ItemIdSchema } from '../media/derivative.js';
import { CategoryCodeSchema } from './decision-event.js';
import { ReviewStateSchema } from './review-contract.js';

/** The most items one batch may name: a generous grid selection, small enough to check and write in one go. */
export const MAX_BATCH_ITEMS = 10_000;

/** A grid selection categorised together (null: uncategorised); every id must belong to the case. */
export const CategoriseItemsArgsSchema = z
  .object({ caseId: CaseIdSchema, itemIds: z.array(ItemIdSchema).min(1).max(MAX_BATCH_ITEMS), category: CategoryCodeSchema })
  .strict();

/** What a batch did, for the live region: "Category 1, CAM applied to 12 items (3 copies); 2 known items skipped". */
export const BatchOutcomeSchema = z.object({
  state: ReviewStateSchema,
  category: CategoryCodeSchema,
  /** Chosen items the batch covered (each named once, known items left out). */
  itemCount: z.number().int().nonnegative(),
  /** Other files of their stacks it covered too. */
  copies: z.number().int().nonnegative(),
  /** Chosen items left as they were because they keep their hash set's category (overruling one needs a typed reason). */
  skippedKnown: z.number().int().nonnegative(),
});
export type BatchOutcome = z.infer<typeof BatchOutcomeSchema>;
