/**
 * How many files the import may read (and hash) at once, decided file by file. The import
 * reads up to eight files together, which suits a case of many small files or a network
 * share; but while pictures are being made for the user that concurrency competes with
 * them for the two cores and the I/O threads, and at the start of a case it holds back
 * the first item until eight files are read instead of one (docs/decisions/hashing-yields.md).
 */
export interface ReadGate {
  /** Resolves when one more file may be read; call `leave` once it has been. Waiters go in the order they came. */
  enter(signal?: AbortSignal): Promise<void>;
  leave(): void;
}

interface ReadGateOptions {
  /** The first files in walk order, read one at a time so each becomes an item as soon as it is hashed. */
  firstScreenFiles: number;
  /** True while the user waits on pictures (thumbnails or a view being made): reading then goes one file at a time. */
  picturesInFlight: () => boolean;
}

/**
 * A gate that lets one file through at a time for the first screen's files and while
 * pictures are being made, and any number otherwise (the import's own concurrency then
 * bounds it). The limit is looked at each time a file starts or ends, so reading speeds
 * up again with the next file once the pictures are done.
 */
export function createReadGate(options: ReadGateOptions): ReadGate {
  let reading = 0;
  let finished = 0;
  const waiting: { resolve: () => void }[] = [];

  const limit = (): number => (finished < options.firstScreenFiles || options.picturesInFlight() ? 1 : Number.POSITIVE_INFINITY);

  function admitWaiting(): void {
    while (waiting.length > 0 && reading < limit()) {
      reading += 1;
      waiting.shift()?.resolve();
    }
  }

  return {
    enter(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (waiting.length === 0 && reading < limit()) {
        reading += 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(waiter);
      });
    },
    leave() {
      reading = Math.max(0, reading - 1);
      finished += 1;
      admitWaiting();
    },
  };
}
