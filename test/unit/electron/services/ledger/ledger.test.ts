import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { sumTotals } from '../../../../../shared/exposure/totals.js';
import { JournalAppendError } from '../../../../../electron/services/ledger/day-journal.js';
import { decodeJournal, encodeRecords } from '../../../../../electron/services/ledger/journal-codec.js';
import { createLedger, type Ledger, type LedgerOptions } from '../../../../../electron/services/ledger/ledger.js';
import { exposure, exposureRun, makeTempDir, reveal, utcMs } from './ledger-test-records.js';

const TIME_ZONE = 'America/Toronto';
const FLUSH_MS = 10_000;
const HOUR_MS = 3_600_000;
/** How long a flush's real file I/O may take on a busy machine (the unit timeout is 30 s). */
const REAL_IO_MS = 20_000;

let dataDir = '';
let ledgerDir = '';
let remove: () => Promise<void> = async () => undefined;
let ledger: Ledger | null = null;
let durableBatches: LedgerRecord[][] = [];
let errors: unknown[] = [];

beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
  ledgerDir = join(dataDir, 'ledger');
  durableBatches = [];
  errors = [];
  // Only the clock and the ledger's interval timers are faked; the file system runs for real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(utcMs('2025-03-10T16:00:00'));
});

afterEach(async () => {
  await ledger?.close();
  ledger = null;
  vi.useRealTimers();
  await remove();
});

