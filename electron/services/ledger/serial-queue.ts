/**
 * Runs asynchronous jobs one after another, in the order they were queued, so a flush,
 * a read and a compaction never touch the same file at once. A failed job rejects only
 * its own promise; the queue goes on.
 */
export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(job) {
      const result = tail.then(job);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
