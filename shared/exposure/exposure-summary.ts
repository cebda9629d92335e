import { z } from 'zod';
import { BlurLevelSchema } from '../media/filter-profile.js';
import { RevealModeSchema } from './visibility-report.js';

const durationMs = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Exposure time in one filter state (how the time splits by filter). */
const FilterShareSchema = z.object({
  greyscale: z.boolean(),
  blur: BlurLevelSchema,
  reveal: RevealModeSchema,
  exposureMs: durationMs,
});
export type FilterShare = z.infer<typeof FilterShareSchema>;

const count = z.number().int().nonnegative();

/**
 * How many break and limit events fell in a span, by the instant each was recorded.
 * Whole counts only: the reasons typed for overrides stay in the local ledger and are
 * never read here.
 */
const WellbeingCountsSchema = z.object({
  /** Breaks that fell due (postponed ones fall due again and count again). */
  breaksDue: count,
  /** Breaks that ran their full length. */
  breaksTaken: count,
  /** Pauses without exposure long enough to count as a break. */
  naturalBreaks: count,
  postponed: count,
  skipped: count,
  /** Running breaks the user ended before their time. */
  endedEarly: count,
  /** Uses of the strict-mode escape hatch. */
  strictOverrides: count,
  /** Stretches of exposure that began outside working hours. */
  afterHoursStretches: count,
  /** Warning thresholds passed, one per threshold per cap. */
  capWarnings: count,
  capsReached: count,
  capOverrides: count,
});
export type WellbeingCounts = z.infer<typeof WellbeingCountsSchema>;

/** The figures "My exposure" shows for any span of time. */
export const ExposureTotalsSchema = z.object({
  /** Any case media on screen. */
  exposureMs: durationMs,
  /** Pixels shown without blur or with colour (reveals, spotlight, a profile set to off). */
  unfilteredMs: durationMs,
  /** Case audio audible. */
  audioMs: durationMs,
  /** Part of exposureMs during which only grid thumbnails were on screen. */
  gridOnlyMs: durationMs,
  reveals: z.number().int().nonnegative(),
  /** Longest run of exposure without a pause of at least the stretch gap. */
  longestStretchMs: durationMs,
  byFilter: z.array(FilterShareSchema),
  /** Breaks and personal limits in the span. */
  wellbeing: WellbeingCountsSchema,
});
export type ExposureTotals = z.infer<typeof ExposureTotalsSchema>;

const DayTotalsSchema = ExposureTotalsSchema.extend({ day: isoDate });
export type DayTotals = z.infer<typeof DayTotalsSchema>;

const WeekTotalsSchema = ExposureTotalsSchema.extend({ weekStart: isoDate });
export type WeekTotals = z.infer<typeof WeekTotalsSchema>;

/**
 * Exposure avoided this week: files not shown (known items, identical and near copies) in the cases
 * imported this week, and the viewing time that spared, estimated from the investigator's
 * median counted time per viewed item over the 12 weeks (null with no item viewed yet).
 */
const AvoidedWeekSchema = z.object({
  knownCount: count,
  duplicateCount: count,
  nearCopyCount: count,
  files: count,
  medianViewMs: z.number().nonnegative().nullable(),
  viewedItems: count,
  estimateMs: durationMs.nullable(),
});
export type AvoidedWeek = z.infer<typeof AvoidedWeekSchema>;

/** Everything the "My exposure" view needs, computed on the main side from the ledger. */
export const MyExposureSchema = z.object({
  timeZone: z.string(),
  /** 0 = Sunday, as date-fns counts; from the user's locale. */
  weekStartsOn: z.number().int().min(0).max(6),
  today: DayTotalsSchema,
  /** The current week, one entry per day so far. */
  thisWeek: z.object({ totals: WeekTotalsSchema, days: z.array(DayTotalsSchema) }),
  /** The last 12 weeks including this one, oldest first. */
  last12Weeks: z.array(WeekTotalsSchema).length(12),
  avoided: AvoidedWeekSchema,
});
export type MyExposure = z.infer<typeof MyExposureSchema>;
