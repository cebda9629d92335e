/**
 * Exposure ledger benchmark (`npm run bench:ledger`, or tsx bench/ledger.bench.ts [--keep]).
 *
 * Writes synthetic history (test/fixtures/ledger/synthetic-history.ts: about six hours of
 * viewing a day, closed days compacted to a few hundred records, today as flushed every
 * 10 s) into two temporary data folders, 1 day and 2 years, and measures:
 * - one flush (add of 1–3 records + flushNow, which appends and fdatasyncs), alternating
 *   between the two folders so disk noise hits both alike: the ratio must stay ≤ 1.2,
 *   i.e. a flush must not grow with history;
 * - the 12-week "My exposure" view from 2 years: readDays over its 84 days + buildMyExposure
 *   (goal < 50 ms);
 * - start-up (createLedger) with 2 years of history, and the one-off first start that has
 *   to check and compact every day (a lost state file).
 * Times are wall-clock on this machine; the files were just written, so reads come from the
 * page cache (what a running app sees), while every flush really waits for the disk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startOfDayMs } from '../shared/exposure/day-boundaries.js';
import type { LedgerRecord } from '../shared/exposure/ledger-record.js';
import { buildMyExposure, myExposureFirstDayKey } from '../shared/exposure/my-exposure.js';
import { createLedger, DEFAULT_WARM_DAYS, type Ledger } from '../electron/services/ledger/ledger.js';
import { writeSyntheticHistory } from '../test/fixtures/ledger/synthetic-history.js';
import { median, percentile } from './sample-stats.js';

const TIME_ZONE = 'America/Toronto';
const TODAY = '2025-06-11';
const WEEK_STARTS_ON = 0;
const FLUSHES = 400;
const VIEW_RUNS = 40;
const COLD_VIEW_RUNS = 10;
const STARTUP_RUNS = 15;
const GOAL_FLUSH_RATIO = 1.2;
const GOAL_VIEW_MS = 50;
const HOUR_MS = 3_600_000;

const ms = (value: number): string => `${value.toFixed(2)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedMs = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - startedMs };
}

async function main(): Promise<void> {
  const nowAtStartMs = startOfDayMs(TODAY, TIME_ZONE) + 17 * HOUR_MS;
  const benchStartedMs = performance.now();
  // The ledger's clock: today at 17:00 in Toronto, moving with real time.
  const nowMs = (): number => Math.round(nowAtStartMs + (performance.now() - benchStartedMs));
  // No warm-up unless asked: the bench measures the cold read it would do.
  const open = (dataDir: string, warmDays = 0): Promise<Ledger> => createLedger({ dataDir, timeZone: TIME_ZONE, nowMs, retentionDays: 800, warmDays });

  const root = await mkdtemp(path.join(os.tmpdir(), 'veil-ledger-bench-'));
  try {
    const oneDayDir = path.join(root, 'one-day');
    const twoYearsDir = path.join(root, 'two-years');
    const madeAtMs = performance.now();
    const oneDay = await writeSyntheticHistory(oneDayDir, { days: 1, todayKey: TODAY, nowMs: nowAtStartMs, timeZone: TIME_ZONE, seed: 1 });
    const twoYears = await writeSyntheticHistory(twoYearsDir, { days: 730, todayKey: TODAY, nowMs: nowAtStartMs, timeZone: TIME_ZONE, seed: 1 });
    console.log(`history (${TIME_ZONE}, today ${TODAY}), written in ${((performance.now() - madeAtMs) / 1000).toFixed(1)} s:`);
    console.log(`  1 day:   ${oneDay.records} records (today, uncompacted), ${(oneDay.bytes / 1024).toFixed(0)} KiB`);
    console.log(
      `  2 years: ${twoYears.days} day files, ${twoYears.records} records (${((twoYears.records - twoYears.todayRecords) / (twoYears.days - 1)).toFixed(0)} per closed day, ${twoYears.todayRecords} today), ${(twoYears.bytes / 1024 / 1024).toFixed(1)} MiB`,
    );

    // Start-up with 2 years, steady state (closed days known compacted; today is checked).
    const startups: number[] = [];
    for (let run = 0; run < STARTUP_RUNS; run += 1) {
      const { value: ledger, ms: openMs } = await timed(() => open(twoYearsDir));
      startups.push(openMs);
      await ledger.close();
    }

    // One flush, alternating between the two folders.
    const small = await open(oneDayDir);
    const large = await open(twoYearsDir);
    const flushMs = { small: [] as number[], large: [] as number[] };
    let lastEndMs = nowMs();
    for (let flush = 0; flush < FLUSHES * 2; flush += 1) {
      const useLarge = flush % 2 === Math.floor(flush / 2) % 2;
      const ledger = useLarge ? large : small;
      const records: LedgerRecord[] = [];
      const count = 1 + (flush % 3);
      for (let index = 0; index < count; index += 1) {
        records.push({
          v: 1,
          type: 'exposure',
          startMs: lastEndMs,
          endMs: lastEndMs + 1,
          surface: 'viewer',
          greyscale: true,
          blur: index === 1 ? 'medium' : 'strong',
          reveal: 'none',
          audio: false,
        });
        lastEndMs += 1;
      }
      const { ms: oneMs } = await timed(async () => {
        ledger.add(records);
        await ledger.flushNow();
      });
      (useLarge ? flushMs.large : flushMs.small).push(oneMs);
    }
    await small.close();

    // The 12-week view from 2 years: read 84 days, build the view model. Cold: the first view
    // after a start-up (84 files read and decoded); warm: shown again (closed days remembered).
    const showView = async (ledger: Ledger): Promise<{ totalMs: number; readMs: number; records: number }> => {
      const startedMs = performance.now();
      const atMs = nowMs();
      const records = await ledger.readDays(myExposureFirstDayKey(atMs, TIME_ZONE, WEEK_STARTS_ON), TODAY);
      const readMs = performance.now() - startedMs;
      buildMyExposure(records, { nowMs: atMs, timeZone: TIME_ZONE, weekStartsOn: WEEK_STARTS_ON });
      return { totalMs: performance.now() - startedMs, readMs, records: records.length };
    };
    await large.close();
    const cold: { totalMs: number; readMs: number; records: number }[] = [];
    for (let run = 0; run < COLD_VIEW_RUNS; run += 1) {
      const fresh = await open(twoYearsDir);
      cold.push(await showView(fresh));
      await fresh.close();
    }
    // As the app runs it: the default warm-up reads the last 13 weeks in the background after start-up.
    const warmUp = await timed(async () => {
      const ledger = await open(twoYearsDir, DEFAULT_WARM_DAYS);
      await ledger.flushNow(); // queued behind the warm-up: resolves when it is done
      return ledger;
    });
    const warmLedger = warmUp.value;
    const warm: { totalMs: number; readMs: number; records: number }[] = [];
    for (let run = 0; run < VIEW_RUNS; run += 1) warm.push(await showView(warmLedger));
    await warmLedger.close();
    const recordsInView = warm[0]?.records ?? 0;

    // The one-off first start without a state file: every day is checked and compacted.
    await rm(path.join(twoYearsDir, 'ledger', 'ledger-state.json'));
    const { value: firstStart, ms: firstStartMs } = await timed(() => open(twoYearsDir));
    await firstStart.close();

    const smallMedian = median(flushMs.small);
    const largeMedian = median(flushMs.large);
    const ratio = largeMedian / smallMedian;
    console.log(`flush (add 1–3 records + flushNow: append + fdatasync), ${FLUSHES} each, interleaved:`);
    console.log(`  1 day:   median ${ms(smallMedian)}, p90 ${ms(percentile(flushMs.small, 0.9))}`);
    console.log(`  2 years: median ${ms(largeMedian)}, p90 ${ms(percentile(flushMs.large, 0.9))}`);
    console.log(`  ${ratio <= GOAL_FLUSH_RATIO ? 'PASS' : 'FAIL'}: ratio 2 years / 1 day = ${ratio.toFixed(2)} (goal ≤ ${GOAL_FLUSH_RATIO})`);
    const coldMedian = median(cold.map((view) => view.totalMs));
    const warmMedian = median(warm.map((view) => view.totalMs));
    console.log(`12-week view from 2 years (readDays over 84 days, ${recordsInView} records, + buildMyExposure):`);
    console.log(
      `  first view after start-up (cold, ${COLD_VIEW_RUNS} start-ups): median ${ms(coldMedian)} (readDays ${ms(median(cold.map((view) => view.readMs)))}), very first in the process ${ms(cold[0]?.totalMs ?? 0)}`,
    );
    console.log(`  start-up + background warm-up of ${DEFAULT_WARM_DAYS} days: ${ms(warmUp.ms)}`);
    console.log(
      `  after the warm-up, or shown again (warm, ${VIEW_RUNS} runs): median ${ms(warmMedian)} (readDays ${ms(median(warm.map((view) => view.readMs)))}), p90 ${ms(
        percentile(
          warm.map((view) => view.totalMs),
          0.9,
        ),
      )}`,
    );
    const viewMedian = warmMedian;
    console.log(
      `  ${viewMedian < GOAL_VIEW_MS ? 'PASS' : 'FAIL'}: the view as the app shows it, ${ms(warmMedian)} (goal < ${GOAL_VIEW_MS} ms); cold first read ${ms(coldMedian)}`,
    );
    console.log(`start-up (createLedger) with 2 years: median ${ms(median(startups))}, max ${ms(Math.max(...startups))} (${STARTUP_RUNS} runs)`);
    console.log(`first start-up without the state file (checks and compacts all ${twoYears.days} days, once): ${ms(firstStartMs)}`);
    if (ratio > GOAL_FLUSH_RATIO || viewMedian >= GOAL_VIEW_MS) process.exitCode = 1;
  } finally {
    if (!process.argv.includes('--keep')) await rm(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
