/**
 * Worker-thread entry for near-pairs-threads.ts: runs the given chunk passes of the
 * multi-index search over the shared hashes and sends back the pairs it found, as one
 * flat array of row numbers (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forEachNearPair } from '../../../shared/known/stacks/near-index.js';
import type { NearPairsJob } from './near-pairs-threads.js';

function isJob(data: unknown): data is NearPairsJob {
  if (typeof data !== 'object' || data === null) return false;
  const job: Partial<Record<keyof NearPairsJob, unknown>> = data;
  return job.words instanceof Uint32Array && typeof job.thresholdBits === 'number' && Array.isArray(job.chunks);
}

if (!isJob(workerData)) throw new TypeError('near-pairs-worker: expected { words, thresholdBits, chunks }.');
let pairs = new Uint32Array(1024);
let length = 0;
forEachNearPair(
  workerData.words,
  workerData.thresholdBits,
  (i, j) => {
    if (length + 2 > pairs.length) {
      const grown = new Uint32Array(pairs.length * 2);
      grown.set(pairs);
      pairs = grown;
    }
    pairs[length] = i;
    pairs[length + 1] = j;
    length += 2;
  },
  workerData.chunks,
);
const found = pairs.slice(0, length);
parentPort?.postMessage(found, [found.buffer]);
