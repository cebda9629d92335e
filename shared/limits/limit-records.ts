import { z } from 'zod';
import { ALL_CAPS, LimitPeriodSchema, LimitQuantitySchema } from './cap-keys.js';
import { MS_PER_MINUTE, type LimitsConfig } from './limits-config.js';

/**
 * What the ledger keeps about personal limits: times and the user's own settings only,
 * never case data. Override reasons are the user's words and stay on this machine (the
 * ledger is local; team statistics must never read them). `v` and `type` match the other
 * ledger records so these can join the ledger's union.
 */
export const LIMIT_RECORD_VERSION = 1;

export const MIN_OVERRIDE_REASON_CHARS = 3;
/** A reason is a sentence, not an essay: the ledger line stays small. */
export const MAX_OVERRIDE_REASON_CHARS = 500;

const atMs = z.number().int().nonnegative();
const durationMs = z.number().int().positive();

const limitBase = {
  v: z.literal(LIMIT_RECORD_VERSION),
  type: z.literal('limit'),
  atMs,
  quantity: LimitQuantitySchema,
  period: LimitPeriodSchema,
  /** The cap in force when this happened, ms, extensions included. */
  capMs: durationMs,
};

/** Usage passed a warning threshold of a cap (once per threshold per cap per period). */
const LimitWarningRecordSchema = z.object({ ...limitBase, event: z.literal('warning'), thresholdPct: z.number().int().min(1).max(99) }).strict();

/** Usage reached a cap: text-only mode began (once per cap per period). */
const LimitReachedRecordSchema = z.object({ ...limitBase, event: z.literal('reached') }).strict();

/** The user overrode a reached cap with a typed reason; `capMs` is the cap before, `extensionMs` what was granted. */
const LimitOverrideRecordSchema = z
  .object({
    ...limitBase,
    event: z.literal('override'),
    reason: z
      .string()
      .min(MIN_OVERRIDE_REASON_CHARS)
      .max(MAX_OVERRIDE_REASON_CHARS)
      .refine((reason) => reason === reason.trim(), { message: 'reason must be trimmed' }),
    extensionMs: durationMs,
  })
  .strict();

/**
 * The caps the user had set at `atMs` (one entry per cap set; none = no cap). Written when
 * Veil starts, on the first counted step of each local day and whenever the limits change,
 * so a later week's summary can tell which caps were in force then, not which are now.
 */
const LimitCapsRecordSchema = z
  .object({
    v: z.literal(LIMIT_RECORD_VERSION),
    type: z.literal('limit'),
    atMs,
    event: z.literal('caps'),
    caps: z.array(z.object({ quantity: LimitQuantitySchema, period: LimitPeriodSchema, capMs: durationMs }).strict()).max(ALL_CAPS.length),
  })
  .strict();
export type LimitCapsRecord = z.infer<typeof LimitCapsRecordSchema>;

export const LimitRecordSchema = z.discriminatedUnion('event', [
  LimitWarningRecordSchema,
  LimitReachedRecordSchema,
  LimitOverrideRecordSchema,
  LimitCapsRecordSchema,
]);
export type LimitRecord = z.infer<typeof LimitRecordSchema>;
/** What the limits machine writes as usage moves: warnings, caps reached, overrides. */
export type LimitEventRecord = Exclude<LimitRecord, LimitCapsRecord>;

/** The record of the caps set in `config` at `atMs` (epoch ms), in ALL_CAPS order. */
export function capsRecord(atMs: number, config: LimitsConfig): LimitCapsRecord {
  const caps = ALL_CAPS.flatMap(({ quantity, period }) => {
    const capMin = period === 'day' ? config.caps[quantity].dayMin : config.caps[quantity].weekMin;
    return capMin === null ? [] : [{ quantity, period, capMs: capMin * MS_PER_MINUTE }];
  });
  return { v: LIMIT_RECORD_VERSION, type: 'limit', atMs, event: 'caps', caps };
}
