import { z } from 'zod';
import { CaseIdSchema } from '../case/case-summary.js';
import { ItemIdSchema } from '../media/derivative.js';
import { CaseSchemeSchema } from './category-scheme.js';
import { CategoryCodeSchema, DecisionEventSchema } from './decision-event.js';

/**
 * Where the open case's review stands, for the header: "312 of 4,200 reviewed". `unsavedCount`
 * counts history lines kept in memory because the workspace could not take them yet (a share
 * gone, a disk full); they are retried, and the investigator is told while any remain.
 */
export const ReviewStateSchema = z.object({
  caseId: CaseIdSchema,
  scheme: CaseSchemeSchema,
  /** False until the scheme is chosen at the case's first open: the renderer asks, and nothing is categorised before. */
  schemeChosen: z.boolean(),
  /** Items to review (stack representatives not known) that have a category. */
  reviewedCount: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative(),
  unsavedCount: z.number().int().nonnegative(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** The next item to review and its place in the "To review" view (where the viewer opens it); nulls when none is left. */
export const NextToReviewSchema = z.object({ itemId: ItemIdSchema.nullable(), index: z.number().int().nonnegative().nullable() });
export type NextToReview = z.infer<typeof NextToReviewSchema>;

/** What a categorise, undo or redo did, for the live region: "Category 1, CAM — applied to 14 copies". */
export const DecisionOutcomeSchema = z.object({
  state: ReviewStateSchema,
  /** The item decided on (for undo and redo: the one the undone decision was made on); null when nothing was undone or redone. */
  itemId: ItemIdSchema.nullable(),
  category: CategoryCodeSchema,
  /** Other files of the item's stack the step covered. */
  copies: z.number().int().nonnegative(),
  cause: z.enum(['decision', 'undo', 'redo']),
  /** For undo and redo: how many items the investigator chose in the step (more than one for a grid selection's batch). */
  chosenCount: z.number().int().nonnegative().optional(),
  /**
   * For a decision: the next item to review after the decided one, as `nextToReview` would answer just after it, so the
   * "open the next item after categorising" setting opens it without a second round trip (a keypress's time is mostly round trips and drawing).
   */
  next: NextToReviewSchema.optional(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

/** Shortest and longest reason for overruling a hash set's category, counted after trimming. */
export const OVERRULE_REASON_CHARS = { min: 3, max: 500 } as const;

/** Plain text: line breaks and tabs, but no other control character (nothing that could hide text in the record). */
function isPlainText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) return false;
  }
  return true;
}

/** Characters as the workspace's CHECK counts them (code points): an emoji is one, not two UTF-16 units. */
export function reasonChars(text: string): number {
  return [...text].length;
}

/**
 * Why the investigator overrules a known item's hash-set category: trimmed, 3 to 500 characters of plain text.
 * The shortest is counted in code points, as SQLite's length() is, so no reason passes here that the
 * workspace would refuse (a write refused there would be retried for ever).
 */
export const OverruleReasonSchema = z
  .string()
  .trim()
  .max(OVERRULE_REASON_CHARS.max)
  .refine((text) => reasonChars(text) >= OVERRULE_REASON_CHARS.min, 'too short')
  .refine(isPlainText, 'not plain text');

/**
 * `reason` is required when the item's category now is its hash set's (the back end refuses
 * with `reason-required` without one) and kept on every line the step writes.
 */
export const CategoriseArgsSchema = z
  .object({ caseId: CaseIdSchema, itemId: ItemIdSchema, category: CategoryCodeSchema, reason: OverruleReasonSchema.optional() })
  .strict();
export const CaseArgsSchema = z.object({ caseId: CaseIdSchema }).strict();
export const ItemArgsSchema = z.object({ caseId: CaseIdSchema, itemId: ItemIdSchema }).strict();
export const ChooseSchemeArgsSchema = z.object({ caseId: CaseIdSchema, scheme: CaseSchemeSchema }).strict();
export const NextToReviewArgsSchema = z.object({ caseId: CaseIdSchema, afterItemId: ItemIdSchema.nullable() }).strict();

/** An authorisation recorded to open a file the referral locks, as History lists it beside the decisions. */
const ItemAuthorisationSchema = z.object({ reference: z.string().min(1), dateIso: z.iso.date(), userName: z.string(), atMs: z.number().int().nonnegative() });
export type ItemAuthorisation = z.infer<typeof ItemAuthorisationSchema>;

/** An item's category now and every line of its history, oldest first; its authorisations (referral lock), oldest first. */
export const ItemReviewSchema = z.object({
  category: CategoryCodeSchema,
  history: z.array(DecisionEventSchema),
  authorisations: z.array(ItemAuthorisationSchema),
});
export type ItemReview = z.infer<typeof ItemReviewSchema>;
