/**
 * Ledger crash benchmark (`npm run bench:ledger-crash`, or tsx bench/ledger-crash.bench.ts
 * [--kills 1000] [--flush-ms 25] [--seed 1] [--keep]).
 *
 * The crash test's loop (test/fixtures/ledger/crash-loop.ts), 1,000 times: the real ledger
 * in a child process adding records every 2 ms and flushing every --flush-ms, killed with
 * SIGKILL at seeded random points (during start-up, as a flush starts, between flushes),
 * then reopened on the same folder and checked. A fresh folder every 50 kills keeps each
 * check's cost flat. Prints kills, records announced durable, records lost (must be 0) and
 * the time lost against the flush interval; exits non-zero on any failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWriter, runCrashLoop } from '../test/fixtures/ledger/crash-loop.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

async function main(): Promise<void> {
  const kills = option('--kills', 1_000);
  const flushIntervalMs = option('--flush-ms', 25);
  const seed = option('--seed', 1);
  const root = await mkdtemp(path.join(os.tmpdir(), 'veil-ledger-crash-'));
  try {
    const writer = await bundleWriter(root);
    const startedMs = performance.now();
    const report = await runCrashLoop({
      rootDir: root,
      kills,
      killsPerFolder: 50,
      flushIntervalMs,
      seed,
      writer,
      onKill: (_, index) => {
        if ((index + 1) % 100 === 0) console.log(`  ${index + 1} kills, ${((performance.now() - startedMs) / 1000).toFixed(0)} s`);
      },
    });
    const seconds = (performance.now() - startedMs) / 1000;
    console.log(
      `kills: ${report.kills} (${report.killsDuringStartUp} during start-up) in ${seconds.toFixed(0)} s, flush interval ${flushIntervalMs} ms, seed ${seed}`,
    );
    console.log(`records added: ${report.recordsAdded}; announced durable: ${report.recordsAnnouncedDurable}; lost: ${report.recordsLost} (must be 0)`);
    console.log(`torn records dropped on restart: ${report.tornRecordsDropped}; files kept aside: ${report.filesKeptAside} (must be 0)`);
    console.log(
      `time lost per kill: median ${report.lostMsP50} ms, p99 ${report.lostMsP99} ms, max ${report.maxLostMs} ms = ${(report.maxLostMs / flushIntervalMs).toFixed(2)} × the flush interval`,
    );
    console.log(
      `  (max time from the start of the last completed flush to the kill: ${report.maxLostBoundMs} ms; the flush interval plus timer lateness and the flush in flight)`,
    );
    const ok = report.failures.length === 0 && report.recordsLost === 0 && report.kills === kills;
    for (const failure of report.failures.slice(0, 20)) console.log(`FAILURE ${failure}`);
    console.log(`${ok ? 'PASS' : 'FAIL'}: ${report.failures.length} failures`);
    if (!ok) process.exitCode = 1;
  } finally {
    if (!process.argv.includes('--keep')) await rm(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
