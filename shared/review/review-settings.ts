import { z } from 'zod';
import { CustomSchemeSchema, type CaseScheme } from './category-scheme.js';

/** How many custom schemes a workstation keeps: a unit shares one or two, never a library. */
const MAX_CUSTOM_SCHEMES = 20;

/**
 * The review's settings. `newCaseScheme`: 'ask' (the default) asks which scheme when a case is
 * first opened; a built-in id gives every new case that scheme without asking (a unit that
 * grades one way only). `customSchemes`: schemes the unit imported from files, offered when a
 * case is first opened. `openNextAfterDecision`: a decision made in the viewer opens the next
 * item to review, as key N does (off by default: some investigators check a decision before moving on).
 */
export const ReviewSettingsSchema = z.object({
  newCaseScheme: z.enum(['ask', 'vic-us', 'vic-dhs', 'uk-abc']),
  customSchemes: z
    .array(CustomSchemeSchema)
    .max(MAX_CUSTOM_SCHEMES)
    .refine((schemes) => new Set(schemes.map((scheme) => scheme.name)).size === schemes.length, { message: 'two schemes have the same name' }),
  openNextAfterDecision: z.boolean(),
});
export type ReviewSettings = z.infer<typeof ReviewSettingsSchema>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { newCaseScheme: 'ask', customSchemes: [], openNextAfterDecision: false };

/** The scheme a case with none gets without asking, or null when the investigator is asked. */
export function presetScheme(settings: ReviewSettings): CaseScheme | null {
  return settings.newCaseScheme === 'ask' ? null : { id: settings.newCaseScheme };
}
