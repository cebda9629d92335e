import { z } from 'zod';

/**
 * Who set a category. `investigator`: chosen by a person on this item. `stack`: it followed the
 * decision on another file of its stack. `hash-set`: it arrived with a known-material match.
 */
const DecisionSourceSchema = z.enum(['investigator', 'hash-set', 'stack']);
export type DecisionSource = z.infer<typeof DecisionSourceSchema>;

/** Why the event was written: a new decision, or an undo or redo of an earlier one. */
const DecisionCauseSchema = z.enum(['decision', 'undo', 'redo']);
export type DecisionCause = z.infer<typeof DecisionCauseSchema>;

/** A category code of the case's scheme, or null for uncategorised. */
export const CategoryCodeSchema = z.string().min(1).max(64).nullable();
export type CategoryCode = z.infer<typeof CategoryCodeSchema>;

/**
 * One line of an item's history, never changed once written: its category from `atMs` on.
 * An undo is a new line putting the earlier category back, so the record shows that a
 * decision was made and withdrawn, by whom and when. `itemPath` is the file's path in the case
 * (forward slashes), stable across imports as notes are. `actionId` groups the lines one
 * keypress wrote (a stack's copies with their representative).
 */
export const DecisionEventSchema = z.object({
  actionId: z.number().int().nonnegative(),
  itemPath: z.string().min(1),
  category: CategoryCodeSchema,
  source: DecisionSourceSchema,
  cause: DecisionCauseSchema,
  /** The operating-system account that made it, as the workstation reports it. */
  userName: z.string(),
  atMs: z.number().int().nonnegative(),
  /** Why a hash set's category was overruled, as the investigator typed it (every line of that step carries it); absent otherwise. */
  reason: z.string().min(1).max(500).optional(),
});
export type DecisionEvent = z.infer<typeof DecisionEventSchema>;

/** Each item's category now: the last line of its history wins (events in the order written). */
export function currentCategories(events: Iterable<DecisionEvent>): Map<string, CategoryCode> {
  const current = new Map<string, CategoryCode>();
  for (const event of events) current.set(event.itemPath, event.category);
  return current;
}