async function open(overrides: Partial<LedgerOptions> = {}): Promise<Ledger> {
  await ledger?.close();
  ledger = await createLedger({
    dataDir,
    timeZone: TIME_ZONE,
    nowMs: () => Date.now(),
    flushIntervalMs: FLUSH_MS,
    retentionDays: 400,
    warmDays: 0,
    onDurable: (records) => durableBatches.push([...records]),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return ledger;
}

async function recordsOnDisk(dayKey: string): Promise<LedgerRecord[]> {
  const path = join(ledgerDir, `${dayKey}.jsonl`);
  return existsSync(path) ? decodeJournal(await readFile(path)).records : [];
}

/** Resolves after the next flush completes (flushes run on real file I/O after a fake timer fires). */
function nextDurable(): Promise<LedgerRecord[]> {
  const seen = durableBatches.length;
  return vi.waitUntil(() => durableBatches[seen], { timeout: REAL_IO_MS, interval: 1 });
}

describe('flushing', () => {
  it('keeps added records in memory until the flush interval has passed, then writes them', async () => {
    const ledger = await open();
    const records = exposureRun(Date.now() - 30_000, 3);
    ledger.add(records);

    await vi.advanceTimersByTimeAsync(FLUSH_MS - 1);
    expect(await recordsOnDisk('2025-03-10')).toEqual([]);

    const flushed = nextDurable();
    await vi.advanceTimersByTimeAsync(1);
    expect(await flushed).toEqual(records);
    expect(await recordsOnDisk('2025-03-10')).toEqual(records);
  });

  it('flushes again every interval while records keep coming, without being asked', async () => {
    const ledger = await open();
    for (let flush = 0; flush < 3; flush += 1) {
      ledger.add([exposure(Date.now() - FLUSH_MS, Date.now(), { audio: flush % 2 === 0 })]);
      const flushed = nextDurable();
      await vi.advanceTimersByTimeAsync(FLUSH_MS);
      await flushed;
    }
    expect(durableBatches).toHaveLength(3);
    expect(await recordsOnDisk('2025-03-10')).toHaveLength(3);
  });

  it('does nothing on a tick with nothing buffered', async () => {
    await open();
    await vi.advanceTimersByTimeAsync(5 * FLUSH_MS);
    expect(durableBatches).toEqual([]);
    expect(existsSync(join(ledgerDir, '2025-03-10.jsonl'))).toBe(false);
  });

  it('flushNow writes at once (for quit, suspend, lock and window close)', async () => {
    const ledger = await open();
    const records = [reveal(Date.now() - 1_000), exposure(Date.now() - 1_000, Date.now(), { reveal: 'whole' })];
    ledger.add(records);
    await ledger.flushNow();
    expect(await recordsOnDisk('2025-03-10')).toEqual(records);
  });

  it('keeps records that could not be written and writes them, once, when the disk is back', async () => {
    const ledger = await open();
    await mkdir(join(ledgerDir, '2025-03-10.jsonl'));
    const records = exposureRun(Date.now() - 20_000, 2);
    ledger.add(records);
    await expect(ledger.flushNow()).rejects.toThrow(JournalAppendError);

    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    await vi.waitUntil(() => errors.length > 0, { timeout: REAL_IO_MS, interval: 1 });
    expect(errors[0]).toBeInstanceOf(JournalAppendError);

    await rmdir(join(ledgerDir, '2025-03-10.jsonl'));
    const later = exposure(Date.now() - 1_000, Date.now());
    ledger.add([later]);
    await ledger.flushNow();
    expect(await recordsOnDisk('2025-03-10')).toEqual([...records, later]);
  });

  it('refuses invalid records and leaves the buffer as it was', async () => {
    const ledger = await open();
    const valid = exposure(Date.now() - 1_000, Date.now());
    expect(() => ledger.add([valid, { ...valid, endMs: valid.startMs - 1 }])).toThrow(/endMs before startMs/);
    expect(() => ledger.add([{ ...valid, itemId: 'abc' } as LedgerRecord])).toThrow();
    await ledger.flushNow();
    expect(await recordsOnDisk('2025-03-10')).toEqual([]);
  });

  it('close() flushes what is buffered, and the next start-up finds it all', async () => {
    const first = await open();
    const records = exposureRun(Date.now() - 30_000, 3);
    first.add(records);
    await first.close();
    expect(() => first.add(records)).toThrow(/closed/);

    const second = await open();
    expect(await second.readDays('2025-03-10', '2025-03-10')).toEqual(records);
    expect(second.notices).toEqual([]);
  });
});

describe('reading', () => {
  it('includes records not yet flushed, exactly once before and after the flush', async () => {
    const ledger = await open();
    const flushed = exposureRun(Date.now() - 60_000, 2);
    const buffered = exposureRun(Date.now() - 40_000, 2);
    ledger.add(flushed);
    await ledger.flushNow();
    ledger.add(buffered);
    expect(await ledger.readDays('2025-03-10', '2025-03-10')).toEqual([...flushed, ...buffered]);
    await ledger.flushNow();
    expect(await ledger.readDays('2025-03-10', '2025-03-10')).toEqual([...flushed, ...buffered]);
  });

  it('splits a record crossing local midnight so each day holds its own time', async () => {
    vi.setSystemTime(utcMs('2025-03-10T04:10:00'));
    const ledger = await open();
    // 23:50 to 00:10, Toronto time (UTC-4).
    ledger.add([exposure(utcMs('2025-03-10T03:50:00'), utcMs('2025-03-10T04:10:00'))]);
    await ledger.flushNow();
    expect(await ledger.readDays('2025-03-09', '2025-03-09')).toEqual([exposure(utcMs('2025-03-10T03:50:00'), utcMs('2025-03-10T04:00:00'))]);
    expect(await ledger.readDays('2025-03-10', '2025-03-10')).toEqual([exposure(utcMs('2025-03-10T04:00:00'), utcMs('2025-03-10T04:10:00'))]);
  });

  it('tells listeners about a damaged old day found when it is read', async () => {
    const ledger = await open();
    await writeFile(join(ledgerDir, '2025-01-05.jsonl'), 'damaged\nlines\n');
    const heard = vi.fn();
    ledger.onNotice(heard);
    await ledger.readDays('2025-01-01', '2025-01-31');
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ code: 'ledger-file-kept-aside', keptAs: expect.stringMatching(/^2025-01-05\.corrupt-/) }));
    expect(ledger.notices).toHaveLength(1);
  });
});

