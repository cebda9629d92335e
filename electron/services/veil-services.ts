import type { RequestHandlers } from '../../shared/contract.js';
import { VeilRequestError } from '../../shared/contract-errors.js';
import type { EventHub } from './event-hub.js';
import type { SettingsService } from './settings/settings-service.js';
import { createCaseSession } from './case/case-session.js';
import { createDerivativeCache } from './media/derivative-cache.js';
import { createFirstScreenPrefetch } from './media/first-screen-prefetch.js';
import { createMediaService } from './media/media-service.js';
import { handleMediaRequest, type MediaResponse } from './media/media-route.js';
import { MediaWorkerPool, type WorkerChannel } from './media/worker-pool.js';
import { createExposureService, FLUSH_INTERVAL_MS, type ExposureService } from './exposure/exposure-service.js';
import { weekStartsOnFor } from '../../shared/exposure/week-start.js';
import { pushWhenShownChanges } from '../../shared/wellbeing/shown-wellbeing.js';
import { wellbeingStateFile } from './wellbeing/state-file.js';
import { createWellbeingService, type WellbeingService } from './wellbeing/wellbeing-service.js';
import { createLedger, systemSchedule } from './ledger/ledger.js';
import { createNotesForOpenCase } from './notes/notes-for-open-case.js';
import { loadTeamStats } from './team-sharing/load-team-stats.js';
import { sharingStateFile } from './team-sharing/sharing-state-file.js';
import { createTeamSharingService } from './team-sharing/team-sharing-service.js';

const MIB = 1024 * 1024;

export interface VeilServicesDeps {
  host: 'electron' | 'browser';
  version: string;
  settings: SettingsService;
  hub: EventHub;
  /** Starts one media worker process (utilityProcess in Electron, a Node child elsewhere). */
  spawnWorker: () => WorkerChannel;
  demoCaseDir: string;
  /** Opened at start; null opens the demo case. */
  initialCaseDir: string | null;
  /** Native folder picker (Electron); null where there is none (browser host). */
  pickFolder: (() => Promise<string | null>) | null;
  nowMs: () => number;
  newId: () => string;
  /** Where the exposure ledger lives (`<dataDir>/ledger/`). */
  dataDir: string;
  /** The user's IANA time zone and OS locale: days, weeks and the ledger's files follow them. */
  timeZone: string;
  systemLocale: string;
}

export type MediaHandler = (
  pathAfterPrefix: string,
  query: URLSearchParams,
  headers: { range?: string },
  signal?: AbortSignal,
) => Promise<MediaResponse>;

/** Quitting waits this long at most for an import, a notes save or an export to finish (a hung network drive may never answer). */
const IMPORT_STOP_WAIT_MS = 2000;

