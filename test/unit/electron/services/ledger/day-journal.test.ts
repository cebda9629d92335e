import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactRecords } from '../../../../../shared/exposure/compact.js';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../../../shared/notices.js';
import { JournalAppendError, openDayJournal, type DayJournal } from '../../../../../electron/services/ledger/day-journal.js';
import { decodeJournal, encodeRecords } from '../../../../../electron/services/ledger/journal-codec.js';
import { exposure, exposureRun, makeTempDir, reveal, utcMs } from './ledger-test-records.js';

// Toronto is UTC-4 after the DST change of 2025-03-09: local midnight of the 10th is 04:00Z.
const TIME_ZONE = 'America/Toronto';
const NOW_MS = utcMs('2025-03-10T16:00:00');

let dataDir = '';
let ledgerDir = '';
let remove: () => Promise<void> = async () => undefined;
let notices: Notice[] = [];
let errors: unknown[] = [];
let journal: DayJournal | null = null;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  ledgerDir = join(dataDir, 'ledger');
  notices = [];
  errors = [];
});
afterEach(async () => {
  await journal?.close();
  journal = null;
  await remove();
});

async function open(nowMs = NOW_MS): Promise<DayJournal> {
  await journal?.close();
  journal = await openDayJournal({
    dataDir,
    timeZone: TIME_ZONE,
    nowMs: () => nowMs,
    onNotice: (notice) => notices.push(notice),
    onError: (error) => errors.push(error),
  });
  return journal;
}

async function recordsOnDisk(dayKey: string): Promise<LedgerRecord[]> {
  const decoded = decodeJournal(await readFile(join(ledgerDir, `${dayKey}.jsonl`)));
  expect(decoded.tornTail).toBeNull();
  expect(decoded.corruptLineNumbers).toEqual([]);
  return decoded.records;
}

async function writeDay(dayKey: string, content: Uint8Array | string): Promise<void> {
  await mkdir(ledgerDir, { recursive: true });
  await writeFile(join(ledgerDir, `${dayKey}.jsonl`), content);
}

describe('appending', () => {
  it('writes each record to the file of its local day, splitting one that crosses local midnight', async () => {
    const journal = await open();
    const evening = exposure(utcMs('2025-03-10T03:00:00'), utcMs('2025-03-10T03:30:00'));
    const acrossMidnight = exposure(utcMs('2025-03-10T03:30:00'), utcMs('2025-03-10T04:30:00'), { audio: true });
    await journal.append([evening, acrossMidnight, reveal(utcMs('2025-03-10T04:40:00'))]);

    expect(await recordsOnDisk('2025-03-09')).toEqual([evening, { ...acrossMidnight, endMs: utcMs('2025-03-10T04:00:00') }]);
    expect(await recordsOnDisk('2025-03-10')).toEqual([{ ...acrossMidnight, startMs: utcMs('2025-03-10T04:00:00') }, reveal(utcMs('2025-03-10T04:40:00'))]);
  });

  it('only ever appends: a later batch follows the earlier one byte for byte', async () => {
    const journal = await open();
    const [first, second] = [exposureRun(NOW_MS, 3), exposureRun(NOW_MS + 30_000, 2)];
    await journal.append(first);
    const before = await readFile(join(ledgerDir, '2025-03-10.jsonl'));
    await journal.append(second);
    const after = await readFile(join(ledgerDir, '2025-03-10.jsonl'));
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(await recordsOnDisk('2025-03-10')).toEqual([...first, ...second]);
  });

  it('reports how many records were written when a later day cannot be', async () => {
    const journal = await open();
    // A folder where the next day's file should be: opening it for appending fails.
    await mkdir(join(ledgerDir, '2025-03-11.jsonl'));
    const today = exposureRun(NOW_MS, 2);
    const tomorrow = exposure(utcMs('2025-03-11T16:00:00'), utcMs('2025-03-11T16:00:10'));

    const failure = await journal.append([...today, tomorrow]).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(JournalAppendError);
    expect(failure).toMatchObject({ writtenCount: 2 });
    expect(await recordsOnDisk('2025-03-10')).toEqual(today);
  });
});

