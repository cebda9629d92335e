import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../../shared/contract-errors.js';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../../../shared/notices.js';
import { capsRecord } from '../../../../../shared/limits/limit-records.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import { parseWeeklySummary } from '../../../../../shared/team-stats/weekly-summary.js';
import { sharingStateFile } from '../../../../../electron/services/team-sharing/sharing-state-file.js';
import { createTeamSharingService } from '../../../../../electron/services/team-sharing/team-sharing-service.js';
import { exposureRecord } from '../../../shared/exposure/timeline.js';

const TIME_ZONE = 'America/Toronto';
/** Wednesday 2026-11-25 12:00 in Toronto: week 2026-W48 is running, W47 is the last finished one. */
const NOW_MS = Date.parse('2026-11-25T17:00:00Z');
/** Tuesday 2026-11-17 10:00 Toronto, inside W47: 2 h 7 min of exposure. */
const W47_START_MS = Date.parse('2026-11-17T15:00:00Z');

let dataDir: string;
let shareDir: string;
let settings: Settings;
let nowMs: number;
let stamp = 0;
let notices: Notice[] = [];

beforeEach(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'veil-sharing-'));
  dataDir = path.join(root, 'data');
  shareDir = path.join(root, 'team-share');
  await mkdir(dataDir);
  await mkdir(shareDir);
  settings = DEFAULT_SETTINGS;
  nowMs = NOW_MS;
  notices = [];
});

afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

let records: LedgerRecord[] = [exposureRecord(W47_START_MS, W47_START_MS + (2 * 60 + 7) * 60_000)];

function service() {
  return createTeamSharingService({
    dataDir,
    settings: () => settings,
    readDays: async () => records,
    nowMs: () => nowMs,
    timeZone: TIME_ZONE,
    stateFile: sharingStateFile(dataDir, () => `t${(stamp += 1)}`),
    log: () => undefined,
    notify: (notice) => notices.push(notice),
  });
}

const sharingOn = (folder: string, automatic = true): Settings => ({ ...DEFAULT_SETTINGS, teamSharing: { enabled: true, folder, automatic } });

