import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateTeam, TeamStatsSchema } from '../../../shared/team-stats/aggregate-team.js';
import { readExportFolder } from '../../../electron/services/team-stats/read-export-folder.js';
import { writeSyntheticExports } from '../electron/services/team-stats/synthetic-summaries.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(repoRoot, 'scripts', 'team-stats.ts');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-team-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `tsx scripts/team-stats.ts …args` as `npm run team-stats -- …args` would. */
function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function putBroken(): Promise<void> {
  await writeFile(path.join(dir, 'cut-off.json'), '{"format": "veil.weekly-summary", "version": 1,');
  await writeFile(path.join(dir, 'version-9.json'), JSON.stringify({ format: 'veil.weekly-summary', version: 9 }));
  await writeFile(path.join(dir, 'proto.json'), '{"__proto__": {"isAdmin": true}}');
}

describe('npm run team-stats', () => {
  it('prints a table per week and the range for 12 valid exports, and lists the 3 broken files with reasons', async () => {
    await writeSyntheticExports(dir, { people: 12, weeks: 2, lastWeek: '2026-W10' });
    await putBroken();
    const { code, stdout, stderr } = await runCli(dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Week\s+People\s+Exposure median\s+Exposure p90/m);
    expect(stdout).toMatch(/^2026-W09\s+12\s+\d+ h/m);
    expect(stdout).toMatch(/^2026-W10\s+12\s+\d+ h/m);
    // 12 people: the 90th percentile needs 10, so it is shown.
    expect(stdout).not.toContain('needs 10)');
    expect(stdout).toMatch(/^Range 2026-W09 to 2026-W10:$/m);
    expect(stdout).toMatch(/^ {2}Person-weeks\s+24$/m);
    expect(stdout).toContain('Rejected files (3)');
    expect(stdout).toMatch(/^ {2}cut-off\.json: malformed-json: The JSON ends too early/m);
    expect(stdout).toMatch(/^ {2}proto\.json: forbidden-key: /m);
    expect(stdout).toMatch(/^ {2}version-9\.json: wrong-version: The summary has version 9/m);
  });

  it('prints { stats, rejected } as JSON with --json, equal to what the app computes from the same folder', async () => {
    await writeSyntheticExports(dir, { people: 7, weeks: 3, lastWeek: '2026-W10' });
    await putBroken();
    const { code, stdout } = await runCli(dir, '--json', '--min-group', '6', '--from', '2026-W07', '--to', '2026-W10');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { stats: unknown; rejected: unknown };
    const reading = await readExportFolder(dir);
    expect(TeamStatsSchema.parse(printed.stats)).toEqual(aggregateTeam(reading.inputs, { minGroupSize: 6, fromWeek: '2026-W07', toWeek: '2026-W10' }));
    expect(printed.rejected).toEqual(reading.rejected);
    expect(printed.stats).toMatchObject({ minGroupSize: 6, range: { fromWeek: '2026-W07', toWeek: '2026-W10' } });
  });

  it('shows everything suppressed for a folder of 4 people', async () => {
    await writeSyntheticExports(dir, { people: 4, weeks: 1, lastWeek: '2026-W10' });
    const { code, stdout } = await runCli(dir);
    expect(code).toBe(0);
    const row = stdout.split('\n').find((line) => line.startsWith('2026-W10')) ?? '';
    expect(row.match(/suppressed \(fewer than 5\)/g)).toHaveLength(8);
    expect(stdout).not.toMatch(/\d+ (h|min)\b/);
    expect(stdout).not.toMatch(/\d+ %/);
  });

  it('raises k with --min-group: 5 people are then too few', async () => {
    await writeSyntheticExports(dir, { people: 5, weeks: 1, lastWeek: '2026-W10' });
    expect((await runCli(dir)).stdout).toMatch(/^2026-W10\s+5\s/m);
    expect((await runCli(dir, '--min-group', '6')).stdout).toMatch(/^2026-W10\s+suppressed \(fewer than 6\)/m);
  });

  it.each([
    [['--min-group', '3'], /may not be below 5/],
    [['--min-group', 'five'], /must be a whole number/],
    [['--from', '2026-W60'], /--from must be an ISO week/],
    [['--from', '2026-W10', '--to', '2026-W01'], /--from must not be after --to/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])('refuses %j with the usage on stderr and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(dir, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run team-stats -- DIR');
  });

  it('refuses a missing DIR with exit code 2, and a folder that is not there with a clear message and exit code 1', async () => {
    const none = await runCli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Give the folder of exports/);
    const missing = await runCli(path.join(dir, 'not-mounted'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`team-stats: The folder “${path.join(dir, 'not-mounted')}” does not exist (or the network share is not connected).\n`);
  });
});