describe('warming up', () => {
  it('reads the last weeks in the background after start-up, and nothing older', async () => {
    await mkdir(ledgerDir, { recursive: true });
    await writeFile(join(ledgerDir, '2025-01-20.jsonl'), 'damaged\nlines\n');
    await writeFile(join(ledgerDir, '2024-11-20.jsonl'), 'damaged\nlines\n');
    await writeFile(join(ledgerDir, 'ledger-state.json'), JSON.stringify({ v: 1, compactedThroughDay: '2025-03-09' }));

    const ledger = await open({ warmDays: 91 });
    await ledger.flushNow();

    expect(ledger.notices.map((notice) => notice.keptAs?.slice(0, 10))).toEqual(['2025-01-20']);
  });
});

describe('retention', () => {
  async function writeDay(dayKey: string): Promise<void> {
    await mkdir(ledgerDir, { recursive: true });
    await writeFile(join(ledgerDir, `${dayKey}.jsonl`), encodeRecords([exposure(utcMs(`${dayKey}T15:00:00`), utcMs(`${dayKey}T15:00:10`))]));
  }

  it('removes days older than the retention at start-up, keeping kept-aside files', async () => {
    for (const day of ['2025-03-01', '2025-03-07', '2025-03-08', '2025-03-09']) await writeDay(day);
    await writeFile(join(ledgerDir, '2025-03-01.corrupt-2025-03-02T00-00-00-000Z.jsonl'), 'evidence');
    await open({ retentionDays: 3 });
    expect((await readdir(ledgerDir)).filter((name) => name.endsWith('.jsonl')).sort()).toEqual([
      '2025-03-01.corrupt-2025-03-02T00-00-00-000Z.jsonl',
      '2025-03-08.jsonl',
      '2025-03-09.jsonl',
    ]);
  });

  it('removes old days on the daily schedule, never on add or flush', async () => {
    await writeDay('2025-03-08');
    const ledger = await open({ retentionDays: 3 });
    // Two days later the 8th is past retention, but no maintenance has run yet.
    vi.setSystemTime(utcMs('2025-03-12T16:00:00'));
    for (let write = 0; write < 5; write += 1) {
      ledger.add([exposure(Date.now() - 1_000 + write * 100, Date.now() - 900 + write * 100)]);
      await ledger.flushNow();
    }
    expect(existsSync(join(ledgerDir, '2025-03-08.jsonl'))).toBe(true);

    await vi.advanceTimersByTimeAsync(HOUR_MS);
    await ledger.flushNow();
    expect(existsSync(join(ledgerDir, '2025-03-08.jsonl'))).toBe(false);
    expect(existsSync(join(ledgerDir, '2025-03-12.jsonl'))).toBe(true);
  });

  it('applies a shorter retention setting at once', async () => {
    await writeDay('2025-03-01');
    await writeDay('2025-03-09');
    const ledger = await open({ retentionDays: 30 });
    expect(existsSync(join(ledgerDir, '2025-03-01.jsonl'))).toBe(true);
    await ledger.setRetentionDays(5);
    expect(existsSync(join(ledgerDir, '2025-03-01.jsonl'))).toBe(false);
    expect(existsSync(join(ledgerDir, '2025-03-09.jsonl'))).toBe(true);
    await expect(ledger.setRetentionDays(0)).rejects.toThrow(RangeError);
  });

  it('removes no history when the clock jumps years ahead, and says so once', async () => {
    for (const day of ['2024-03-01', '2024-12-01', '2025-03-09']) await writeDay(day);
    const first = await open({ retentionDays: 400 });
    first.add([exposure(Date.now() - 10_000, Date.now())]);
    await first.close();
    const days = ['2024-03-01.jsonl', '2024-12-01.jsonl', '2025-03-09.jsonl', '2025-03-10.jsonl'];

    vi.setSystemTime(utcMs('2028-07-01T16:00:00'));
    const heard = vi.fn();
    const jumped = await open({ retentionDays: 400, onError: (error) => errors.push(error) });
    jumped.onNotice(heard);
    expect((await readdir(ledgerDir)).filter((name) => name.endsWith('.jsonl')).sort()).toEqual(days);
    expect(jumped.notices).toEqual([{ code: 'ledger-retention-held', detail: expect.stringMatching(/2028-07-01.*2025-03-10.*4 day/), keptAs: null }]);
    // The hourly checks of the same wrong day neither remove anything nor repeat the notice.
    await vi.advanceTimersByTimeAsync(3 * HOUR_MS);
    await jumped.flushNow();
    expect(heard).not.toHaveBeenCalled();
    expect((await readdir(ledgerDir)).filter((name) => name.endsWith('.jsonl')).sort()).toEqual(days);
    expect(errors).toEqual([]);
  });

  it('measures retention from the newest day ever written, remembered even when its file is gone', async () => {
    await writeDay('2024-02-20');
    const first = await open({ retentionDays: 400 });
    first.add([exposure(Date.now() - 10_000, Date.now())]);
    await first.close();
    await rm(join(ledgerDir, '2025-03-10.jsonl'));

    vi.setSystemTime(utcMs('2030-01-01T16:00:00'));
    const jumped = await open({ retentionDays: 400 });
    // 2024-02-20 is within 400 days of 2025-03-10 (the newest day written), so it stays.
    expect(existsSync(join(ledgerDir, '2024-02-20.jsonl'))).toBe(true);
    expect(jumped.notices.map((notice) => notice.code)).toEqual(['ledger-retention-held']);
  });

  it('removes days as usual after a few weeks away', async () => {
    await writeDay('2025-01-01');
    await writeDay('2025-02-20');
    vi.setSystemTime(utcMs('2025-03-10T16:00:00'));
    const ledger = await open({ retentionDays: 30 });
    expect(existsSync(join(ledgerDir, '2025-01-01.jsonl'))).toBe(false);
    expect(existsSync(join(ledgerDir, '2025-02-20.jsonl'))).toBe(true);
    expect(ledger.notices).toEqual([]);
  });
});

