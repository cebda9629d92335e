import Conf from 'conf';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { builtAppPaths } from '../services/app-paths.js';
import { bootVeil, type BootedVeil } from '../services/boot/boot-veil.js';
import type { SpawnWorker } from '../services/media/worker-channel.js';
import { DataFolderInUseError } from '../services/platform/data-folder-lock.js';
import { defaultUserDataDir } from '../services/platform/user-data-dir.js';
import { HOST_USAGE, parseHostArgs } from './cli-args.js';
import { newHostToken } from './host-token.js';
import { startBrowserHost } from './http-server.js';

/** Exit status when another running Veil holds the data folder (2 is bad arguments or an unopenable case). */
const EXIT_DATA_FOLDER_IN_USE = 3;

/** The browser host from its command line to its exit status (cli.ts starts the media worker first). */
export async function runHost(paths: ReturnType<typeof builtAppPaths>, spawnWorker: SpawnWorker): Promise<number> {
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
  const dataDir = resolve(args.dataDir ?? defaultUserDataDir(process.platform, process.env, homedir()));
  let booted: BootedVeil;
  try {
    booted = await bootVeil({
      host: 'browser',
      dataDir,
      openSettingsStore: (options) => new Conf(options),
      spawnWorker,
      workspaceWorker: paths.workspaceWorkerScript,
      nearIndexWorker: paths.nearIndexWorkerScript,
      demoCaseDir: paths.demoCaseDir,
      initialCaseDir: args.caseDir ? resolve(args.caseDir) : null,
      pickFolder: null,
      systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      warn: (message) => console.error(message),
    });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`${error.message}\nWith the browser host, --data DIR chooses another folder.`);
    return EXIT_DATA_FOLDER_IN_USE;
  }
  const { services, hub } = booted;
  try {
    await services.start();
  } catch (error) {
    console.error(`Cannot open the case: ${error instanceof Error ? error.message : String(error)}`);
    await booted.close();
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
  await booted.close();
  return 0;
}
