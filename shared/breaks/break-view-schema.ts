import { z } from 'zod';
import type { BreakView } from './break-view.js';

const seconds = z.number().int().nonnegative();

/** The break scheduler's view as it crosses the contract (checked against BreakView below). */
export const BreakViewSchema = z.object({
  phase: z.enum(['working', 'warning', 'due', 'on-break']),
  kind: z.enum(['micro', 'rest']).nullable(),
  exposureSecondsUntilDue: seconds.nullable(),
  exposureSecondsUntilForcedStart: seconds.nullable(),
  breakSecondsLeft: seconds.nullable(),
  breakLengthSec: seconds.nullable(),
  postponesLeft: z.number().int().nonnegative(),
  canPostpone: z.boolean(),
  canSkip: z.boolean(),
  canEndEarly: z.boolean(),
  strictOverrideOffered: z.boolean(),
  afterHours: z.boolean(),
});

// A compile-time check that the schema and the scheduler's view stay the same shape.
const sameShape: z.infer<typeof BreakViewSchema> extends BreakView ? (BreakView extends z.infer<typeof BreakViewSchema> ? true : false) : false = true;
void sameShape;
