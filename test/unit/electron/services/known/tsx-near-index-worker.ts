import { Worker } from 'node:worker_threads';
import type { SpawnNearIndexWorker } from '../../../../../electron/services/known/near-index-client.js';

const WORKER_ENTRY = new URL('../../../../../electron/services/known/near-index-worker.ts', import.meta.url).href;

/**
 * Starts the near-index worker from its TypeScript source: a worker thread does not inherit
 * tsx's loader (nor accept `--import` in its execArgv), so a two-line bootstrap registers it first.
 */
export const spawnTsxNearIndexWorker: SpawnNearIndexWorker = (job) => {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
};
