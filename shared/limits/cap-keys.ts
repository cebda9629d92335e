import { z } from 'zod';

/**
 * What a personal cap limits: all exposure time, unfiltered time (pixels shown without
 * blur or with colour, reveals included) and audio time, as the exposure ledger counts them.
 */
export const LIMIT_QUANTITIES = ['exposure', 'unfiltered', 'audio'] as const;
export const LimitQuantitySchema = z.enum(LIMIT_QUANTITIES);
export type LimitQuantity = z.infer<typeof LimitQuantitySchema>;

/** The span a cap covers: the user's local day, or their local week. */
export const LIMIT_PERIODS = ['day', 'week'] as const;
export const LimitPeriodSchema = z.enum(LIMIT_PERIODS);
export type LimitPeriod = z.infer<typeof LimitPeriodSchema>;

/** One of the six caps. */
export interface CapId {
  quantity: LimitQuantity;
  period: LimitPeriod;
}

/** The six caps in a fixed order (quantity, then day before week): records and views follow it. */
export const ALL_CAPS: readonly CapId[] = LIMIT_QUANTITIES.flatMap((quantity) => LIMIT_PERIODS.map((period) => ({ quantity, period })));

/** A value per quantity, e.g. time used. */
export type PerQuantity<T> = Record<LimitQuantity, T>;

/** Builds a per-quantity record from a function of the quantity. */
export function perQuantity<T>(make: (quantity: LimitQuantity) => T): PerQuantity<T> {
  return { exposure: make('exposure'), unfiltered: make('unfiltered'), audio: make('audio') };
}
