import type { WeeklySummary } from '../../../../shared/team-stats/weekly-summary.js';

/** A valid summary (fake figures), any field changed. */
export function summary(changes: Partial<WeeklySummary> = {}): WeeklySummary {
  return {
    format: 'veil.weekly-summary',
    version: 1,
    week: '2026-W07',
    key: 'a'.repeat(64),
    exposureMin: 600,
    unfilteredMin: 45,
    audioMin: 30,
    afterHoursMin: 15,
    reveals: 12,
    breaksDue: 20,
    breaksTaken: 14,
    naturalBreaks: 9,
    breaksPostponed: 3,
    breaksSkipped: 2,
    capSet: true,
    capsReached: 1,
    capOverrides: 0,
    ...changes,
  };
}

/** A 64-hex key made from a number, distinct for distinct numbers. */
export function keyOf(n: number): string {
  return n.toString(16).padStart(64, '0');
}
