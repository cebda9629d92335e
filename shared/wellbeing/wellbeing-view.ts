import { z } from 'zod';
import { BreakViewSchema } from '../breaks/break-view-schema.js';
import { LimitsViewSchema } from '../limits/limits-view-schema.js';

/** What the UI shows about breaks and personal limits now: pushed on every change. */
export const WellbeingViewSchema = z.object({
  breaks: BreakViewSchema,
  limits: LimitsViewSchema,
});
export type WellbeingView = z.infer<typeof WellbeingViewSchema>;
