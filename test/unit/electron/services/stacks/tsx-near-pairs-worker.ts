import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NearPairsJob } from '../../../../../electron/services/stacks/near-pairs-threads.js';

const WORKER_ENTRY = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../electron/services/stacks/near-pairs-worker.ts'),
).href;

/**
 * Starts the near-pairs worker from its TypeScript source: a worker thread does not inherit
 * tsx's loader (nor accept `--import` in its execArgv), so a two-line bootstrap registers it first.
 */
export function spawnTsxNearPairsWorker(job: NearPairsJob): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}
