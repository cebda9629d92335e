import type { Worker } from 'node:worker_threads';
import { matcherOverTables, type NearMatcher, type NearSet } from './near-matcher.js';
import { NearIndexReplySchema, type NearIndexJob } from './near-index-protocol.js';

/** Starts near-index-worker with the job as its `workerData`: the built bundle in the app, the .ts through tsx in tests. */
export type SpawnNearIndexWorker = (job: NearIndexJob) => Worker;

/** A near index being built on a worker thread. */
export interface NearIndexBuild {
  /** The matcher once the tables are in; rejects with the worker's reason (an unreadable library, say). */
  readonly matcher: Promise<NearMatcher>;
  /** Ends the thread; `matcher` then rejects. Safe to call after it settled. */
  cancel(): void;
}

/**
 * Builds the near index of `sets` (in index order, see nearSetsOf) from the library file on a
 * worker thread: the main side only receives the finished tables (transferred, so no copy)
 * and answers queries over them, a few hundred bucket probes each.
 */
export function buildNearIndexInWorker(libraryFile: string, sets: readonly NearSet[], spawn: SpawnNearIndexWorker): NearIndexBuild {
  const worker = spawn({ libraryFile, setIds: sets.map((set) => set.setId) });
  const matcher = new Promise<NearMatcher>((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: unknown) => {
      settled = true;
      const reply = NearIndexReplySchema.safeParse(message);
      if (!reply.success) reject(new Error(`the near index thread answered in an unknown form: ${reply.error.issues[0]?.message ?? 'invalid'}`));
      else if (!reply.data.ok) reject(new Error(reply.data.message));
      else resolve(matcherOverTables(sets, reply.data.tables));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the near index thread ended (exit code ${code}) without its index`));
    });
  });
  return { matcher, cancel: () => void worker.terminate() };
}
