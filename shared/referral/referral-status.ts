import { z } from 'zod';
import { ReasonSchema } from '../reasons/reason.js';

/**
 * The open case's referral manifest, as the header and its banner show it:
 * - `none`: no manifest beside the case and none chosen;
 * - `read`: read, its warnings and lock apply;
 * - `refused`: it could not be used (`reason`), and until it is fixed, another is chosen, or
 *   the investigator continues without it, every file of the case is locked;
 * - `continued-without`: refused, and the investigator chose to continue without it (who, when).
 */
export const ReferralStatusSchema = z.object({
  state: z.enum(['none', 'read', 'refused', 'continued-without']),
  manifestPath: z.string().nullable(),
  /** Chosen by the investigator for this case (remembered in its workspace), not found beside it. */
  chosen: z.boolean(),
  reason: ReasonSchema.nullable(),
  continuedWithout: z.object({ userName: z.string(), atMs: z.number().int().nonnegative() }).nullable(),
});
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/**
 * A "continue without" as the workspace keeps it: which manifest, as it was then (size and
 * modification time), so a file changed since (fixed, or replaced) is read and judged again
 * rather than passed over on the strength of an older decision.
 */
export const ContinuedWithoutSchema = z.object({
  manifestPath: z.string(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  modifiedMs: z.number().nonnegative().nullable(),
  userName: z.string(),
  atMs: z.number().int().nonnegative(),
});
export type ContinuedWithout = z.infer<typeof ContinuedWithoutSchema>;
