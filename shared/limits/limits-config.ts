import { z } from 'zod';
import { LIMIT_QUANTITIES, type LimitPeriod, type LimitQuantity } from './cap-keys.js';

export const MS_PER_MINUTE = 60_000;

/** The smallest cap: one minute, so an end-to-end test can reach a cap quickly. */
const MIN_CAP_MIN = 1;
/** A daily cap of a whole day (24 h) is the largest that means anything. */
const MAX_DAY_CAP_MIN = 24 * 60;
/** A weekly cap of seven whole days. */
const MAX_WEEK_CAP_MIN = 7 * MAX_DAY_CAP_MIN;
/** At most this many warning thresholds: more would be noise, not warnings. */
const MAX_WARNING_THRESHOLDS = 5;
const MIN_EXTENSION_MIN = 1;
const MAX_EXTENSION_MIN = 120;

const QUANTITY_LABEL: Record<LimitQuantity, string> = { exposure: 'exposure', unfiltered: 'unfiltered', audio: 'audio' };

/** A daily and a weekly cap on one quantity, in whole minutes; null = no cap. */
const QuantityCapsSchema = z.object({
  dayMin: z.number().int().min(MIN_CAP_MIN).max(MAX_DAY_CAP_MIN).nullable(),
  weekMin: z.number().int().min(MIN_CAP_MIN).max(MAX_WEEK_CAP_MIN).nullable(),
});
export type QuantityCaps = z.infer<typeof QuantityCapsSchema>;

/**
 * The investigator's own limits, as settings hold them. Ranges are in the schema so a bad
 * value is refused with a message naming the field, whether from the first-run wizard,
 * the settings page or a hand-edited file.
 */
export const LimitsConfigSchema = z
  .object({
    caps: z.object({ exposure: QuantityCapsSchema, unfiltered: QuantityCapsSchema, audio: QuantityCapsSchema }),
    /** Warn when usage reaches these percentages of a cap: distinct, increasing, 1–99. Empty = no warnings. */
    warnAtPct: z
      .array(z.number().int().min(1).max(99))
      .max(MAX_WARNING_THRESHOLDS)
      .refine((list) => list.every((pct, i) => i === 0 || pct > (list[i - 1] ?? 0)), {
        message: 'Warning thresholds must be different from each other and in increasing order',
      }),
    /** What one override adds to a reached cap, in minutes. */
    overrideExtensionMin: z.number().int().min(MIN_EXTENSION_MIN).max(MAX_EXTENSION_MIN),
  })
  .superRefine((config, ctx) => {
    for (const quantity of LIMIT_QUANTITIES) {
      const { dayMin, weekMin } = config.caps[quantity];
      if (dayMin !== null && weekMin !== null && dayMin > weekMin) {
        ctx.addIssue({
          code: 'custom',
          path: ['caps', quantity, 'dayMin'],
          message: `The daily cap on ${QUANTITY_LABEL[quantity]} time (${dayMin} min) is larger than the weekly cap (${weekMin} min): lower the daily cap or raise the weekly one`,
        });
      }
    }
  });
export type LimitsConfig = z.infer<typeof LimitsConfigSchema>;

const NO_CAPS: QuantityCaps = { dayMin: null, weekMin: null };

/** No caps until the user chooses them (the first-run wizard asks); warnings at 75% and 90%; 15-minute overrides. */
export const DEFAULT_LIMITS_CONFIG: LimitsConfig = {
  caps: { exposure: NO_CAPS, unfiltered: NO_CAPS, audio: NO_CAPS },
  warnAtPct: [75, 90],
  overrideExtensionMin: 15,
};

/** The cap in ms set for one quantity and period, or null when none is set. */
export function baseCapMs(config: LimitsConfig, quantity: LimitQuantity, period: LimitPeriod): number | null {
  const caps = config.caps[quantity];
  const minutes = period === 'day' ? caps.dayMin : caps.weekMin;
  return minutes === null ? null : minutes * MS_PER_MINUTE;
}
