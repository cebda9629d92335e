import { compactRecords } from '../../../shared/exposure/compact.js';
import { addDaysToKey, createDayLocator, splitWith } from '../../../shared/exposure/day-boundaries.js';
import { LedgerRecordSchema, recordStartMs, type LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../shared/notices.js';
import { openDayJournal, JournalAppendError } from './day-journal.js';
import { planRetention } from './retention.js';
import { createSerialQueue } from './serial-queue.js';

type IntervalHandle = ReturnType<typeof setInterval>;

/** setInterval/clearInterval, injected so tests drive the ledger with fake timers. */
export interface LedgerSchedule {
  setInterval(callback: () => void, intervalMs: number): IntervalHandle;
  clearInterval(handle: IntervalHandle): void;
}

/** The real timers, looked up at call time (so vi.useFakeTimers also reaches them). */
export const systemSchedule: LedgerSchedule = {
  setInterval: (callback, intervalMs) => setInterval(callback, intervalMs),
  clearInterval: (handle) => clearInterval(handle),
};

export const DEFAULT_FLUSH_INTERVAL_MS = 10_000;
export const DEFAULT_WARM_DAYS = 91;
/** How often the ledger looks whether the day changed (then it removes old days and compacts). */
const DEFAULT_MAINTENANCE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

function checkedRetentionDays(days: number): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`retentionDays must be a whole number of days ≥ 1, got ${days}`);
  return days;
}

export interface LedgerOptions {
  dataDir: string;
  /** The user's IANA time zone: decides the local day (and file) of each record. */
  timeZone: string;
  /** The main side's clock, epoch ms. */
  nowMs: () => number;
  /** Buffered records are appended and synced at least this often (ms). */
  flushIntervalMs?: number;
  /** Days of history kept, today included (a setting; 400 by default). */
  retentionDays: number;
  schedule?: LedgerSchedule;
  maintenanceCheckIntervalMs?: number;
  /**
   * Days (today included) read into memory in the background right after start-up, so the
   * first "My exposure" is as quick as the next. 91 by default: the 12-week view plus the
   * rest of its first week. 0 reads nothing until asked.
   */
  warmDays?: number;
  /** Called after each successful flush with the records it made durable. */
  onDurable?: (records: readonly LedgerRecord[]) => void;
  /** A timed flush or maintenance failed (the records stay buffered and are retried). */
  onError?: (error: unknown) => void;
}

export interface Ledger {
  /**
   * Buffers records (validated; exposure records crossing local midnight are split there).
   * They reach the disk at the next flush. Throws on an invalid record or after close().
   */
  add(records: readonly LedgerRecord[]): void;
  /** Appends and syncs everything buffered; resolves after all work queued before it. For quit, suspend, lock, window close. */
  flushNow(): Promise<void>;
  /**
   * The records of the local days from `fromDayKey` to `toDayKey` ('YYYY-MM-DD', both
   * included), oldest day first, including records added but not yet flushed. Reads only
   * those days' files.
   */
  readDays(fromDayKey: string, toDayKey: string): Promise<LedgerRecord[]>;
  /** Everything the user must be told since start-up (start-up repairs first). */
  readonly notices: readonly Notice[];
  /** Notices raised after start-up (e.g. a damaged old day found when read); returns an unsubscribe function. */
  onNotice(listener: (notice: Notice) => void): () => void;
  /**
   * Applies a changed retention setting: old days are removed by a maintenance run queued
   * now (a user who shortens retention expects it to take effect), not by later writes.
   */
  setRetentionDays(days: number): Promise<void>;
  /** Flushes, stops the timers and closes the open file. */
  close(): Promise<void>;
}

/**
 * Opens the exposure ledger in `<dataDir>/ledger/`: repairs what a crash left, removes days
 * older than `retentionDays` (measured from the newest day ever written when today is far
 * after it, so a clock years ahead removes nothing and raises 'ledger-retention-held'), compacts closed days, then buffers records and flushes them
 * every `flushIntervalMs`. Retention and compaction run again once a day, never on a write.
 * All disk work is asynchronous and runs through one queue, so calls never interleave.
 */
