/**
 * Team statistics from weekly summaries, under disclosure rules that keep any one
 * investigator from being singled out. k is the minimum group size (MIN_GROUP_SIZE = 5,
 * as Viva Insights and Glint use; a lead may raise it, never lower it).
 *
 * The rules:
 * 1. A week with fewer than k contributors shows nothing, not even how many (only
 *    "fewer than k").
 * 2. The median needs k contributors; the 90th percentile, which is one person's value
 *    at the top of the group (the maximum for 5 to 9 people), needs 2k.
 * 3. A count of people (how many reached a cap) is hidden when it is between 1 and
 *    k − 1 or leaves out fewer than k: "2 of 6", "5 of 6" and "6 of 6" all say something
 *    about people the lead can name.
 * 4. A ratio (break adherence, share after hours) is shown only when at least k people
 *    have a non-zero denominator, so it cannot be one person's own ratio.
 * 5. A range figure is computed from the shown weekly values of the same figure only:
 *    counts summed, medians and 90th percentiles as the middle weekly value, ratios as
 *    the mean weekly ratio.
 *
 * Why nothing hidden can be derived from what is shown, whatever ranges and k a lead
 * tries and compares:
 * - Every week row is a function of that week's own summaries and k; a hidden cell's
 *   inputs feed no other cell of that week (a count, a ratio and each percentile are
 *   computed separately from the summaries).
 * - The range row is a function of the shown week cells alone (range-stats.ts). So the
 *   whole output — for any range and any k — is a function of cells that are themselves
 *   shown: comparing two outputs can only ever yield shown weekly values. (An earlier
 *   version pooled the raw values of the weeks; comparing range medians at k and k + 1
 *   then recovered a week's hidden 90th percentile. The property test now tries that.)
 * - A week below k feeds nothing and cannot move the range's open ends (they follow the
 *   weeks with k or more; only when no week has k do they follow weeks with any summary,
 *   and then every figure is hidden).
 * - No output carries a key, a file name, a time of receipt, a file count or any single
 *   summary: only the figures above, the weeks and k.
 * What the rules do not promise: a median is an order statistic and may equal some
 *   person's value, as rule 2 accepts. And the rules trust the folder: whoever can write
 *   fake summaries into it can lift a small week over k and read the rest by difference
 *   (the files carry no signature).
 */
import { keepNewestPerKey, type TeamInput } from './dedupe-summaries.js';
import { effectiveMinGroupSize } from './disclosure.js';
import { isoWeekFromIndex, isoWeekIndex } from './iso-week.js';
import { rangeStats } from './range-stats.js';
import type { TeamStats } from './team-stats-schema.js';
import { weekCell } from './week-cells.js';
import { resolveWeekSpan } from './week-range.js';
import type { WeeklySummary } from './weekly-summary.js';

export { MIN_GROUP_SIZE, TeamStatsSchema, type TeamStats } from './team-stats-schema.js';
export type { TeamInput } from './dedupe-summaries.js';

export interface AggregateOptions {
  /** The lead's k; below MIN_GROUP_SIZE it is raised to it. */
  minGroupSize: number;
  /** First week to list, inclusive; left out, the first week with k contributors. */
  fromWeek?: string;
  /** Last week to list, inclusive; left out, the last week with k contributors. */
  toWeek?: string;
}

/**
 * The team's figures per ISO week (oldest first) and over the range, under the rules
 * above. `inputs` are summaries that passed parseWeeklySummary, each with its file's
 * modification time; duplicates (same week and key) keep the newest. Linear in the
 * inputs apart from sorting each week's values. Throws RangeError for a k that is not a
 * number or for a bad fromWeek/toWeek (see resolveWeekSpan).
 */
export function aggregateTeam(inputs: readonly TeamInput[], options: AggregateOptions): TeamStats {
  const k = effectiveMinGroupSize(options.minGroupSize);
  const byWeek = new Map<number, WeeklySummary[]>();
  for (const summary of keepNewestPerKey(inputs)) {
    const index = isoWeekIndex(summary.week);
    const list = byWeek.get(index);
    if (list === undefined) byWeek.set(index, [summary]);
    else list.push(summary);
  }
  const counts = new Map([...byWeek].map(([index, list]) => [index, list.length]));
  const span = resolveWeekSpan(counts, k, options.fromWeek, options.toWeek);
  const weeks = [];
  if (span !== null) {
    for (let index = span.fromIndex; index <= span.toIndex; index += 1) weeks.push(weekCell(isoWeekFromIndex(index), byWeek.get(index) ?? [], k));
  }
  return { minGroupSize: k, weeks, range: rangeStats(weeks) };
}
