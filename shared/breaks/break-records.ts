import { z } from 'zod';

/**
 * Ledger records of the break scheduler: times and kinds only, plus the user's own typed
 * reason for a strict-mode override (kept on this machine like the rest of the ledger).
 * Nothing about a case. Times are epoch ms from the main side's monotonic clock.
 */
export const BREAK_RECORD_VERSION = 1;

export const BreakKindSchema = z.enum(['micro', 'rest']);

/**
 * What happened to a break:
 * - due: it fell due (counted exposure reached its interval, postpones included);
 * - started: the break screen came up (at an item boundary, or when the grace ran out);
 * - taken: it ran its full length;
 * - natural: a pause without exposure at least as long as the break counted as one;
 * - postponed / skipped: the user's choice while it was coming or due;
 * - ended-early: the user ended a running break;
 * - strict-override: in strict mode, the escape hatch cancelled a coming/due break or
 *   ended a running one (a running one when it follows 'started' with no end between).
 */
export const BREAK_EVENTS = ['due', 'started', 'taken', 'natural', 'postponed', 'skipped', 'ended-early', 'strict-override'] as const;
const BreakEventKindSchema = z.enum(BREAK_EVENTS);
export type BreakEventKind = z.infer<typeof BreakEventKindSchema>;

/** Longest override reason kept, in characters (the UI limits input to the same). */
export const OVERRIDE_REASON_MAX_CHARS = 500;
/** Shortest override reason accepted, in characters after trimming: a word, not a keystroke. */
export const OVERRIDE_REASON_MIN_CHARS = 3;

export const BreakRecordSchema = z
  .object({
    v: z.literal(BREAK_RECORD_VERSION),
    type: z.literal('break'),
    atMs: z.number().int().nonnegative(),
    kind: BreakKindSchema,
    event: BreakEventKindSchema,
    /** Only on 'strict-override': the reason the user typed, trimmed. */
    reason: z.string().min(OVERRIDE_REASON_MIN_CHARS).max(OVERRIDE_REASON_MAX_CHARS).optional(),
  })
  .strict()
  .refine((r) => (r.event === 'strict-override') === (r.reason !== undefined), {
    message: 'a reason belongs to, and only to, a strict-mode override',
    path: ['reason'],
  });
export type BreakRecord = z.infer<typeof BreakRecordSchema>;

/** A break record; `reason` only for a strict-mode override. */
export function breakRecord(atMs: number, kind: BreakRecord['kind'], event: BreakEventKind, reason?: string): BreakRecord {
  const base = { v: BREAK_RECORD_VERSION, type: 'break', atMs, kind, event } as const;
  return reason === undefined ? base : { ...base, reason };
}

/**
 * The start of a stretch of exposure outside the user's working hours. One per stretch:
 * a stretch ends with exposure inside working hours or a pause as long as a rest break.
 */
export const AfterHoursRecordSchema = z
  .object({
    v: z.literal(BREAK_RECORD_VERSION),
    type: z.literal('after-hours'),
    atMs: z.number().int().nonnegative(),
  })
  .strict();

/** Everything the break scheduler writes to the ledger (the lead adds these to LedgerRecordSchema). */
export const BreakLedgerRecordSchema = z.union([BreakRecordSchema, AfterHoursRecordSchema]);
export type BreakLedgerRecord = z.infer<typeof BreakLedgerRecordSchema>;
