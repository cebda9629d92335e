import { z } from 'zod';
import { CaseSchemeSchema } from '../../../shared/review/category-scheme.js';
import { DecisionEventSchema } from '../../../shared/review/decision-event.js';

/** The review record's messages to the workspace thread (see workspace-protocol.ts). */
export const ReviewWorkspaceRequestSchemas = [
  z.object({ type: z.literal('appendDecisions'), events: z.array(DecisionEventSchema) }),
  z.object({ type: z.literal('latestDecisions'), afterSeq: z.number().int().nonnegative(), limit: z.number().int().positive() }),
  z.object({ type: z.literal('itemHistory'), itemPath: z.string().min(1) }),
  z.object({ type: z.literal('lastActionId') }),
  z.object({ type: z.literal('chooseScheme'), scheme: CaseSchemeSchema }),
  z.object({ type: z.literal('readScheme') }),
  z.object({ type: z.literal('rememberPlace'), itemPath: z.string().min(1) }),
  z.object({ type: z.literal('readPlace') }),
] as const;

export const LatestDecisionsResultSchema = z.object({
  events: z.array(DecisionEventSchema),
  /** Pass back as `afterSeq` for the next page; null when this was the last one. */
  nextSeq: z.number().int().nullable(),
});
export const HistoryResultSchema = z.object({ events: z.array(DecisionEventSchema) });
export const LastActionIdResultSchema = z.object({ actionId: z.number().int().nonnegative() });
export const SchemeResultSchema = z.object({ scheme: CaseSchemeSchema });
export const StoredSchemeResultSchema = z.object({ scheme: CaseSchemeSchema.nullable() });
export const PlaceResultSchema = z.object({ itemPath: z.string().min(1).nullable() });
