/**
 * Entry of the browser host. It starts the media worker before it loads the rest of the
 * host, so that the two load side by side (each takes a few hundred ms of CPU) and the
 * first case's thumbnails do not wait for the worker; then it runs host-main.ts.
 */
import { builtAppPaths } from '../services/app-paths.js';
import { spawnAheadOfTime } from '../services/media/early-worker.js';
import { forkWorkerChannel } from '../services/media/fork-worker.js';

const paths = builtAppPaths(import.meta.url);
const spawnOne = () => forkWorkerChannel(paths.workerScript);
// Only an optimisation: a command line it misreads still works, with the worker started later.
const askedForHelp = process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h');
const early = askedForHelp ? { spawnWorker: spawnOne, dispose: () => undefined } : spawnAheadOfTime(spawnOne);

import('./host-main.js')
  .then(({ runHost }) => runHost(paths, early.spawnWorker))
  // Bad arguments, a data folder in use, a failed start: the early worker must not outlive the host.
  .finally(() => early.dispose())
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
