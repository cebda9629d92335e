import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { RequestArgs } from '../../../shared/contract.js';
import { aggregateTeam } from '../../../shared/team-stats/aggregate-team.js';
import type { TeamStatsResult } from '../../../shared/team-sharing/team-sharing-contract.js';
import { ExportFolderError, readExportFolder } from '../team-stats/read-export-folder.js';
import { reasonOf, type Reason } from '../../../shared/reasons/reason.js';
import { isoWeekIndex } from '../../../shared/team-stats/iso-week.js';
import { MAX_RANGE_WEEKS } from '../../../shared/team-stats/week-range.js';

/** What the lead is told about a week range the aggregation refused (the contract checked each week exists). */
function rangeReason(args: RequestArgs['loadTeamStats']): Reason {
  if (args.fromWeek === undefined || args.toWeek === undefined) return reasonOf('invalid-request', {});
  const from = isoWeekIndex(args.fromWeek);
  const to = isoWeekIndex(args.toWeek);
  if (from > to) return reasonOf('week-range-reversed', {});
  return to - from + 1 > MAX_RANGE_WEEKS ? reasonOf('week-range-too-long', { maxWeeks: MAX_RANGE_WEEKS }) : reasonOf('invalid-request', {});
}

/**
 * The wellness lead's view of a folder of weekly exports: every file validated (bad ones
 * listed with why, the rest aggregated), then the one aggregation the team-stats command
 * also uses. Only aggregates and rejected file names leave here, never a summary.
 */
export async function loadTeamStats(args: RequestArgs['loadTeamStats']): Promise<TeamStatsResult> {
  let reading;
  try {
    reading = await readExportFolder(args.folderPath);
  } catch (error) {
    if (error instanceof ExportFolderError) throw VeilRequestError.because(error.reason);
    throw error;
  }
  try {
    const stats = aggregateTeam(reading.inputs, { minGroupSize: args.minGroupSize, fromWeek: args.fromWeek, toWeek: args.toWeek });
    return { stats, rejected: reading.rejected };
  } catch (error) {
    // A range longer than the aggregation allows; the arguments were otherwise checked by the contract.
    if (error instanceof RangeError) throw new VeilRequestError('invalid-arguments', error.message, rangeReason(args));
    throw error;
  }
}
