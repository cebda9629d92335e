/**
 * The known library's near index (`npm run bench:near-index`): tsx bench/near-index.bench.ts [--count 1000000]
 *
 * Imports a set of `count` random PDQ hashes into a fresh library, then indexes it twice: on the
 * main side (as before part 6) and on the worker thread the app uses (bundled as shipped), and
 * prints each one's time and the main side's longest event-loop stall and p99 meanwhile
 * (monitorEventLoopDelay), beside the idle machine's own. Goal (part 6): no stall over 20 ms.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { createKnownMaterialService } from '../electron/services/known/known-material-service.js';
import { buildNearIndexInWorker } from '../electron/services/known/near-index-client.js';
import { nearMatcherFromLibrary, nearSetsOf, type NearMatcher } from '../electron/services/known/near-matcher.js';
import { bundledWorker } from './bundled-workspace-worker.js';

const GOAL_STALL_MS = 20;
const IDLE_BASELINE_MS = 3000;

const at = process.argv.indexOf('--count');
const count = Number(at < 0 ? 1_000_000 : process.argv[at + 1]);

interface Run {
  ms: number;
  stallMs: number;
  p99Ms: number;
  hashCount: number;
}

/** Runs `build`, ticking the main loop meanwhile so a stall shows as a late tick. */
async function measured(build: () => Promise<NearMatcher>): Promise<Run> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // A turn first, so the histogram has a start before any synchronous work.
  await sleep(20);
  const startMs = performance.now();
  const matcher = await build();
  const ms = performance.now() - startMs;
  await sleep(20);
  loop.disable();
  return { ms, stallMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, hashCount: matcher.hashCount };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'veil-near-bench-'));
const known = createKnownMaterialService({ folder: () => path.join(dir, 'library'), nowMs: () => Date.now(), onProgress: () => {}, onSetsChanged: () => {} });
try {
  const workerPath = await bundledWorker('electron/services/known/near-index-worker.ts', 'near-index-worker.js');
  const csv = path.join(dir, 'pdq.csv');
  const out = createWriteStream(csv);
  out.write('PDQ,Quality\n');
  for (let k = 0; k < count; k += 1)
    if (!out.write(`${randomBytes(32).toString('hex')},90\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const imported = await known.importHashSet({ filePath: csv, name: 'Bench', scheme: 'custom', hex64Kind: 'sha256' });
  if (imported.outcome !== 'imported') throw new Error('the bench set did not import');

  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await sleep(IDLE_BASELINE_MS);
  idle.disable();
  // The worker first: the main side's index, garbage once measured, would be collected during the other run.
  const there = await measured(
    () => buildNearIndexInWorker(known.libraryFile(), nearSetsOf(known), (job) => new Worker(workerPath, { workerData: job })).matcher,
  );
  const here = await measured(async () => nearMatcherFromLibrary(known));
  if (there.hashCount !== here.hashCount) throw new Error(`the worker indexed ${there.hashCount} hashes, the main side ${here.hashCount}`);
  const line = (name: string, run: Run): string =>
    `  ${name}: ${run.hashCount.toLocaleString('en')} hashes indexed in ${(run.ms / 1000).toFixed(2)} s, main side's longest stall ${run.stallMs.toFixed(1)} ms, event-loop delay p99 ${run.p99Ms.toFixed(1)} ms`;
  console.log(`near index of the known library (${os.cpus().length} cores)`);
  console.log(line('on the main side  ', here));
  console.log(line('on a worker thread', there));
  console.log(
    `    goal: longest main-side stall ≤ ${GOAL_STALL_MS} ms: ${there.stallMs <= GOAL_STALL_MS ? 'met' : 'NOT met'} (the idle machine's own longest in ${IDLE_BASELINE_MS} ms: ${(idle.max / 1e6).toFixed(1)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms; load average ${os.loadavg()[0]?.toFixed(1)})`,
  );
} finally {
  known.close();
  await rm(dir, { recursive: true, force: true });
}