export interface VeilServices {
  handlers: RequestHandlers;
  /** `signal` aborts when the viewer no longer wants the picture (scrolled away), so stale jobs leave the queue. */
  handleMedia: MediaHandler;
  /** For the Electron adapter's window and power events. */
  exposure: ExposureService;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition of every main-side service behind the contract. Both adapters
 * build exactly this and only translate transport; no behaviour lives in them.
 */
export async function createVeilServices(deps: VeilServicesDeps): Promise<VeilServices> {
  const { settings, hub } = deps;
  const ledger = await createLedger({
    dataDir: deps.dataDir,
    timeZone: deps.timeZone,
    nowMs: deps.nowMs,
    retentionDays: settings.get().ledgerRetentionDays,
  });
  const unsubscribeLedger = ledger.onNotice((notice) => hub.emit('noticeRaised', notice));
  const session = createCaseSession({ idGenerator: deps.newId, nowMs: deps.nowMs, emit: hub.emit, onItems: (caseId, items) => prefetch.itemsListed(caseId, items) });
  const pool = new MediaWorkerPool({ spawnWorker: deps.spawnWorker });
  pool.warm(); // a case opens at start: its first thumbnails must not wait for Node and sharp to load
  const cache = createDerivativeCache({ maxBytes: settings.get().mediaCacheMb * MIB });
  const media = createMediaService({
    pool,
    cache,
    lookupItem: (itemId) => session.lookupItem(itemId),
    onItemFailed: (itemId, error) => session.markItemFailed(itemId, error),
  });
  const prefetch = createFirstScreenPrefetch({ media, profile: () => settings.get().defaultProfile });
  // Breaks and limits run on every exposure step; bound once both exist.
  let wellbeing: WellbeingService | null = null;
  const exposure = createExposureService({
    ledger,
    settings,
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    systemLocale: deps.systemLocale,
    isOpenCaseItem: (caseId, itemId) => session.summary()?.caseId === caseId && session.lookupItem(itemId) !== null,
    schedule: systemSchedule,
    onCounted: (time, counting) => wellbeing?.counted(time, counting),
  });
  const stateFile = wellbeingStateFile(deps.dataDir);
  const readyWellbeing = await createWellbeingService({
    settings: () => settings.get(),
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    weekStartsOn: () => weekStartsOnFor(settings.get().language, deps.systemLocale),
    record: (records) => ledger.add(records),
    onChange: pushWhenShownChanges((view) => hub.emit('wellbeingChanged', view)),
    saved: await stateFile.read(),
    usageFromLedger: async () => {
      const figures = await exposure.myExposure();
      const usage = (totals: { exposureMs: number; unfilteredMs: number; audioMs: number }) => ({
        exposure: totals.exposureMs,
        unfiltered: totals.unfilteredMs,
        audio: totals.audioMs,
      });
      return { day: usage(figures.today), week: usage(figures.thisWeek.totals) };
    },
  });
  wellbeing = readyWellbeing;
  const saveWellbeing = (): Promise<void> => stateFile.write(readyWellbeing.snapshot());
  const wellbeingSaver = setInterval(() => void saveWellbeing().catch((error: unknown) => console.error('saving break state', error)), FLUSH_INTERVAL_MS);
  let retentionDays = settings.get().ledgerRetentionDays;
  let limitsText = JSON.stringify(settings.get().limits);
  const unsubscribeSettings = settings.onChange((next) => {
    if (JSON.stringify(next.limits) !== limitsText) {
      limitsText = JSON.stringify(next.limits);
      readyWellbeing.limitsChanged();
    }
    cache.setMaxBytes(next.mediaCacheMb * MIB);
    if (next.ledgerRetentionDays !== retentionDays) {
      retentionDays = next.ledgerRetentionDays;
      void ledger.setRetentionDays(retentionDays).catch((error: unknown) => console.error('ledger retention', error));
    }
    hub.emit('settingsChanged', next);
  });

  const notes = createNotesForOpenCase({ session, notesFolder: () => settings.get().notesFolder, nowMs: deps.nowMs, stamp: deps.newId });
  const sharing = createTeamSharingService({
    dataDir: deps.dataDir,
    settings: () => settings.get(),
    readDays: (fromDayKey, toDayKey) => ledger.readDays(fromDayKey, toDayKey),
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    stateFile: sharingStateFile(deps.dataDir, deps.newId),
    log: (message) => console.warn(message),
    notify: (notice) => hub.emit('noticeRaised', notice),
  });

  // session.open checks the folder before letting go of the open case.
  const openFolder = async (folderPath: string, isDemo: boolean) => {
    const summary = await session.open(folderPath, { isDemo });
    media.reset();
    return summary;
  };

  const handlers: RequestHandlers = {
    getAppInfo: async () => ({
      version: deps.version,
      host: deps.host,
      canPickFolder: deps.pickFolder !== null,
      notices: [
        ...settings.notices,
        ...ledger.notices,
        ...stateFile.keptAside.map((kept) => ({ code: 'wellbeing-state-reset' as const, detail: kept.detail, keptAs: kept.keptAs })),
      ],
    }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    getCase: async () => session.summary(),
    openCase: async ({ folderPath }) => {
      if (folderPath !== undefined) return openFolder(folderPath, false);
      if (!deps.pickFolder) throw new VeilRequestError('invalid-arguments', 'openCase: folderPath is required here');
      const picked = await deps.pickFolder();
      return picked === null ? null : openFolder(picked, false);
    },
    openDemoCase: async () => openFolder(deps.demoCaseDir, true),
    cancelImport: async () => session.cancelImport(),
    listItems: async ({ caseId, offset, limit }) => session.listItems(caseId, offset, limit),
    getItems: async ({ caseId, ids }) => session.getItems(caseId, ids),
    listProblems: async ({ caseId, offset, limit }) => session.listProblems(caseId, offset, limit),
    releaseThumbnails: async ({ itemIds }) => ({ withdrawn: media.releaseThumbnails(itemIds) }),
    reportVisibility: async (report) => exposure.report(report),
    reportActivity: async () => {
      exposure.activity();
      return {};
    },
    getMyExposure: async () => exposure.myExposure(),
    getWellbeing: async () => readyWellbeing.view(),
    breakAction: async (action) => readyWellbeing.breakAction(action),
    overrideLimit: async ({ quantity, period, reason }) => readyWellbeing.overrideLimit(quantity, period, reason),
    reportItemBoundary: async () => {
      readyWellbeing.itemBoundary();
      return {};
    },
    getNotes: async ({ caseId }) => notes.load(caseId),
    saveNote: async ({ caseId, itemId, text }) => notes.save(caseId, itemId, text),
    previewWeeklySummary: async ({ week }) => sharing.preview(week),
    exportWeeklySummary: async ({ week }) => sharing.exportNow(week),
    getTeamSharing: async () => sharing.status(),
    loadTeamStats: async (args) => loadTeamStats(args),
    pickFolder: async () => ({ folderPath: deps.pickFolder ? await deps.pickFolder() : null }),
  };

  return {
    handlers,
    handleMedia: (pathAfterPrefix, query, headers, signal) => handleMediaRequest(media, pathAfterPrefix, query, headers, signal),
    exposure,
    async start() {
      sharing.start();
      if (deps.initialCaseDir) await openFolder(deps.initialCaseDir, false);
      else await openFolder(deps.demoCaseDir, true);
    },
    async close() {
      unsubscribeSettings();
      unsubscribeLedger();
      clearInterval(wellbeingSaver);
      await exposure.close();
      await saveWellbeing().catch((error: unknown) => console.error('saving break state', error));
      // The ledger and break state are written by now (both local). A notes save or an export
      // to a network share, or an import, stuck on a dead drive must not hold quitting.
      const stopped = Promise.all([notes.whenWritten(), sharing.close(), session.cancelImport(), session.whenIdle()]);
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, IMPORT_STOP_WAIT_MS).unref())]);
      pool.close();
    },
  };
}
