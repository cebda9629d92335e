import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { addDaysToKey, createDayLocator, splitWith } from '../../../shared/exposure/day-boundaries.js';
import { recordStartMs, type LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../shared/notices.js';
import { loadDayFile } from './day-file-recovery.js';
import { createDayCache } from './day-cache.js';
import { dayKeysBetween } from './day-keys.js';
import { fileStamp, replaceFileAtomically, syncDirectory, writeAll } from '../platform/durable-write.js';
import { encodeRecords } from './journal-codec.js';
import { dayFileName, dayKeyOfFileName, isTempFileName, LEDGER_FOLDER_NAME } from './ledger-files.js';
import { readLedgerState, writeLedgerState, type LedgerState } from './ledger-state.js';

/**
 * The exposure ledger on disk: one JSON Lines file per local day, `<dataDir>/ledger/YYYY-MM-DD.jsonl`,
 * appended to and fdatasync'd, never rewritten except by recovery and compaction (both atomic).
 * Not safe for concurrent calls: the ledger runs every call through one queue.
 */
export interface DayJournal {
  readonly dirPath: string;
  /**
   * Appends records to the files of their local days (a record crossing midnight is split
   * there) and resolves once they are on disk (fdatasync). On failure it throws a
   * JournalAppendError saying how many of the given records were written in full.
   */
  append(records: readonly LedgerRecord[]): Promise<void>;
  /**
   * The records of one local day, in file order, after repairing the file if it needs it.
   * Served from memory when the day was read or written recently: every change to a day
   * file goes through this journal, so what it remembers is what the file holds.
   */
  readDay(dayKey: string): Promise<LedgerRecord[]>;
  /** The records of the days from `fromDayKey` to `toDayKey` (both included); reads no other file. */
  readDays(fromDayKey: string, toDayKey: string): Promise<LedgerRecord[]>;
  /** Day keys of the day files present, oldest first (from names only; nothing is read). */
  listDays(): Promise<string[]>;
  /**
   * The latest local day ever written to (kept in ledger-state.json), or the newest day
   * file present if that is later or the state was lost; null for an empty ledger.
   */
  newestWrittenDay(): Promise<string | null>;
  /** Removes the day files of days before `cutoffDayKey`; side files are kept. Returns the days removed. */
  removeDaysBefore(cutoffDayKey: string): Promise<string[]>;
  /**
   * Compacts, once, each day before `todayKey` not compacted yet, rewriting a file
   * atomically only when `compact` changes it. Returns the days rewritten.
   */
  compactClosedDays(todayKey: string, compact: (records: LedgerRecord[]) => LedgerRecord[]): Promise<string[]>;
  /** Closes the open file handle. The journal may be used again afterwards (it reopens). */
  close(): Promise<void>;
}

export class JournalAppendError extends Error {
  /** How many of the records passed to append() are durably written (a prefix of them). */
  readonly writtenCount: number;
  constructor(cause: unknown, writtenCount: number) {
    super(`ledger append failed after ${writtenCount} records: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JournalAppendError';
    this.writtenCount = writtenCount;
  }
}

export interface DayJournalOptions {
  dataDir: string;
  /** IANA time zone deciding which local day a record belongs to. */
  timeZone: string;
  /** Epoch ms; stamps the names of side files. */
  nowMs: () => number;
  /** Repairs made while loading or reading (torn tail dropped, file kept aside). */
  onNotice: (notice: Notice) => void;
  /** A day file could not be checked at start-up (unreadable); the journal opens anyway. */
  onError: (error: unknown) => void;
}

/** Day files read at once by readDays: enough to overlap I/O, few enough to leave the thread pool to others. */
const READ_CONCURRENCY = 4;

async function mapWithConcurrency<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

interface OpenDay {
  dayKey: string;
  handle: FileHandle;
  /** File length after the last good write: a failed write is cut back to it. */
  sizeBytes: number;
}

/** Records grouped by the day of their start, in order; a record crossing midnight counts as written when all its pieces are. */
function groupByDay(records: readonly LedgerRecord[], timeZone: string): { dayKey: string; pieces: LedgerRecord[]; completes: number }[] {
  const locate = createDayLocator(timeZone);
  const groups: { dayKey: string; pieces: LedgerRecord[]; completes: number }[] = [];
  for (const record of records) {
    const pieces = splitWith(record, locate);
    pieces.forEach((piece, index) => {
      const dayKey = locate(recordStartMs(piece)).key;
      let group = groups.at(-1);
      if (group?.dayKey !== dayKey) {
        group = { dayKey, pieces: [], completes: 0 };
        groups.push(group);
      }
      group.pieces.push(piece);
      if (index === pieces.length - 1) group.completes += 1;
    });
  }
  return groups;
}

/**
 * Opens the journal in `<dataDir>/ledger/`, creating it if needed. Start-up work: stray
 * temp files from an interrupted rewrite are removed, and every day file not known to
 * be closed and compacted (normally only today's) is checked and repaired.
 * Older days are checked when they are read or compacted, so start-up does not grow with history.
 */
export async function openDayJournal(options: DayJournalOptions): Promise<DayJournal> {
  const { timeZone, nowMs, onNotice, onError } = options;
  const dirPath = join(options.dataDir, LEDGER_FOLDER_NAME);
  const locate = createDayLocator(timeZone);
  await mkdir(dirPath, { recursive: true });
  let state: LedgerState = await readLedgerState(dirPath);
  let openDay: OpenDay | null = null;
  const cache = createDayCache();

  const names = await readdir(dirPath);
  await Promise.all(names.filter(isTempFileName).map((name) => rm(join(dirPath, name), { force: true })));

  const closeOpenDay = async (): Promise<void> => {
    const closing = openDay;
    openDay = null;
    await closing?.handle.close();
  };

  /** Reads (and repairs) a day file from disk, whatever is cached, and remembers what it holds. */
  const loadDay = async (dayKey: string): Promise<LedgerRecord[]> => {
    const loaded = await loadDayFile(dirPath, dayKey, nowMs());
    // A repair may have replaced the file under an open handle: reopen before the next append.
    if (loaded.notices.length > 0 && openDay?.dayKey === dayKey) await closeOpenDay();
    loaded.notices.forEach(onNotice);
    cache.remember(dayKey, loaded.records);
    return loaded.records;
  };

  const readDay = async (dayKey: string): Promise<LedgerRecord[]> => [...(cache.recall(dayKey) ?? (await loadDay(dayKey)))];

  const listDays = async (): Promise<string[]> =>
    (await readdir(dirPath))
      .map(dayKeyOfFileName)
      .filter((key) => key !== null)
      .sort();

  /** A closed day written to again (the clock went back, or a record came late) must be compacted again. */
  const reopenClosedDay = async (dayKey: string): Promise<void> => {
    if (state.compactedThroughDay === null || dayKey > state.compactedThroughDay) return;
    state = { ...state, compactedThroughDay: addDaysToKey(dayKey, -1) };
    await writeLedgerState(dirPath, state, nowMs());
  };

  const newestWrittenDay = async (): Promise<string | null> => {
    const newestFile = (await listDays()).at(-1) ?? null;
    const remembered = state.newestWrittenDay;
    if (remembered === null || (newestFile !== null && newestFile > remembered)) return newestFile;
    return remembered;
  };

  /** Written before the day's first record: the file's name alone would be lost if retention removed it. */
  const rememberWritten = async (dayKey: string): Promise<void> => {
    if (state.newestWrittenDay !== null && dayKey <= state.newestWrittenDay) return;
    state = { ...state, newestWrittenDay: dayKey };
    await writeLedgerState(dirPath, state, nowMs());
  };

  const openForAppend = async (dayKey: string): Promise<OpenDay> => {
    if (openDay?.dayKey === dayKey) return openDay;
    await closeOpenDay();
    await reopenClosedDay(dayKey);
    await rememberWritten(dayKey);
    // Never append after a torn line: check (and repair) the file on disk first. Once per day opened.
    await loadDay(dayKey);
    const handle = await open(join(dirPath, dayFileName(dayKey)), 'a');
    const { size } = await handle.stat();
    // A new file's name must survive a power cut too.
    if (size === 0) await syncDirectory(dirPath);
    openDay = { dayKey, handle, sizeBytes: size };
    return openDay;
  };

  const append = async (records: readonly LedgerRecord[]): Promise<void> => {
    let writtenCount = 0;
    for (const group of groupByDay(records, timeZone)) {
      let day: OpenDay | null = null;
      try {
        day = await openForAppend(group.dayKey);
        const bytes = encodeRecords(group.pieces);
        await writeAll(day.handle, bytes);
        await day.handle.datasync();
        day.sizeBytes += bytes.length;
        cache.appendTo(group.dayKey, group.pieces);
      } catch (error) {
        // Cut a half-written tail back off, so nothing but whole records follows; if even that fails, the next open repairs it.
        if (day !== null) await day.handle.truncate(day.sizeBytes).catch(() => undefined);
        await closeOpenDay().catch(() => undefined);
        throw new JournalAppendError(error, writtenCount);
      }
      writtenCount += group.completes;
    }
  };

  const readDays = async (fromDayKey: string, toDayKey: string): Promise<LedgerRecord[]> => {
    const days = dayKeysBetween(fromDayKey, toDayKey);
    // For a long range, one listing beats thousands of failed opens; only names are read.
    const present = days.length > 62 ? new Set(await listDays()) : null;
    const wanted = days.filter((dayKey) => present === null || present.has(dayKey));
    // A few files at a time: reads overlap in libuv's thread pool; days come back in order.
    const perDay = await mapWithConcurrency(wanted, READ_CONCURRENCY, readDay);
    return perDay.flat();
  };

  const removeDaysBefore = async (cutoffDayKey: string): Promise<string[]> => {
    const removed = (await listDays()).filter((dayKey) => dayKey < cutoffDayKey);
    for (const dayKey of removed) {
      if (openDay?.dayKey === dayKey) await closeOpenDay();
      cache.forget(dayKey);
      await rm(join(dirPath, dayFileName(dayKey)), { force: true });
    }
    if (removed.length > 0) await syncDirectory(dirPath);
    return removed;
  };

  const compactClosedDays = async (todayKey: string, compact: (records: LedgerRecord[]) => LedgerRecord[]): Promise<string[]> => {
    const { compactedThroughDay } = state;
    const due = (await listDays()).filter((dayKey) => dayKey < todayKey && (compactedThroughDay === null || dayKey > compactedThroughDay));
    const rewritten: string[] = [];
    for (const dayKey of due) {
      if (openDay?.dayKey === dayKey) await closeOpenDay();
      try {
        const records = await loadDay(dayKey);
        const compactRecordsOfDay = compact(records);
        const compacted = encodeRecords(compactRecordsOfDay);
        if (Buffer.compare(compacted, encodeRecords(records)) !== 0) {
          cache.forget(dayKey);
          await replaceFileAtomically(dirPath, dayFileName(dayKey), fileStamp(nowMs()), compacted);
          cache.remember(dayKey, compactRecordsOfDay);
          rewritten.push(dayKey);
        }
      } catch (error) {
        // One unreadable day must not hold back the others; it stays as it is and fails again when read.
        onError(error);
      }
    }
    const yesterdayKey = addDaysToKey(todayKey, -1);
    if (compactedThroughDay === null || yesterdayKey > compactedThroughDay) {
      state = { ...state, compactedThroughDay: yesterdayKey };
      await writeLedgerState(dirPath, state, nowMs());
    }
    return rewritten;
  };

  // Start-up check of the files that may have been open when Veil last stopped. One file
  // that cannot be read must not stop exposure from being recorded at all.
  const todayKey = locate(nowMs()).key;
  for (const dayKey of await listDays()) {
    const closed = state.compactedThroughDay !== null && dayKey <= state.compactedThroughDay;
    if (!closed || dayKey === todayKey) await loadDay(dayKey).catch(onError);
  }

  return { dirPath, append, readDay, readDays, listDays, newestWrittenDay, removeDaysBefore, compactClosedDays, close: closeOpenDay };
}
