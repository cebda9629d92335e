import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { builtAppPaths } from '../services/app-paths.js';
import { bootVeil, type BootedVeil } from '../services/boot/boot-veil.js';
import type { ExposureService } from '../services/exposure/exposure-service.js';
import { setWindowsAppId } from './app-identity.js';
import { forwardExposureSignals } from './exposure-signals.js';
import { desktopTeamShareSecretOptions } from './secret-protector.js';
import { notifyBreaksWhenUnfocused } from './break-notifications.js';
import { denyAllPermissions, hardenAllWebContents } from './harden.js';
import { forwardEventsToWindows, registerIpcHandlers } from './ipc.js';
import { handleSchemes, registerPrivilegedSchemes } from './schemes.js';
import { utilityWorkerChannel } from './utility-worker.js';
import { claimSingleInstance } from './single-instance.js';
import { createMainWindow } from './window.js';
import { nativeFilePicker, nativeFolderPicker } from './native-dialogs.js';
import { resolveLanguage } from '../../shared/i18n/resolve-language.js';

// The composition root of the desktop app: Electron specifics only; every behaviour
// lives in the services, which the browser host runs unchanged.

const paths = builtAppPaths(import.meta.url);
/** Beside dist/ in the app folder (and in the asar archive once packaged). */
const iconPath = join(paths.distDir, '..', 'assets', 'icon.png');
const veilWindowIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let booted: BootedVeil | null = null;
/** Set while the services close on quit; a second quit (Cmd+Q twice, the session ending) waits for it. */
let closing: Promise<void> | null = null;

function caseDirFromArgv(argv: readonly string[]): string | null {
  const index = argv.indexOf('--case');
  return index >= 0 ? (argv[index + 1] ?? null) : null;
}

function openWindow(exposure: ExposureService): void {
  mainWindow = createMainWindow(paths.preloadScript, iconPath);
  const id = mainWindow.id;
  veilWindowIds.add(id);
  const stopSignals = forwardExposureSignals(mainWindow, exposure);
  // A crashed or reloading renderer shows nothing: what it last reported stops counting.
  mainWindow.webContents.on('render-process-gone', () => exposure.rendererGone());
  mainWindow.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) exposure.rendererGone();
  });
  mainWindow.on('closed', () => {
    stopSignals();
    veilWindowIds.delete(id);
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  // The single-instance lock covers this user's launches; the folder lock taken by bootVeil
  // also covers a browser host (or a second user profile pointing at the same folder).
  booted = await bootVeil({
    host: 'electron',
    dataDir: app.getPath('userData'),
    openSettingsStore: (options) => new ElectronStore(options),
    spawnWorker: () => utilityWorkerChannel(paths.workerScript),
    workspaceWorker: paths.workspaceWorkerScript,
    nearIndexWorker: paths.nearIndexWorkerScript,
    demoCaseDir: app.isPackaged ? join(process.resourcesPath, 'demo-case') : paths.demoCaseDir,
    initialCaseDir: caseDirFromArgv(process.argv),
    pickFolder: nativeFolderPicker(() => mainWindow),
    // Requests arrive only once booted is set; English covers the impossible moment before.
    pickFile: nativeFilePicker(
      () => mainWindow,
      () => (booted ? resolveLanguage(booted.settings.get().language, app.getLocale()) : 'en'),
    ),
    systemLocale: app.getLocale(),
    // After ready: safeStorage reports no encryption before it.
    teamShareSecret: desktopTeamShareSecretOptions(safeStorage, process.platform, process.env, homedir()),
    warn: (message) => console.warn(message),
  });
  const { services, hub, settings } = booted;
  denyAllPermissions();
  handleSchemes(paths.rendererDir, services.handleMedia);
  registerIpcHandlers(services.handlers, veilWindowIds);
  forwardEventsToWindows(hub, veilWindowIds);
  notifyBreaksWhenUnfocused(hub, settings, () => mainWindow, app.getLocale());
  await services.start();
  openWindow(services.exposure);
}

// One writer per data folder: a second launch hands over to the first and leaves.
if (claimSingleInstance(app, () => mainWindow)) {
  setWindowsAppId(app, process.platform);
  registerPrivilegedSchemes();
  hardenAllWebContents();
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the services to close, so the exposure ledger's last record and the
  // break state are written; a quit asked for again meanwhile waits too, instead of cutting it short.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    const running = booted;
    if (!running && !closing) return;
    event.preventDefault();
    if (!running) return;
    booted = null;
    closing = running
      .close()
      .catch((error: unknown) => console.error('closing Veil failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Veil could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