describe("the investigator's weekly export", () => {
  it('previews the last finished week exactly as it would be written, with sharing still off', async () => {
    const preview = await service().preview();
    expect(preview.week).toBe('2026-W47');
    expect(preview.summary).toMatchObject({ week: '2026-W47', exposureMin: 120, capSet: false });
    expect(preview.fileName).toBe(`veil-week-2026-W47-${preview.summary.key.slice(0, 12)}.json`);
    expect(JSON.parse(preview.json)).toEqual(preview.summary);
    expect(preview.weeks).toHaveLength(13);
    expect(preview.weeks.slice(0, 2)).toEqual(['2026-W47', '2026-W46']);
    expect(await readdir(shareDir)).toEqual([]);
  });

  it('says a cap was set only for weeks the ledger shows one in force, not because one is set today', async () => {
    const exposureCap = { ...DEFAULT_SETTINGS.limits, caps: { ...DEFAULT_SETTINGS.limits.caps, exposure: { dayMin: 240, weekMin: null } } };
    settings = { ...DEFAULT_SETTINGS, limits: exposureCap };
    const w47 = records;
    // No cap in W47 (Veil started on its Tuesday with none); the cap was set today, in W48.
    records = [capsRecord(W47_START_MS - 60_000, DEFAULT_SETTINGS.limits), ...w47, capsRecord(NOW_MS - 60_000, exposureCap)];
    expect((await service().preview('2026-W47')).summary.capSet).toBe(false);
    // Set before W47 began (recorded at a start the Sunday before): in force all week.
    records = [capsRecord(Date.parse('2026-11-15T20:00:00Z'), exposureCap), ...w47];
    expect((await service().preview('2026-W47')).summary.capSet).toBe(true);
    records = w47;
  });

  it('refuses a week that has not finished', async () => {
    await expect(service().preview('2026-W48')).rejects.toThrow(/has not finished/);
  });

  it('refuses to export while sharing is off', async () => {
    await expect(service().exportNow()).rejects.toBeInstanceOf(VeilRequestError);
    expect(await readdir(shareDir)).toEqual([]);
  });

  it('writes byte for byte what the preview showed, and remembers the week across restarts', async () => {
    settings = sharingOn(shareDir, false);
    const preview = await service().preview();
    const exported = await service().exportNow();
    expect(exported).toMatchObject({ week: '2026-W47', fileName: preview.fileName, status: { lastExportedWeek: '2026-W47', lastFailure: null } });
    expect(await readFile(path.join(shareDir, preview.fileName), 'utf8')).toBe(preview.json);
    expect(parseWeeklySummary(JSON.parse(preview.json)).ok).toBe(true);
    expect(await service().status()).toEqual({ lastExportedWeek: '2026-W47', lastFailure: null });
  });

  it('says why an export failed and keeps the failure until one succeeds', async () => {
    settings = sharingOn(path.join(shareDir, 'not-connected'));
    const sharing = service();
    await expect(sharing.exportNow()).rejects.toThrow(/not there/);
    expect(await sharing.status()).toMatchObject({ lastExportedWeek: null, lastFailure: { week: '2026-W47', code: 'folder-missing' } });
    settings = sharingOn(shareDir);
    await sharing.exportNow();
    expect(await sharing.status()).toEqual({ lastExportedWeek: '2026-W47', lastFailure: null });
  });

  it('exports each finished week once, automatically, catching up after days off', async () => {
    settings = sharingOn(shareDir);
    const sharing = service();
    await sharing.exportDue();
    await sharing.exportDue();
    expect(await readdir(shareDir)).toHaveLength(1);
    nowMs += 14 * 24 * 3600_000;
    await sharing.exportDue();
    const files = (await readdir(shareDir)).sort();
    expect(files.map((name) => name.slice(0, 'veil-week-2026-W47'.length))).toEqual(['veil-week-2026-W47', 'veil-week-2026-W48', 'veil-week-2026-W49']);
    expect(await sharing.status()).toMatchObject({ lastExportedWeek: '2026-W49' });
    // The folder's listing says nothing about when (or together with what) a file was written.
    const times = await Promise.all(files.map(async (name) => (await stat(path.join(shareDir, name))).mtime.toISOString()));
    expect(times).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
  });

  it('recovers from a clock that ran years ahead: the next export is due again once the clock is right', async () => {
    settings = sharingOn(shareDir);
    const sharing = service();
    const realNowMs = nowMs;
    nowMs = Date.parse('2036-01-08T17:00:00Z');
    await sharing.exportDue();
    expect(await sharing.status()).toMatchObject({ lastExportedWeek: '2036-W01' });
    nowMs = realNowMs;
    await sharing.exportDue();
    expect(await sharing.status()).toMatchObject({ lastExportedWeek: '2026-W47' });
    expect((await readdir(shareDir)).some((name) => name.startsWith('veil-week-2026-W47-'))).toBe(true);
  });

  it('reads the ledger days of the week asked for, a day either side', async () => {
    const asked: string[][] = [];
    const sharing = createTeamSharingService({
      dataDir,
      settings: () => settings,
      readDays: async (from, to) => {
        asked.push([from, to]);
        return records;
      },
      nowMs: () => nowMs,
      timeZone: TIME_ZONE,
      stateFile: sharingStateFile(dataDir, () => `t${(stamp += 1)}`),
      log: () => undefined,
      notify: () => undefined,
    });
    await sharing.preview('2026-W47');
    expect(asked[0]).toEqual(['2026-11-15', '2026-11-24']);
  });

  it('exports nothing automatically when the investigator chose exports by hand', async () => {
    settings = sharingOn(shareDir, false);
    await service().exportDue();
    expect(await readdir(shareDir)).toEqual([]);
  });

  it('gives the same week the same key after a restart, and different weeks unrelated keys', async () => {
    const first = await service().preview('2026-W47');
    const again = await service().preview('2026-W47');
    const other = await service().preview('2026-W46');
    expect(again.summary.key).toBe(first.summary.key);
    expect(other.summary.key).not.toBe(first.summary.key);
  });

  it('tells the investigator when a damaged secret was replaced, keeping the old file', async () => {
    await writeFile(path.join(dataDir, 'team-share.key'), 'too short');
    const before = await service().preview('2026-W47');
    expect(notices).toEqual([{ code: 'team-share-key-reset', detail: expect.any(String), keptAs: expect.stringContaining('team-share.key') }]);
    expect(await readFile(path.join(dataDir, notices[0]?.keptAs ?? ''), 'utf8')).toBe('too short');
    expect((await service().preview('2026-W47')).summary.key).toBe(before.summary.key);
    expect(notices).toHaveLength(1);
  });
});
