import { aggregateTeam } from '../../../shared/team-stats/aggregate-team.js';
import { isoWeekFromIndex, isoWeekIndex } from '../../../shared/team-stats/iso-week.js';
import { WEEKLY_SUMMARY_FORMAT, WEEKLY_SUMMARY_VERSION, type WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';
import type { TeamSharingStatus, TeamStatsResult, WeeklyExportPreview } from '../../../shared/team-sharing/team-sharing-contract.js';

/** A synthetic person's week: fake figures that vary by person and week, nothing from anyone real. */
function fakeSummary(person: number, week: string): WeeklySummary {
  const spread = ((person * 37 + isoWeekIndex(week) * 11) % 17) * 15;
  const exposureMin = 600 + spread;
  return {
    format: WEEKLY_SUMMARY_FORMAT,
    version: WEEKLY_SUMMARY_VERSION,
    week,
    key: (person * 100_000 + isoWeekIndex(week)).toString(16).padStart(64, '0'),
    exposureMin,
    unfilteredMin: 30 + (spread % 60),
    audioMin: 15,
    afterHoursMin: person % 3 === 0 ? 45 : 0,
    reveals: 10 + (person % 7),
    breaksDue: 24,
    breaksTaken: 16 + (person % 5),
    naturalBreaks: 4,
    breaksPostponed: 2,
    breaksSkipped: person % 4,
    capSet: person % 2 === 0,
    capsReached: person % 4 === 0 ? 1 : 0,
    capOverrides: 0,
  };
}

/** The team view's answer for `people` people over `weekCount` weeks ending at `lastWeek`, aggregated by the real code. */
export function fakeTeamStats(people: number, weekCount = 4, lastWeek = '2026-W47', minGroupSize = 5): TeamStatsResult {
  const last = isoWeekIndex(lastWeek);
  const inputs = [];
  for (let w = weekCount - 1; w >= 0; w -= 1) {
    for (let person = 0; person < people; person += 1) inputs.push({ summary: fakeSummary(person, isoWeekFromIndex(last - w)), receivedAtMs: 1 });
  }
  return { stats: aggregateTeam(inputs, { minGroupSize }), rejected: [] };
}

export function fakePreview(week = '2026-W47'): WeeklyExportPreview {
  const summary = fakeSummary(1, week);
  return {
    week,
    fileName: `veil-week-${week}-${summary.key.slice(0, 12)}.json`,
    json: `${JSON.stringify(summary, null, 2)}\n`,
    summary,
    weeks: [week, isoWeekFromIndex(isoWeekIndex(week) - 1), isoWeekFromIndex(isoWeekIndex(week) - 2)],
  };
}

export const NO_EXPORT_STATUS: TeamSharingStatus = { lastExportedWeek: null, lastFailure: null };
