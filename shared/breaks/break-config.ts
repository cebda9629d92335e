import { z } from 'zod';
import { WorkingHoursSchema, type WorkingHours } from './working-hours.js';

/**
 * The break settings a user can change. Intervals are counted exposure (time media was
 * on screen and counted by the ledger), never wall time; break lengths are wall time.
 * Units are the ones a person types (minutes, seconds), as in the rest of Settings;
 * breakTimings turns them into ms for the scheduler. Ranges are part of the schema so a
 * bad value is refused with a message naming the field.
 */
const BreakConfigFieldsSchema = z
  .object({
    /** Micro-breaks (a short look-away) on or off. */
    microEnabled: z.boolean(),
    /** Counted exposure between micro-breaks. 1 min is the smallest: end-to-end tests use it. */
    microIntervalMin: z.number().int().min(1).max(120),
    /** Length of a micro-break, wall time. */
    microDurationSec: z.number().int().min(10).max(300),
    restEnabled: z.boolean(),
    /** Counted exposure between rest breaks. */
    restIntervalMin: z.number().int().min(5).max(480),
    /** Length of a rest break, wall time. */
    restDurationMin: z.number().int().min(1).max(60),
    /** The gentle "break soon" notice comes this much counted exposure before a break is due; 0 = none. */
    warningSec: z.number().int().min(0).max(300),
    /** A due break waits for an item boundary for at most this much more counted exposure. */
    graceSec: z.number().int().min(0).max(600),
    /** How often one break may be postponed; 0 = never. */
    maxPostpones: z.number().int().min(0).max(10),
    /** Counted exposure a postpone adds before the break is due again. */
    postponeMin: z.number().int().min(1).max(60),
    /** Whether a due break may be skipped (counted). Strict mode overrides this. */
    skipAllowed: z.boolean(),
    /** No skip, no postpone, no ending early: only the escape hatch with a typed reason. */
    strictMode: z.boolean(),
    /** Working hours per weekday in the user's time zone; null = no working-hours warning at all. */
    workingHours: WorkingHoursSchema.nullable(),
  })
  .strict();

/**
 * The break settings, fields and the rules between them. zod 4 refuses .partial()/.omit()
 * on a refined object, hence BreakConfigFieldsSchema beside it for patches.
 */
export const BreakConfigSchema = BreakConfigFieldsSchema.refine((c) => c.microDurationSec < c.restDurationMin * 60, {
  message: 'a micro-break must be shorter than a rest break',
  path: ['microDurationSec'],
})
  .refine((c) => c.microIntervalMin < c.restIntervalMin, {
    message: 'micro-breaks must come more often than rest breaks',
    path: ['microIntervalMin'],
  })
  .refine((c) => c.warningSec < c.microIntervalMin * 60, {
    message: 'the warning must come after some viewing: make it shorter than the micro-break interval',
    path: ['warningSec'],
  });
export type BreakConfig = z.infer<typeof BreakConfigSchema>;

/** A change from the UI: any subset of the fields; the merged result must pass BreakConfigSchema. */
export const BreakConfigPatchSchema = BreakConfigFieldsSchema.partial().strict();

const WORKDAY = { start: '08:00', end: '16:00' } as const;

/** The defaults of issue 4: 30 s every 15 min, 10 min every 60 min, 2 postpones of 5 min, skip allowed, not strict. */
export const DEFAULT_BREAK_CONFIG: BreakConfig = {
  microEnabled: true,
  microIntervalMin: 15,
  microDurationSec: 30,
  restEnabled: true,
  restIntervalMin: 60,
  restDurationMin: 10,
  warningSec: 30,
  graceSec: 120,
  maxPostpones: 2,
  postponeMin: 5,
  skipAllowed: true,
  strictMode: false,
  workingHours: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: null, sun: null },
};

/**
 * What stepBreaks needs: the settings plus the user's IANA time zone, which comes from
 * the OS, not from settings (a time-zone change only changes working-hours evaluation).
 */
export type BreakStepConfig = BreakConfig & { timeZone: string };

export type BreakKind = 'micro' | 'rest';
export const BREAK_KINDS: readonly BreakKind[] = ['micro', 'rest'];

/** The settings in ms, as the scheduler uses them. */
export interface BreakTimings {
  enabled: Record<BreakKind, boolean>;
  /** Counted exposure between breaks of each kind, ms. */
  intervalMs: Record<BreakKind, number>;
  /** Wall-time length of each kind of break, ms. */
  durationMs: Record<BreakKind, number>;
  warningMs: number;
  graceMs: number;
  postponeMs: number;
  maxPostpones: number;
  /**
   * A micro-break falling due when the rest break is less than this much counted
   * exposure away is taken as the rest break instead (half a micro interval).
   */
  absorbWindowMs: number;
  skipAllowed: boolean;
  strictMode: boolean;
  workingHours: WorkingHours | null;
  timeZone: string;
}

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;

/** `value` if it is a finite number of at least `min`, else `min`. */
function atLeast(value: number, min: number): number {
  return Number.isFinite(value) ? Math.max(value, min) : min;
}

/**
 * The config in ms. Callers validate with BreakConfigSchema; numbers outside it are
 * clamped here anyway (intervals to at least 1 min, lengths to at least 1 s), so a
 * config that slipped through cannot make breaks come back to back.
 */
export function breakTimings(config: BreakStepConfig): BreakTimings {
  const microIntervalMs = atLeast(config.microIntervalMin * MINUTE_MS, MINUTE_MS);
  return {
    enabled: { micro: config.microEnabled, rest: config.restEnabled },
    intervalMs: { micro: microIntervalMs, rest: atLeast(config.restIntervalMin * MINUTE_MS, MINUTE_MS) },
    durationMs: { micro: atLeast(config.microDurationSec * SECOND_MS, SECOND_MS), rest: atLeast(config.restDurationMin * MINUTE_MS, SECOND_MS) },
    warningMs: atLeast(config.warningSec * SECOND_MS, 0),
    graceMs: atLeast(config.graceSec * SECOND_MS, 0),
    postponeMs: atLeast(config.postponeMin * MINUTE_MS, MINUTE_MS),
    maxPostpones: atLeast(config.maxPostpones, 0),
    absorbWindowMs: microIntervalMs / 2,
    skipAllowed: config.skipAllowed,
    strictMode: config.strictMode,
    workingHours: config.workingHours,
    timeZone: config.timeZone,
  };
}
