/**
 * `npm run team-stats -- DIR [--min-group N] [--json] [--from 2026-W01] [--to 2026-W10]`:
 * prints the team aggregates of a folder of Veil weekly summaries, as the app's team view
 * shows them, and the files it rejected with reasons. See electron/services/team-stats/team-stats-cli.ts.
 */
import { runTeamStatsCli } from '../electron/services/team-stats/team-stats-cli.js';

runTeamStatsCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (exitCode) => {
    // exitCode, not exit(): a long report piped to another program is written out in full first.
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('team-stats failed:', error);
    process.exitCode = 1;
  },
);
