import { randomUrlSafeId } from '../case/random-id.js';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { VEIL_VERSION } from '../app-paths.js';
import { createEventHub, type EventHub } from '../event-hub.js';
import type { SpawnWorker } from '../media/worker-channel.js';
import { acquireDataFolderLock, describeStaleLock, type DataFolderLock, type LockHost } from '../platform/data-folder-lock.js';
import { confSettingsFile, settingsFileOptions, settingsFilePath, type ConfLike, type SettingsFileOptions } from '../settings/settings-file.js';
import { createSettingsService, type SettingsService } from '../settings/settings-service.js';
import type { TeamShareSecretOptions } from '../team-stats/team-share-secret.js';
import { createVeilServices, type VeilServices } from '../veil-services.js';
import type { PickFile, PickFolder } from '../request-table.js';

/** What differs between the desktop app and the browser host; everything else is decided here. */
export interface BootDeps {
  host: LockHost;
  /** The data folder (created if missing). */
  dataDir: string;
  /** electron-store in Electron, conf elsewhere: both open `<dataDir>/settings.json` from these options. */
  openSettingsStore: (options: SettingsFileOptions) => ConfLike;
  spawnWorker: SpawnWorker;
  /** The case workspace's worker thread entry; see VeilServicesDeps. */
  workspaceWorker?: string;
  /** The near-index worker thread entry; see VeilServicesDeps. */
  nearIndexWorker?: string;
  demoCaseDir: string;
  initialCaseDir: string | null;
  pickFolder: PickFolder | null;
  /** Native file picker (Electron); absent where there is none (browser host). */
  pickFile?: PickFile;
  systemLocale: string;
  /** Where and how the team-share secret is kept (sealed by the OS key store in the desktop app). */
  teamShareSecret?: TeamShareSecretOptions;
  /** Where start-up warnings go (a recovered lock, damaged settings kept aside). */
  warn: (message: string) => void;
}

export interface BootedVeil {
  services: VeilServices;
  settings: SettingsService;
  hub: EventHub;
  lock: DataFolderLock;
  /** Closes the services, then lets go of the data folder. */
  close(): Promise<void>;
}

/** Epoch ms from a monotonic source, so a wall-clock jump mid-session does not skew counted time. */
function monotonicNowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The account name recorded with each review decision; some systems have no passwd entry for it. */
function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * The start-up sequence both adapters share: take the data folder (one Veil per folder,
 * before anything reads it), load the settings, then build the services on one event hub,
 * clock, id source and time zone. Throws DataFolderInUseError when another Veil runs; the
 * lock is released again if anything after it fails.
 */
export async function bootVeil(deps: BootDeps): Promise<BootedVeil> {
  mkdirSync(deps.dataDir, { recursive: true });
  const lock = acquireDataFolderLock(deps.dataDir, { pid: process.pid, nowMs: Date.now(), host: deps.host });
  if (lock.recoveredStale) deps.warn(`Data folder ${deps.dataDir}: ${describeStaleLock(lock.recoveredStale)}.`);
  try {
    const settings = createSettingsService({
      filePath: settingsFilePath(deps.dataDir),
      openFile: () => confSettingsFile(deps.openSettingsStore(settingsFileOptions(deps.dataDir))),
      nowMs: Date.now,
    });
    for (const notice of settings.notices) deps.warn(`Settings were damaged and reset (${notice.detail}); kept as ${notice.keptAs}`);
    const hub = createEventHub();
    const services = await createVeilServices({
      host: deps.host,
      version: VEIL_VERSION,
      settings,
      hub,
      spawnWorker: deps.spawnWorker,
      workspaceWorker: deps.workspaceWorker,
      nearIndexWorker: deps.nearIndexWorker,
      demoCaseDir: deps.demoCaseDir,
      initialCaseDir: deps.initialCaseDir,
      pickFolder: deps.pickFolder,
      pickFile: deps.pickFile,
      nowMs: monotonicNowMs,
      // The ids the import gives 100,000 items come from here: pooled bytes, ~1 µs each (random-id.ts).
      newId: randomUrlSafeId,
      dataDir: deps.dataDir,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      systemLocale: deps.systemLocale,
      teamShareSecret: deps.teamShareSecret,
      userName: osUserName(),
    });
    return {
      services,
      settings,
      hub,
      lock,
      async close() {
        try {
          await services.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
