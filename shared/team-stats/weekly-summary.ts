import { z } from 'zod';
import { findForbiddenKey } from './forbidden-keys.js';
import { isRealIsoWeek } from './iso-week.js';
import { issueSentence } from './summary-issue-sentence.js';
import { reasonOf, type Reason } from '../reasons/reason.js';
import { summaryIssueReason } from '../reasons/summary-issue-reason.js';

/**
 * The file an investigator shares with the wellness lead: one ISO week of coarse figures.
 * It holds nothing that names or locates anyone: no name, user or machine name, path,
 * case data, per-session times, free text, app version or export time (a timestamp could
 * link one person's weeks). The published JSON Schema (docs/team-stats/) is generated
 * from WeeklySummarySchema; a test keeps the two equal.
 */
export const WEEKLY_SUMMARY_FORMAT = 'veil.weekly-summary';
export const WEEKLY_SUMMARY_VERSION = 1;

/** Times are rounded to this many minutes, so a file carries no exact durations. */
const QUARTER_HOUR_MIN = 15;
/** Minutes in a week (7 × 24 × 60): no minute figure can be larger. */
export const MINUTES_PER_WEEK = 10_080;
/** Upper bound of every count: far above what a week can hold, far below what breaks arithmetic. */
export const MAX_WEEKLY_COUNT = 100_000;

const MS_PER_QUARTER_HOUR = QUARTER_HOUR_MIN * 60_000;

/** Weeks 01 to 53 of a four-digit year: as much of the rule as a JSON Schema pattern can carry (the refine does the rest). */
const WEEK_PATTERN = /^[1-9]\d{3}-W(0[1-9]|[1-4]\d|5[0-3])$/;

// Range before int: zod's int check also reports the safe-integer bound, which would name the wrong limit.
const minutes = (description: string) =>
  z.number().min(0).max(MINUTES_PER_WEEK).int().multipleOf(QUARTER_HOUR_MIN).describe(`${description} Minutes, rounded to the nearest 15.`);
const count = (description: string) => z.number().min(0).max(MAX_WEEKLY_COUNT).int().describe(description);

/**
 * A weekly summary, strict (any other field is refused). Unfiltered, audio and
 * after-hours time are parts of exposure time, so each must be at most exposureMin: the
 * builder rounds each total the same monotonic way, so a real file always passes, and a
 * file that breaks the rule is forged or corrupt. Counts have no such rule between them:
 * natural breaks need no due break, and a cap can be reached, overridden and reached again.
 */
export const WeeklySummarySchema = z
  .object({
    format: z.literal(WEEKLY_SUMMARY_FORMAT).describe('Always "veil.weekly-summary".'),
    version: z.literal(WEEKLY_SUMMARY_VERSION).describe('Version of this format.'),
    week: z
      .string()
      .regex(WEEK_PATTERN, 'must be an ISO week such as "2026-W07"')
      .refine(isRealIsoWeek, 'must be an ISO week that exists (week 53 only in years that have one, years 1970 to 9999)')
      .describe('ISO 8601 week, Monday to Sunday in the investigator\'s time zone, e.g. "2026-W07".'),
    key: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters')
      .describe(
        "HMAC-SHA256 of the week under a secret that never leaves the investigator's machine: a re-export of the same week has the same key; different weeks have unlinkable keys.",
      ),
    exposureMin: minutes('Time any case media was on screen.'),
    unfilteredMin: minutes('Part of the exposure shown without blur, in colour or through a reveal.'),
    audioMin: minutes('Part of the exposure with case audio audible.'),
    afterHoursMin: minutes("Part of the exposure outside the investigator's working hours."),
    reveals: count('Reveals started (spotlight or whole item).'),
    breaksDue: count('Breaks that fell due (a postponed break falls due again).'),
    breaksTaken: count('Breaks that ran their full length.'),
    naturalBreaks: count('Pauses long enough to count as a break without a prompt.'),
    breaksPostponed: count('Breaks postponed.'),
    breaksSkipped: count('Breaks skipped.'),
    capSet: z.boolean().describe('Whether the investigator had set a personal cap.'),
    capsReached: count('Personal caps reached.'),
    capOverrides: count('Reached caps the investigator chose to override (the reasons stay on their machine).'),
  })
  .strict()
  .superRefine((summary, ctx) => {
    for (const part of ['unfilteredMin', 'audioMin', 'afterHoursMin'] as const) {
      if (summary[part] > summary.exposureMin)
        ctx.addIssue({ code: 'custom', path: [part], message: 'cannot be larger than exposureMin, of which it is a part' });
    }
  })
  .meta({
    title: 'Veil weekly summary, version 1',
    description:
      "One investigator's week of coarse exposure, break and limit figures, shared by their choice with a wellness lead. Nothing in it names or locates a person, a machine or a case.",
  });
