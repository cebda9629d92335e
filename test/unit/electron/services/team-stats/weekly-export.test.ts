import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeekBounds } from '../../../../../shared/team-stats/iso-week.js';
import { parseWeeklySummary, WEEKLY_SUMMARY_FIELDS, type WeeklySummary } from '../../../../../shared/team-stats/weekly-summary.js';
import { readExportFolder } from '../../../../../electron/services/team-stats/read-export-folder.js';
import {
  dueWeeks,
  exportWeeks,
  MAX_CATCH_UP_WEEKS,
  nodeExportWriteFs,
  renderWeeklyExport,
  WeeklyExportError,
  writeWeeklyExport,
  type ExportWriteFs,
} from '../../../../../electron/services/team-stats/weekly-export.js';
import { summaryWith } from './synthetic-summaries.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'veil-team-export-'));
});
afterEach(() => {
  chmodSync(folder, 0o755);
  rmSync(folder, { recursive: true, force: true });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const isRoot = process.getuid?.() === 0;
const isWindows = process.platform === 'win32';
const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeWeeklyExport', () => {
  it('writes veil-week-<week>-<12 hex of key>.json as pretty JSON that validates and reads back', async () => {
    const summary = summaryWith({ week: '2026-W10' });
    const written = await writeWeeklyExport(folder, summary);
    expect(written.fileName).toBe(`veil-week-2026-W10-${summary.key.slice(0, 12)}.json`);
    expect(readdirSync(folder)).toEqual([written.fileName]);
    const text = readFileSync(written.filePath, 'utf8');
    expect(text).toContain('\n  "exposureMin": ');
    expect(text.endsWith('}\n')).toBe(true);
    expect(written.sizeBytes).toBe(Buffer.byteLength(text));
    expect(parseWeeklySummary(JSON.parse(text))).toEqual({ ok: true, summary });
    // Only the documented fields, in documented order.
    expect(Object.keys(JSON.parse(text))).toEqual(WEEKLY_SUMMARY_FIELDS);
    expect((await readExportFolder(folder)).inputs.map((input) => input.summary)).toEqual([summary]);
  });

  it('writes a file that validates against the published JSON Schema (docs/team-stats)', async () => {
    const schema: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'team-stats', 'weekly-summary.v1.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema as object);
    for (const person of [0, 1, 2]) {
      const { filePath } = await writeWeeklyExport(folder, summaryWith({ week: '2026-W01' }, person));
      const shared: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
      expect(validate(shared), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('puts nothing about the person or machine in the file name or the file', async () => {
    const { fileName, filePath } = await writeWeeklyExport(folder, summaryWith());
    const shared = `${fileName}\n${readFileSync(filePath, 'utf8')}`;
    const { username, homedir } = os.userInfo();
    // Names short enough or hex-like enough to occur in a key by chance cannot be checked this way.
    const checkable = [os.hostname(), username, homedir, folder].filter((name) => name.length >= 4 && !/^[0-9a-f]+$/.test(name));
    for (const identifying of checkable) expect(shared).not.toContain(identifying);
  });

  it('replaces the same file when a week is exported again, leaving no temp file', async () => {
    const first = await writeWeeklyExport(folder, summaryWith({ exposureMin: 600 }));
    const again = await writeWeeklyExport(folder, summaryWith({ exposureMin: 615 }));
    expect(again.fileName).toBe(first.fileName);
    expect(readdirSync(folder)).toEqual([first.fileName]);
    expect(JSON.parse(readFileSync(again.filePath, 'utf8'))).toMatchObject({ exposureMin: 615 });
  });

  it('refuses a summary with anything beyond the documented fields, writing nothing', async () => {
    const withName = { ...summaryWith(), userName: 'jdoe' };
    await expect(writeWeeklyExport(folder, withName)).rejects.toMatchObject({ code: 'invalid-summary' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('previews byte for byte what an export writes', async () => {
    const summary = summaryWith();
    const preview = renderWeeklyExport(summary);
    const written = await writeWeeklyExport(folder, summary);
    expect(written.fileName).toBe(preview.fileName);
    expect(readFileSync(written.filePath, 'utf8')).toBe(preview.json);
  });

  it('reports a missing folder (a disconnected share) without creating it', async () => {
    const missing = path.join(folder, 'share-not-mounted');
    const failure = writeWeeklyExport(missing, summaryWith());
    await expect(failure).rejects.toBeInstanceOf(WeeklyExportError);
    await expect(failure).rejects.toMatchObject({ code: 'folder-missing', message: expect.stringMatching(/is the network share connected/) });
    expect(existsSync(missing)).toBe(false);
  });

  it('reports a file where the folder should be', async () => {
    writeFileSync(path.join(folder, 'plain'), 'x');
    await expect(writeWeeklyExport(path.join(folder, 'plain'), summaryWith())).rejects.toMatchObject({ code: 'not-a-folder' });
  });

  it.skipIf(isRoot || isWindows)('reports a folder it may not write into (chmod 555; runs only as a normal user)', async () => {
    chmodSync(folder, 0o555);
    await expect(writeWeeklyExport(folder, summaryWith())).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it.each([
    ['EROFS', 'read-only', /read-only drive or share/],
    ['EACCES', 'permission-denied', /permission denied/],
    ['ENOSPC', 'disk-full', /is full/],
    ['EIO', 'write-failed', /failed \(EIO\)/],
  ])('reports %s from the share as %s, leaving the earlier export untouched (simulated)', async (errnoCode, code, message) => {
    const earlier = await writeWeeklyExport(folder, summaryWith({ exposureMin: 600 }));
    const failingFs: ExportWriteFs = { ...nodeExportWriteFs, rename: () => Promise.reject(errno(errnoCode)) };
    await expect(writeWeeklyExport(folder, summaryWith({ exposureMin: 615 }), failingFs)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(readdirSync(folder)).toEqual([earlier.fileName]);
    expect(JSON.parse(readFileSync(earlier.filePath, 'utf8'))).toMatchObject({ exposureMin: 600 });
  });
});

describe('dueWeeks', () => {
  const zone = 'America/Toronto';
  const HOUR_MS = 3_600_000;
  // 2026-W10 is Monday 2 March to Sunday 8 March 2026.
  const w10 = isoWeekBounds('2026-W10', zone);

  it('never gives the current week: late Sunday in Toronto (already Monday in UTC) is still in it', () => {
    expect(dueWeeks('2026-W09', w10.endMs - HOUR_MS, zone)).toEqual([]);
    expect(dueWeeks('2026-W09', w10.endMs, zone)).toEqual(['2026-W10']);
  });

  it('gives only the last finished week when nothing was exported yet (or the record of it is unreadable)', () => {
    expect(dueWeeks(null, w10.endMs + 50 * HOUR_MS, zone)).toEqual(['2026-W10']);
    expect(dueWeeks('garbage', w10.endMs + 50 * HOUR_MS, zone)).toEqual(['2026-W10']);
  });

  it('gives nothing when the last finished week is already exported, or the clock went back', () => {
    expect(dueWeeks('2026-W10', w10.endMs + 100 * HOUR_MS, zone)).toEqual([]);
    expect(dueWeeks('2026-W12', w10.endMs + 100 * HOUR_MS, zone)).toEqual([]);
  });

  it(`catches up the missed weeks in order, at most ${MAX_CATCH_UP_WEEKS} (the most recent), after the machine was off`, () => {
    const afterW12 = isoWeekBounds('2026-W12', zone).endMs + HOUR_MS;
    expect(dueWeeks('2026-W10', afterW12, zone)).toEqual(['2026-W11', '2026-W12']);
    expect(dueWeeks('2025-W40', afterW12, zone)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12']);
  });

  it('crosses a year end with a 53-week year', () => {
    const afterW01 = isoWeekBounds('2027-W01', zone).endMs;
    expect(dueWeeks('2026-W51', afterW01, zone)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });
});

describe('exportWeeks', () => {
  const summaryFor = (week: string): WeeklySummary => summaryWith({ week });

  it('exports every week in order', async () => {
    const result = await exportWeeks(folder, ['2026-W09', '2026-W10'], summaryFor);
    expect(result.failure).toBeNull();
    expect(result.exported.map((entry) => entry.week)).toEqual(['2026-W09', '2026-W10']);
    expect(readdirSync(folder).sort()).toEqual(result.exported.map((entry) => entry.fileName).sort());
  });

  it('stops at the first failure and says which week, so the rest stay due and nothing is lost', async () => {
    let renames = 0;
    const failingSecondTime: ExportWriteFs = {
      ...nodeExportWriteFs,
      rename: (from, to) => (++renames === 2 ? Promise.reject(errno('EROFS')) : nodeExportWriteFs.rename(from, to)),
    };
    const result = await exportWeeks(folder, ['2026-W08', '2026-W09', '2026-W10'], summaryFor, failingSecondTime);
    expect(result.exported.map((entry) => entry.week)).toEqual(['2026-W08']);
    expect(result.failure?.week).toBe('2026-W09');
    expect(result.failure?.error.code).toBe('read-only');
    expect(readdirSync(folder)).toEqual([result.exported[0]?.fileName]);
  });

  it('reports a summary that could not be built as a failure of that week', async () => {
    const result = await exportWeeks(folder, ['2026-W09', '2026-W10'], (week) => {
      if (week === '2026-W10') throw new Error('ledger unreadable');
      return summaryFor(week);
    });
    expect(result.exported).toHaveLength(1);
    expect(result.failure).toMatchObject({
      week: '2026-W10',
      error: { code: 'write-failed', message: expect.stringMatching(/summary of 2026-W10 could not be made/) },
    });
  });
});