describe('start-up', () => {
  it('repairs a torn tail left by a crash before anything is appended after it', async () => {
    const records = exposureRun(NOW_MS, 3);
    const bytes = encodeRecords(records);
    await writeDay('2025-03-10', bytes.subarray(0, bytes.length - 5));

    const journal = await open();
    expect(notices.map((notice) => notice.code)).toEqual(['ledger-torn-record-dropped']);
    const more = exposure(NOW_MS + 40_000, NOW_MS + 50_000);
    await journal.append([more]);
    expect(await recordsOnDisk('2025-03-10')).toEqual([...records.slice(0, 2), more]);
  });

  it('opens even when a day file cannot be read, and says why', async () => {
    await mkdir(join(ledgerDir, '2025-03-10.jsonl'), { recursive: true });
    const journal = await open();
    expect(errors).toEqual([expect.objectContaining({ code: 'EISDIR' })]);
    await expect(journal.append(exposureRun(NOW_MS, 1))).rejects.toThrow(JournalAppendError);
  });

  it('removes temp files of an interrupted rewrite and keeps every side file', async () => {
    const kept = ['2025-03-01.corrupt-2025-03-02T00-00-00-000Z.jsonl', '2025-03-01.jsonl.torn-2025-03-02T00-00-00-000Z', 'notes.txt'];
    await mkdir(ledgerDir, { recursive: true });
    for (const name of [...kept, '2025-03-01.jsonl.tmp-2025-03-02T00-00-00-000Z', 'ledger-state.json.tmp-2025-03-02T00-00-00-000Z']) {
      await writeFile(join(ledgerDir, name), 'x');
    }
    await open();
    expect((await readdir(ledgerDir)).sort()).toEqual(kept.sort());
  });

  it('does not read days already closed and compacted, so start-up does not grow with history', async () => {
    await writeDay('2025-03-05', 'not a journal line\nnor this\n');
    await mkdir(ledgerDir, { recursive: true });
    await writeFile(join(ledgerDir, 'ledger-state.json'), JSON.stringify({ v: 1, compactedThroughDay: '2025-03-09' }));

    const journal = await open();
    expect(notices).toEqual([]);
    // Read when asked for: then it is found and kept aside.
    await journal.readDays('2025-03-05', '2025-03-05');
    expect(notices.map((notice) => notice.code)).toEqual(['ledger-file-kept-aside']);
  });
});

describe('reading', () => {
  it('returns the days of a range in order and reads no file outside it', async () => {
    const days = ['2025-03-06', '2025-03-07', '2025-03-08'];
    const byDay = days.map((day) => exposureRun(utcMs(`${day}T15:00:00`), 2));
    for (const [index, day] of days.entries()) await writeDay(day, encodeRecords(byDay[index]!));
    // Damaged files outside the range would be kept aside if they were read.
    await writeDay('2025-03-05', 'damaged\nfile\n');
    await writeDay('2025-03-09', 'damaged\nfile\n');
    await writeFile(join(ledgerDir, 'ledger-state.json'), JSON.stringify({ v: 1, compactedThroughDay: '2025-03-09' }));
    const journal = await open();

    expect(await journal.readDays('2025-03-06', '2025-03-08')).toEqual(byDay.flat());
    expect(await journal.readDays('2025-03-08', '2025-03-06')).toEqual([]);
    expect(notices).toEqual([]);
    expect(await readFile(join(ledgerDir, '2025-03-05.jsonl'), 'utf8')).toBe('damaged\nfile\n');
  });

  it('reads a long range from the folder listing, touching only the days present', async () => {
    await writeDay('2024-01-15', encodeRecords([exposure(utcMs('2024-01-15T15:00:00'), utcMs('2024-01-15T15:10:00'))]));
    const journal = await open();
    expect(await journal.readDays('2020-01-01', '2025-03-10')).toHaveLength(1);
  });

  it('refuses a range that is not made of day keys', async () => {
    const journal = await open();
    await expect(journal.readDays('2025-3-1', '2025-03-10')).rejects.toThrow(RangeError);
    await expect(journal.readDays('2025-02-30', '2025-03-10')).rejects.toThrow(RangeError);
  });
});