export type WeeklySummary = z.infer<typeof WeeklySummarySchema>;

type SummaryRejectCode = 'not-an-object' | 'forbidden-key' | 'wrong-format' | 'wrong-version' | 'invalid-field';
export type ParsedSummary = { ok: true; summary: WeeklySummary } | { ok: false; code: SummaryRejectCode; detail: string; reason: Reason };

/**
 * Validates a decoded file (the value JSON.parse returned) as a weekly summary. Checks,
 * in order: a plain object; no own `__proto__`, `constructor` or `prototype` key at any
 * depth (JSON.parse makes `"__proto__"` an own key; refusing it outright keeps any later
 * merge or copy from reaching a prototype, and nothing here assigns from the value);
 * the format; the version; every field (WeeklySummarySchema). `detail` is one English
 * sentence naming the field; values from the file are never echoed.
 */
export function parseWeeklySummary(value: unknown): ParsedSummary {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      code: 'not-an-object',
      detail: 'The file does not hold a JSON object, so it is not a weekly summary.',
      reason: reasonOf('summary-not-an-object', {}),
    };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null) {
    const detail =
      forbidden.kind === 'forbidden-key'
        ? `The file has a field named "${forbidden.key}", which is never allowed (it could tamper with the program reading it).`
        : `The file nests objects deeper than a weekly summary ever does.`;
    const reason = forbidden.kind === 'forbidden-key' ? reasonOf('summary-forbidden-key', { key: forbidden.key }) : reasonOf('summary-too-deep', {});
    return { ok: false, code: 'forbidden-key', detail, reason };
  }
  const format = Object.getOwnPropertyDescriptor(value, 'format')?.value;
  if (format !== WEEKLY_SUMMARY_FORMAT) {
    return {
      ok: false,
      code: 'wrong-format',
      detail: `The field "format" is missing or is not "${WEEKLY_SUMMARY_FORMAT}", so this is not a Veil weekly summary.`,
      reason: reasonOf('summary-wrong-format', { expected: WEEKLY_SUMMARY_FORMAT }),
    };
  }
  const version = Object.getOwnPropertyDescriptor(value, 'version')?.value;
  if (version !== WEEKLY_SUMMARY_VERSION) {
    const which = typeof version === 'number' && Number.isSafeInteger(version) ? `version ${version}` : 'no readable version';
    return {
      ok: false,
      code: 'wrong-version',
      detail: `The summary has ${which}; this Veil reads version ${WEEKLY_SUMMARY_VERSION} only.`,
      reason:
        typeof version === 'number' && Number.isSafeInteger(version)
          ? reasonOf('summary-wrong-version', { found: version, supported: WEEKLY_SUMMARY_VERSION })
          : reasonOf('summary-no-version', { supported: WEEKLY_SUMMARY_VERSION }),
    };
  }
  const parsed = WeeklySummarySchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, code: 'invalid-field', detail: issueSentence(parsed.error.issues, value), reason: summaryIssueReason(parsed.error.issues, value) };
  return { ok: true, summary: parsed.data };
}

/**
 * A duration in ms as whole minutes rounded to the nearest quarter hour (0, 15, 30, …).
 * Exactly half way (7 min 30 s past a quarter) rounds up, as Math.round does. Rounding is
 * monotonic, so a part never rounds above its whole. Throws RangeError for a negative or
 * non-finite duration: that is a bug upstream, not something to round.
 */
export function roundToQuarterHourMin(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a duration must be a finite number of ms, at least 0 (got ${String(ms)})`);
  return Math.round(ms / MS_PER_QUARTER_HOUR) * QUARTER_HOUR_MIN;
}

/** The documented fields, in file order (for canonical comparisons and scans). */
export const WEEKLY_SUMMARY_FIELDS = Object.keys(WeeklySummarySchema.shape);
