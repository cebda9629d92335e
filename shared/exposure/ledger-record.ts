import { z } from 'zod';
import { AfterHoursRecordSchema, BreakRecordSchema } from '../breaks/break-records.js';
import { LimitRecordSchema } from '../limits/limit-records.js';
import { BlurLevelSchema } from '../media/filter-profile.js';
import { RevealModeSchema } from './visibility-report.js';
import { AvoidedRecordSchema, ItemViewRecordSchema } from './avoided-records.js';

/**
 * What the exposure ledger keeps: times, durations and filter states only. No file
 * names, paths, hashes, item or case ids: nothing about a case can be read from it.
 * Times are epoch milliseconds from the main side's monotonic clock.
 */
export const LEDGER_RECORD_VERSION = 1;

const CountedSurfaceSchema = z.enum(['viewer', 'grid']);
export type CountedSurface = z.infer<typeof CountedSurfaceSchema>;

/** A stretch of time during which media was on screen in one unchanging state. */
const ExposureRecordSchema = z
  .object({
    v: z.literal(LEDGER_RECORD_VERSION),
    type: z.literal('exposure'),
    startMs: z.number().int().nonnegative(),
    endMs: z.number().int().nonnegative(),
    /** 'grid' when only thumbnails were on screen (labelled grid-only time). */
    surface: CountedSurfaceSchema,
    greyscale: z.boolean(),
    blur: BlurLevelSchema,
    reveal: RevealModeSchema,
    /** Case audio could be heard (a playing, unmuted video). */
    audio: z.boolean(),
  })
  .strict()
  .refine((record) => record.endMs >= record.startMs, { message: 'endMs before startMs', path: ['endMs'] });
export type ExposureRecord = z.infer<typeof ExposureRecordSchema>;

/** A reveal began (the spotlight was held or the whole item revealed). */
const RevealRecordSchema = z
  .object({
    v: z.literal(LEDGER_RECORD_VERSION),
    type: z.literal('reveal'),
    atMs: z.number().int().nonnegative(),
    mode: z.enum(['spotlight', 'whole']),
  })
  .strict();
export type RevealRecord = z.infer<typeof RevealRecordSchema>;

/**
 * Every kind of ledger record. Breaks, after-hours stretches and personal limits come
 * from part 3; exposure figures count them (never their reasons) but not as time.
 */
export const LedgerRecordSchema = z.union([
  ExposureRecordSchema,
  RevealRecordSchema,
  BreakRecordSchema,
  AfterHoursRecordSchema,
  LimitRecordSchema,
  ItemViewRecordSchema,
  AvoidedRecordSchema,
]);
export type LedgerRecord = z.infer<typeof LedgerRecordSchema>;

/**
 * Validates one decoded journal value against the schema of the type it claims, so a
 * record is checked once (the journal decodes hundreds of thousands of lines).
 */
export function parseLedgerRecord(value: unknown): { success: true; data: LedgerRecord } | { success: false; error: z.ZodError } {
  const type = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined;
  switch (type) {
    case 'exposure':
      return ExposureRecordSchema.safeParse(value);
    case 'reveal':
      return RevealRecordSchema.safeParse(value);
    case 'break':
      return BreakRecordSchema.safeParse(value);
    case 'after-hours':
      return AfterHoursRecordSchema.safeParse(value);
    case 'limit':
      return LimitRecordSchema.safeParse(value);
    case 'item-view':
      return ItemViewRecordSchema.safeParse(value);
    case 'avoided':
      return AvoidedRecordSchema.safeParse(value);
    default:
      return LedgerRecordSchema.safeParse(value);
  }
}

/** Unfiltered time: any pixels shown without blur, with colour, or through a reveal. */
export function isUnfilteredRecord(record: Pick<ExposureRecord, 'greyscale' | 'blur' | 'reveal'>): boolean {
  return record.reveal !== 'none' || record.blur === 'off' || !record.greyscale;
}

/** The time a record covers or marks, for ordering and for assigning it to a day. */
export function recordStartMs(record: LedgerRecord): number {
  return record.type === 'exposure' ? record.startMs : record.atMs;
}
