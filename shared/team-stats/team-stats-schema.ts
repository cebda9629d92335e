import { z } from 'zod';
import { isRealIsoWeek } from './iso-week.js';

/** The smallest group any figure may describe (Viva Insights and Glint use 5). A lead may raise it, never lower it. */
export const MIN_GROUP_SIZE = 5;

/**
 * Why a figure is not shown:
 * - group-too-small: the week (or, for a range, every week) has fewer than k contributors;
 * - needs-2k: a high percentile, which is one person's value, needs at least 2k contributors;
 * - small-count: a count of people, or the people a ratio rests on, would be 1 to k−1
 *   (or would leave 1 to k−1 people on the other side).
 */
const SuppressionReasonSchema = z.enum(['group-too-small', 'needs-2k', 'small-count']);
export type SuppressionReason = z.infer<typeof SuppressionReasonSchema>;

const IsoWeekSchema = z.string().refine(isRealIsoWeek, 'must be an ISO week that exists');
const value = z.number().finite().nonnegative();
const HiddenSchema = z.object({ shown: z.literal(false), reason: SuppressionReasonSchema }).strict();

/** One week's figure: its value, or why it is hidden. */
const FigureSchema = z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), value }).strict(), HiddenSchema]);
export type Figure = z.infer<typeof FigureSchema>;

/**
 * A figure over a range of weeks, computed only from the shown weekly values of the same
 * figure (summed, their middle value, or their mean): `weeks` says how many, `personWeeks`
 * how many contributions those weeks hold (one person counts once per week: keys cannot
 * link a person's weeks).
 */
const RangeFigureSchema = z.discriminatedUnion('shown', [
  z.object({ shown: z.literal(true), value, weeks: z.number().int().positive(), personWeeks: z.number().int().positive() }).strict(),
  HiddenSchema,
]);
export type RangeFigure = z.infer<typeof RangeFigureSchema>;

/** Minutes figures: the median (nearest rank, lower middle) and the 90th percentile (nearest rank). */
const distribution = <T extends z.ZodType>(figure: T) => z.object({ median: figure, p90: figure }).strict();

/**
 * The figures of one week. `reachedCap` counts people with at least one cap reached;
 * `breakAdherence` is (breaks taken + natural breaks) / breaks due, pooled over the
 * contributors (above 1 when natural pauses outnumber due breaks); `afterHoursShare` is
 * after-hours minutes / exposure minutes, pooled, 0 to 1.
 */
const WeekStatsSchema = z
  .object({
    week: IsoWeekSchema,
    contributors: FigureSchema,
    exposureMin: distribution(FigureSchema),
    unfilteredMin: distribution(FigureSchema),
    reachedCap: FigureSchema,
    breakAdherence: FigureSchema,
    afterHoursShare: FigureSchema,
  })
  .strict();
export type WeekStats = z.infer<typeof WeekStatsSchema>;

/** The same figures over the whole range; `contributors` is in person-weeks. */
const RangeStatsSchema = z
  .object({
    /** First and last week of the range, null when it holds no week. */
    fromWeek: IsoWeekSchema.nullable(),
    toWeek: IsoWeekSchema.nullable(),
    contributors: RangeFigureSchema,
    exposureMin: distribution(RangeFigureSchema),
    unfilteredMin: distribution(RangeFigureSchema),
    reachedCap: RangeFigureSchema,
    breakAdherence: RangeFigureSchema,
    afterHoursShare: RangeFigureSchema,
  })
  .strict();
export type RangeStats = z.infer<typeof RangeStatsSchema>;

/** What the team view and the team-stats command show: aggregates only, never a key, a file or a record. */
export const TeamStatsSchema = z
  .object({
    /** The k used (at least MIN_GROUP_SIZE). */
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE),
    /** Every week of the range, oldest first. */
    weeks: z.array(WeekStatsSchema),
    range: RangeStatsSchema,
  })
  .strict();
export type TeamStats = z.infer<typeof TeamStatsSchema>;
