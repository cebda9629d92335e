import { z } from 'zod';
import { LimitPeriodSchema, LimitQuantitySchema } from './cap-keys.js';

const ms = z.number().finite().nonnegative();
const pct = z.number().int().min(1).max(99);

/** One cap as the UI shows it (a contract result: the renderer reads it, never computes it). */
const CapViewSchema = z.object({
  quantity: LimitQuantitySchema,
  period: LimitPeriodSchema,
  usedMs: ms,
  /** The cap in force, extensions included; null when no cap is set. */
  capMs: ms.nullable(),
  /** The cap the user set, without extensions; null when none. */
  baseCapMs: ms.nullable(),
  /** Added this period by overrides. */
  extensionMs: ms,
  /** usedMs / capMs (can pass 1 by up to a step's time, or when a cap is lowered); null without a cap. */
  fraction: ms.nullable(),
  /** Time left before the cap, never negative; null without a cap. */
  remainingMs: ms.nullable(),
  /** Highest warning threshold usage has passed, while the cap is not reached; else null. */
  warningPct: pct.nullable(),
  /** Next warning threshold ahead, null when none is left (or no cap). */
  nextThresholdPct: pct.nullable(),
  /** Usage is at or past the cap (extensions included): media must be hidden. */
  reached: z.boolean(),
  /** At least one override was granted for this cap this period. */
  overridden: z.boolean(),
  overrides: z.number().int().nonnegative(),
});
export type CapView = z.infer<typeof CapViewSchema>;

const capsRow = z.object({ day: CapViewSchema, week: CapViewSchema });
const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** What the UI needs: each cap, and whether text-only mode is on. */
export const LimitsViewSchema = z.object({
  /** The current local day and week (key of its first day); null before the first event. */
  dayKey: dayKey.nullable(),
  weekKey: dayKey.nullable(),
  caps: z.object({ exposure: capsRow, unfiltered: capsRow, audio: capsRow }),
  /** Some cap is reached and not overridden beyond its use: no media pixels anywhere. */
  textOnly: z.boolean(),
  /** The reached caps, in ALL_CAPS order (what text-only mode says it is for). */
  reachedCaps: z.array(z.object({ quantity: LimitQuantitySchema, period: LimitPeriodSchema })),
});
export type LimitsView = z.infer<typeof LimitsViewSchema>;
