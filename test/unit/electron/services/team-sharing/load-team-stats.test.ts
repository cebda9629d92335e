import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../../shared/contract-errors.js';
import { TeamStatsResultSchema } from '../../../../../shared/team-sharing/team-sharing-contract.js';
import { loadTeamStats } from '../../../../../electron/services/team-sharing/load-team-stats.js';
import { writeSyntheticExports } from '../team-stats/synthetic-summaries.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'veil-team-view-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the wellness lead's team view", () => {
  it('aggregates the valid exports and lists the broken ones with why, in a result the contract accepts', async () => {
    await writeSyntheticExports(folder, { people: 12, weeks: 2, lastWeek: '2026-W47' });
    await writeFile(path.join(folder, 'broken.json'), '{"format":');
    await writeFile(path.join(folder, 'old.json'), JSON.stringify({ format: 'veil.weekly-summary', version: 0 }));
    const result = await loadTeamStats({ folderPath: folder, minGroupSize: 5 });
    expect(TeamStatsResultSchema.parse(result)).toEqual(result);
    expect(Object.keys(result).sort()).toEqual(['rejected', 'stats']);
    expect(result.stats.weeks.map((week) => week.contributors)).toEqual([
      { shown: true, value: 12 },
      { shown: true, value: 12 },
    ]);
    expect(result.rejected.map(({ fileName, code }) => ({ fileName, code }))).toEqual([
      { fileName: 'broken.json', code: 'malformed-json' },
      { fileName: 'old.json', code: 'wrong-version' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('answers a folder that is not there with a request error the user can read', async () => {
    await expect(loadTeamStats({ folderPath: path.join(folder, 'nope'), minGroupSize: 5 })).rejects.toBeInstanceOf(VeilRequestError);
  });
});
