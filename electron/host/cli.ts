import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtAppPaths, VEIL_VERSION } from '../services/app-paths.js';
import { createEventHub } from '../services/event-hub.js';
import { forkWorkerChannel } from '../services/media/fork-worker.js';
import { acquireDataFolderLock, DataFolderInUseError, describeStaleLock, type DataFolderLock } from '../services/platform/data-folder-lock.js';
import { defaultUserDataDir } from '../services/platform/user-data-dir.js';
import { confSettingsFile, settingsFileOptions } from '../services/settings/settings-file.js';
import { createSettingsService } from '../services/settings/settings-service.js';
import { createVeilServices } from '../services/veil-services.js';
import { HOST_USAGE, parseHostArgs } from './cli-args.js';
import { newHostToken } from './host-token.js';
import { startBrowserHost } from './http-server.js';

/** Exit status when another running Veil holds the data folder (2 is bad arguments or an unopenable case). */
const EXIT_DATA_FOLDER_IN_USE = 3;

async function main(): Promise<number> {
  const parsed = parseHostArgs(process.argv.slice(2));
  if (parsed.ok === 'help') {
    console.log(HOST_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${HOST_USAGE}`);
    return 2;
  }
  const { args } = parsed;
  const paths = builtAppPaths(import.meta.url);
  const dataDir = resolve(args.dataDir ?? defaultUserDataDir(process.platform, process.env, homedir()));
  mkdirSync(dataDir, { recursive: true });
  // Before anything reads or writes the folder: one Veil per data folder.
  let lock: DataFolderLock;
  try {
    lock = acquireDataFolderLock(dataDir, { pid: process.pid, nowMs: Date.now(), host: 'browser' });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`${error.message}\nWith the browser host, --data DIR chooses another folder.`);
    return EXIT_DATA_FOLDER_IN_USE;
  }
  if (lock.recoveredStale) console.error(`Data folder ${dataDir}: ${describeStaleLock(lock.recoveredStale)}.`);

  const settings = createSettingsService({
    filePath: join(dataDir, 'settings.json'),
    openFile: () => confSettingsFile(new Conf(settingsFileOptions(dataDir))),
    nowMs: Date.now,
  });
  for (const notice of settings.notices) console.error(`Settings were damaged and reset (${notice.detail}); kept as ${notice.keptAs}`);

  const hub = createEventHub();
  const services = await createVeilServices({
    host: 'browser',
    version: VEIL_VERSION,
    settings,
    hub,
    spawnWorker: () => forkWorkerChannel(paths.workerScript),
    demoCaseDir: paths.demoCaseDir,
    initialCaseDir: args.caseDir ? resolve(args.caseDir) : null,
    pickFolder: null,
    nowMs: () => performance.timeOrigin + performance.now(),
    newId: () => randomBytes(16).toString('base64url'),
    dataDir,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
  });
  try {
    await services.start();
  } catch (error) {
    console.error(`Cannot open the case: ${error instanceof Error ? error.message : String(error)}`);
    await services.close();
    return 2;
  }

  const host = await startBrowserHost({
    handlers: services.handlers,
    hub,
    handleMedia: services.handleMedia,
    onLastPageGone: () => services.exposure.rendererGone(),
    rendererDir: paths.rendererDir,
    token: newHostToken(),
    port: args.port,
  });
  console.log(`Veil ready at ${host.url}`);

  await new Promise<void>((resolvePromise) => {
    process.once('SIGINT', () => resolvePromise());
    process.once('SIGTERM', () => resolvePromise());
  });
  await host.close();
  await services.close();
  lock.release();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
