import { parseArgs } from 'node:util';
import { aggregateTeam, MIN_GROUP_SIZE } from '../../../shared/team-stats/aggregate-team.js';
import { isRealIsoWeek } from '../../../shared/team-stats/iso-week.js';
import { MAX_RANGE_WEEKS } from '../../../shared/team-stats/week-range.js';
import { ExportFolderError, readExportFolder } from './read-export-folder.js';
import { teamStatsReport } from './team-stats-report.js';

/**
 * `npm run team-stats -- DIR [--min-group N] [--json] [--from 2026-W01] [--to 2026-W10]`:
 * the team view's aggregates for leads who script their reports. Same reader, same
 * aggregation (shared/team-stats) as the app, so the two cannot disagree.
 */

const TEAM_STATS_USAGE = `Usage: npm run team-stats -- DIR [--min-group N] [--json] [--from YYYY-Www] [--to YYYY-Www]

Aggregates the Veil weekly summaries (*.json) directly in DIR, as the app's team view does.
  --min-group N   minimum group size k (default ${MIN_GROUP_SIZE}; may be raised, never below ${MIN_GROUP_SIZE})
  --from WEEK     first ISO week to list, e.g. 2026-W01 (default: the first week with k people)
  --to WEEK       last ISO week to list, e.g. 2026-W10 (default: the last week with k people)
  --json          print { stats, rejected } as JSON instead of tables
  -h, --help      show this help
Exit codes: 0 done (rejected files are listed, not an error), 1 folder missing or unreadable, 2 bad arguments.`;

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface TeamStatsArgs {
  dir: string;
  minGroupSize: number;
  json: boolean;
  fromWeek?: string;
  toWeek?: string;
}

/** The arguments, or the message saying what is wrong with them; null with --help. */
function parseTeamStatsArgs(argv: readonly string[]): { ok: true; args: TeamStatsArgs } | { ok: false; message: string } | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'min-group': { type: 'string' },
        json: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1 || positionals[0] === undefined || positionals[0] === '')
    return { ok: false, message: positionals.length === 0 ? 'Give the folder of exports (DIR).' : 'Give exactly one folder (DIR).' };
  let minGroupSize = MIN_GROUP_SIZE;
  if (values['min-group'] !== undefined) {
    const text = values['min-group'];
    if (!/^\d{1,6}$/.test(text)) return { ok: false, message: `--min-group must be a whole number (got "${text}").` };
    minGroupSize = Number(text);
    if (minGroupSize < MIN_GROUP_SIZE) return { ok: false, message: `--min-group may not be below ${MIN_GROUP_SIZE}: smaller groups could single people out.` };
  }
  for (const [name, week] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const) {
    if (week !== undefined && !isRealIsoWeek(week)) return { ok: false, message: `${name} must be an ISO week that exists, like 2026-W07 (got "${week}").` };
  }
  if (values.from !== undefined && values.to !== undefined) {
    if (values.from > values.to) return { ok: false, message: '--from must not be after --to.' };
  }
  const args: TeamStatsArgs = { dir: positionals[0], minGroupSize, json: values.json };
  if (values.from !== undefined) args.fromWeek = values.from;
  if (values.to !== undefined) args.toWeek = values.to;
  return { ok: true, args };
}

/** Runs the command; returns the exit code (0 done, 1 folder unusable, 2 bad arguments). */
export async function runTeamStatsCli(argv: readonly string[], out: CliOutput): Promise<number> {
  const parsed = parseTeamStatsArgs(argv);
  if (parsed === null) {
    out.stdout(`${TEAM_STATS_USAGE}\n`);
    return 0;
  }
  if (!parsed.ok) {
    out.stderr(`team-stats: ${parsed.message}\n\n${TEAM_STATS_USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  let reading;
  try {
    reading = await readExportFolder(args.dir);
  } catch (error) {
    if (error instanceof ExportFolderError) {
      out.stderr(`team-stats: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  let stats;
  try {
    stats = aggregateTeam(reading.inputs, { minGroupSize: args.minGroupSize, fromWeek: args.fromWeek, toWeek: args.toWeek });
  } catch (error) {
    // The arguments were checked above; what is left is a range over MAX_RANGE_WEEKS.
    if (!(error instanceof RangeError)) throw error;
    out.stderr(`team-stats: ${error.message} (at most ${MAX_RANGE_WEEKS} weeks).\n\n${TEAM_STATS_USAGE}\n`);
    return 2;
  }
  if (args.json) out.stdout(`${JSON.stringify({ stats, rejected: reading.rejected }, null, 2)}\n`);
  else out.stdout(`${teamStatsReport(stats, reading.rejected, args.dir).join('\n')}\n`);
  return 0;
}