describe('compaction', () => {
  /** A day as the flush writes it: touching 10-second records, class changes now and then, reveals. */
  function flushedDay(fromMs: number): LedgerRecord[] {
    const records: LedgerRecord[] = [];
    for (let index = 0; index < 120; index += 1) {
      const startMs = fromMs + index * 10_000;
      const phase = Math.floor(index / 20);
      if (index % 20 === 0 && phase % 2 === 1) records.push(reveal(startMs, 'spotlight'));
      records.push(exposure(startMs, startMs + 10_000, { reveal: phase % 2 === 1 ? 'spotlight' : 'none', audio: phase === 4 }));
    }
    // A pause, then grid-only time.
    records.push(exposure(fromMs + 1_500_000, fromMs + 1_600_000, { surface: 'grid' }));
    return records;
  }

  it('merges a closed day once the day is over, keeping every total', async () => {
    const ledger = await open();
    const day = flushedDay(utcMs('2025-03-10T14:00:00'));
    ledger.add(day);
    await ledger.flushNow();

    vi.setSystemTime(utcMs('2025-03-11T05:00:00'));
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    await ledger.flushNow();

    const compacted = await recordsOnDisk('2025-03-10');
    expect(compacted.length).toBeLessThan(day.length / 10);
    expect(sumTotals(compacted)).toEqual(sumTotals(day));
    expect(compacted.filter((record) => record.type === 'reveal')).toEqual(day.filter((record) => record.type === 'reveal'));
  });

  it('compacts at start-up a day left uncompacted when Veil stopped', async () => {
    const first = await open();
    const day = flushedDay(utcMs('2025-03-10T14:00:00'));
    first.add(day);
    await first.close();

    vi.setSystemTime(utcMs('2025-03-12T16:00:00'));
    const second = await open();
    const compacted = await second.readDays('2025-03-10', '2025-03-10');
    expect(compacted.length).toBeLessThan(day.length / 10);
    expect(sumTotals(compacted)).toEqual(sumTotals(day));
  });
});
