import { z } from 'zod';

/** A local day key 'YYYY-MM-DD', or '' before the first event has placed the period. */
const periodKey = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')]);
const ms = z.number().finite().nonnegative();

/** Where one cap stands in the current period. */
const CapProgressSchema = z.object({
  /** Highest warning threshold already passed this period (recorded, or skipped by reaching the cap); 0 = none. */
  warnedPct: z.number().int().min(0).max(100),
  /** A 'reached' record was written this period. */
  reachedRecorded: z.boolean(),
  /** Time added to the cap by overrides this period, whole ms. */
  extensionMs: z.number().int().nonnegative(),
  /** Overrides granted this period. */
  overrides: z.number().int().nonnegative(),
});
export type CapProgress = z.infer<typeof CapProgressSchema>;

const perQuantity = <T extends z.ZodType>(schema: T) => z.object({ exposure: schema, unfiltered: schema, audio: schema });

/** One local day or week: what was used in it and where each cap stands. */
const PeriodStateSchema = z.object({
  /** The day's key, or for a week the key of its first day. */
  key: periodKey,
  /**
   * The period's first instant after its end (epoch ms), fixed in the time zone in force
   * when it began: it never ends before this, whatever the clock or the zone does later.
   */
  endMs: ms,
  /** Counted time in this period, ms. */
  usedMs: perQuantity(ms),
  caps: perQuantity(CapProgressSchema),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

export const LIMITS_STATE_VERSION = 1;

/**
 * Everything the limits machine knows, as plain JSON data (the service saves it so a
 * restart does not reset a cap). Validate anything read back with this schema.
 */
export const LimitsStateSchema = z.object({
  v: z.literal(LIMITS_STATE_VERSION),
  /** Time of the last accepted event, whole epoch ms; earlier events are refused. */
  lastEventAtMs: z.number().int().nonnegative(),
  day: PeriodStateSchema,
  week: PeriodStateSchema,
});
export type LimitsState = z.infer<typeof LimitsStateSchema>;