describe('retention and compaction', () => {
  it('removes only day files before the cutoff, never side files', async () => {
    for (const day of ['2025-01-01', '2025-02-01', '2025-03-01'])
      await writeDay(day, encodeRecords([exposure(utcMs(`${day}T15:00:00`), utcMs(`${day}T15:00:05`))]));
    await writeFile(join(ledgerDir, '2025-01-01.corrupt-2025-01-02T00-00-00-000Z.jsonl'), 'evidence');
    const journal = await open();

    expect(await journal.removeDaysBefore('2025-02-01')).toEqual(['2025-01-01']);
    expect((await readdir(ledgerDir)).sort()).toEqual(['2025-01-01.corrupt-2025-01-02T00-00-00-000Z.jsonl', '2025-02-01.jsonl', '2025-03-01.jsonl']);
  });

  it('compacts each closed day once, atomically, and never today', async () => {
    const yesterday = [
      ...exposureRun(utcMs('2025-03-09T15:00:00'), 1),
      ...Array.from({ length: 5 }, (_, index) => exposure(utcMs('2025-03-09T16:00:00') + index * 10_000, utcMs('2025-03-09T16:00:00') + (index + 1) * 10_000)),
    ];
    const today = Array.from({ length: 3 }, (_, index) => exposure(NOW_MS + index * 10_000, NOW_MS + (index + 1) * 10_000));
    await writeDay('2025-03-09', encodeRecords(yesterday));
    await writeDay('2025-03-10', encodeRecords(today));
    const journal = await open();

    expect(await journal.compactClosedDays('2025-03-10', compactRecords)).toEqual(['2025-03-09']);
    expect(await recordsOnDisk('2025-03-09')).toEqual([yesterday[0], exposure(utcMs('2025-03-09T16:00:00'), utcMs('2025-03-09T16:00:50'))]);
    expect(await recordsOnDisk('2025-03-10')).toEqual(today);
    const inode = (await stat(join(ledgerDir, '2025-03-09.jsonl'))).ino;

    expect(await journal.compactClosedDays('2025-03-10', compactRecords)).toEqual([]);
    expect((await stat(join(ledgerDir, '2025-03-09.jsonl'))).ino).toBe(inode);
    expect(JSON.parse(await readFile(join(ledgerDir, 'ledger-state.json'), 'utf8'))).toEqual({
      v: 1,
      compactedThroughDay: '2025-03-09',
      newestWrittenDay: null,
    });
  });

  it('compacts a closed day again if a late record is appended to it', async () => {
    const journal = await open();
    await journal.append([exposure(utcMs('2025-03-09T15:00:00'), utcMs('2025-03-09T15:00:10'))]);
    await journal.compactClosedDays('2025-03-10', compactRecords);
    await journal.append([exposure(utcMs('2025-03-09T15:00:10'), utcMs('2025-03-09T15:00:20'))]);

    expect(JSON.parse(await readFile(join(ledgerDir, 'ledger-state.json'), 'utf8'))).toEqual({
      v: 1,
      compactedThroughDay: '2025-03-08',
      newestWrittenDay: '2025-03-09',
    });
    expect(await journal.compactClosedDays('2025-03-10', compactRecords)).toEqual(['2025-03-09']);
    expect(await recordsOnDisk('2025-03-09')).toEqual([exposure(utcMs('2025-03-09T15:00:00'), utcMs('2025-03-09T15:00:20'))]);
  });
});
