import type { Worker } from 'node:worker_threads';
import { packNearHashes, stacksFromNearPairs, type StackItem, type Stacks } from '../../../shared/known/stacks/build-stacks.js';
import { CHUNK_COUNT } from '../../../shared/known/stacks/near-index.js';

/** What a near-pairs worker receives as its `workerData`. */
export interface NearPairsJob {
  words: Uint32Array;
  thresholdBits: number;
  chunks: number[];
}

/** Starts near-pairs-worker with the job as its workerData: the built bundle in the app, the .ts through tsx in tests. */
export type SpawnNearPairsWorker = (job: NearPairsJob) => Worker;

/**
 * Finds the near pairs of packed PDQ hashes (as forEachNearPair does) on `threads` worker
 * threads, each running its share of the 16 chunk passes over one shared copy of the
 * hashes: the search is pure CPU work, so two threads use both cores and keep the main
 * side's event loop free. Resolves with the pairs as flat row numbers [i0, j0, i1, j1, …],
 * each pair once; rejects with the worker's error (e.g. a threshold outside 0–63).
 */
export async function findNearPairsInThreads(words: Uint32Array, thresholdBits: number, spawnWorker: SpawnNearPairsWorker, threads = 2): Promise<Uint32Array> {
  const shared = new Uint32Array(new SharedArrayBuffer(words.byteLength));
  shared.set(words);
  const count = Math.max(1, Math.min(CHUNK_COUNT, Math.floor(threads)));
  // Chunks dealt round-robin, so each thread gets an even share of the passes.
  const shares = Array.from({ length: count }, (_, t) => Array.from({ length: CHUNK_COUNT }, (_, c) => c).filter((c) => c % count === t));
  const results = await Promise.all(shares.map((chunks) => runWorker(spawnWorker({ words: shared, thresholdBits, chunks }))));
  const all = new Uint32Array(results.reduce((sum, r) => sum + r.length, 0));
  let at = 0;
  for (const result of results) {
    all.set(result, at);
    at += result.length;
  }
  return all;
}

function runWorker(worker: Worker): Promise<Uint32Array> {
  return new Promise((resolve, reject) => {
    let result: Uint32Array | null = null;
    worker.once('message', (message: unknown) => {
      if (message instanceof Uint32Array) result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The near-pairs worker ended (code ${code}) without its pairs.`));
    });
  });
}

/**
 * buildStacks with the near-pair search spread over `threads` worker threads (see
 * findNearPairsInThreads); the same stacks, for cases large enough that one core is slow.
 */
export async function buildStacksInThreads(
  items: readonly StackItem[],
  thresholdBits: number,
  spawnWorker: SpawnNearPairsWorker,
  threads = 2,
): Promise<Stacks> {
  const packed = packNearHashes(items);
  const pairs = await findNearPairsInThreads(packed.words, thresholdBits, spawnWorker, threads);
  return stacksFromNearPairs(items, packed, (onPair) => {
    for (let k = 0; k < pairs.length; k += 2) onPair(pairs[k]!, pairs[k + 1]!);
  });
}
