import { WEEKLY_SUMMARY_FIELDS, type WeeklySummary } from './weekly-summary.js';

/** A validated summary and when its file was last written (the file's modification time, epoch ms). */
export interface TeamInput {
  summary: WeeklySummary;
  receivedAtMs: number;
}

/** The summary's fields in file order, as one string: a tie-break that does not depend on input order. */
function canonical(summary: WeeklySummary): string {
  return JSON.stringify(summary, WEEKLY_SUMMARY_FIELDS);
}

function receivedAt(input: TeamInput): number {
  return Number.isFinite(input.receivedAtMs) ? input.receivedAtMs : -Infinity;
}

/** True when `a` should be kept over `b`: written later, or, written at the same time, the larger canonical form. */
function newer(a: TeamInput, b: TeamInput): boolean {
  const at = receivedAt(a);
  const bt = receivedAt(b);
  return at !== bt ? at > bt : canonical(a.summary) > canonical(b.summary);
}

/**
 * One summary per person-week: a re-export of a week has the same key, and the newest
 * file (by receivedAtMs) wins; at equal times the choice is by content, so the result does
 * not depend on the order files were listed. Identity is week and key together: a key is
 * derived from its week, so the same key under another week can only be a copied or
 * forged file, and it must not knock out the genuine one. Returned in no particular order.
 */
export function keepNewestPerKey(inputs: readonly TeamInput[]): WeeklySummary[] {
  const kept = new Map<string, TeamInput>();
  for (const input of inputs) {
    const id = `${input.summary.week}/${input.summary.key}`;
    const current = kept.get(id);
    if (current === undefined || newer(input, current)) kept.set(id, input);
  }
  return [...kept.values()].map((input) => input.summary);
}