export async function createLedger(options: LedgerOptions): Promise<Ledger> {
  const { timeZone, nowMs, schedule = systemSchedule } = options;
  const flushIntervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  let retentionDays = checkedRetentionDays(options.retentionDays);
  if (!(flushIntervalMs > 0)) throw new RangeError(`flushIntervalMs must be positive, got ${flushIntervalMs}`);
  const onError = options.onError ?? ((error: unknown) => console.error('exposure ledger:', error));

  const notices: Notice[] = [];
  const listeners = new Set<(notice: Notice) => void>();
  const raise = (notice: Notice): void => {
    notices.push(notice);
    for (const listener of listeners) listener(notice);
  };
  const locate = createDayLocator(timeZone);
  const journal = await openDayJournal({ dataDir: options.dataDir, timeZone, nowMs, onNotice: raise, onError });
  const queue = createSerialQueue();
  let buffer: LedgerRecord[] = [];
  let closed = false;
  let flushQueued = false;
  let maintainedDayKey = '';
  // Told once per held-back cutoff, not at every hourly check.
  let heldBackToldFor = '';

  const flushBuffer = async (): Promise<void> => {
    flushQueued = false;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    try {
      await journal.append(batch);
    } catch (error) {
      const written = error instanceof JournalAppendError ? error.writtenCount : 0;
      buffer = [...batch.slice(written), ...buffer];
      throw error;
    }
    options.onDurable?.(batch);
  };

  const maintain = async (): Promise<void> => {
    const todayKey = locate(nowMs()).key;
    // Records of a day that has just closed must be in its file before it is compacted.
    await flushBuffer();
    const newestWrittenDay = await journal.newestWrittenDay();
    const plan = planRetention(todayKey, newestWrittenDay, retentionDays);
    await journal.removeDaysBefore(plan.cutoffDayKey);
    const { heldBackFromDayKey } = plan;
    if (heldBackFromDayKey !== null && heldBackFromDayKey !== heldBackToldFor) {
      const spared = (await journal.listDays()).filter((dayKey) => dayKey < heldBackFromDayKey);
      if (spared.length > 0) {
        heldBackToldFor = heldBackFromDayKey;
        raise({
          code: 'ledger-retention-held',
          detail: `today is ${todayKey} by this computer's clock, the newest day recorded is ${newestWrittenDay ?? '?'}; ${spared.length} day(s) from ${spared[0] ?? '?'} kept`,
          keptAs: null,
        });
      }
    }
    await journal.compactClosedDays(todayKey, compactRecords);
    maintainedDayKey = todayKey;
  };

  // Retention and compaction failing must not keep exposure from being recorded.
  await queue.run(maintain).catch(onError);
  const warmDays = options.warmDays ?? DEFAULT_WARM_DAYS;
  if (warmDays > 0) {
    const todayKey = locate(nowMs()).key;
    // Not awaited: start-up is done; reads asked for meanwhile simply queue behind this.
    queue.run(() => journal.readDays(addDaysToKey(todayKey, -(warmDays - 1)), todayKey)).catch(onError);
  }

  const flushTimer = schedule.setInterval(() => {
    if (buffer.length === 0 || flushQueued) return;
    flushQueued = true;
    queue.run(flushBuffer).catch(onError);
  }, flushIntervalMs);
  const maintenanceTimer = schedule.setInterval(() => {
    if (locate(nowMs()).key === maintainedDayKey) return;
    queue.run(maintain).catch(onError);
  }, options.maintenanceCheckIntervalMs ?? DEFAULT_MAINTENANCE_CHECK_INTERVAL_MS);

  return {
    notices,
    add(records) {
      if (closed) throw new Error('the exposure ledger is closed');
      const valid = records.map((record) => LedgerRecordSchema.parse(record));
      for (const record of valid) buffer.push(...splitWith(record, locate));
    },
    flushNow: () => queue.run(flushBuffer),
    readDays: (fromDayKey, toDayKey) =>
      queue.run(async () => {
        const onDisk = await journal.readDays(fromDayKey, toDayKey);
        // The buffer holds the newest records (added in time order), so they come last.
        const buffered = buffer.filter((record) => {
          const dayKey = locate(recordStartMs(record)).key;
          return dayKey >= fromDayKey && dayKey <= toDayKey;
        });
        return [...onDisk, ...buffered];
      }),
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setRetentionDays(days) {
      retentionDays = checkedRetentionDays(days);
      await queue.run(maintain);
    },
    async close() {
      if (closed) return;
      closed = true;
      schedule.clearInterval(flushTimer);
      schedule.clearInterval(maintenanceTimer);
      try {
        await queue.run(flushBuffer);
      } finally {
        await queue.run(() => journal.close());
      }
    },
  };
}
