import type { RequestHandlers } from '../../shared/contract.js';
import type { EventHub } from './event-hub.js';
import type { SettingsService } from './settings/settings-service.js';
import { watchSetting } from './settings/watch-setting.js';
import { createCaseSession } from './case/case-session.js';
import { createDerivativeCache } from './media/derivative-cache.js';
import { createFirstScreenPrefetch } from './media/first-screen-prefetch.js';
import { createMediaService } from './media/media-service.js';
import { handleMediaRequest, type MediaResponse } from './media/media-route.js';
import { MediaWorkerPool, type WorkerChannel } from './media/worker-pool.js';
import { caseAvoidedRecord, pdqPassEndedRecord } from '../../shared/exposure/exposure-avoided.js';
import type { AvoidedRecord } from '../../shared/exposure/avoided-records.js';
import { createExposureService, FLUSH_INTERVAL_MS, type ExposureService } from './exposure/exposure-service.js';
import { startWellbeing } from './wellbeing/wellbeing-runtime.js';
import { createLedger, systemSchedule } from './ledger/ledger.js';
import { createNotesForOpenCase } from './notes/notes-for-open-case.js';
import { openCaseWorkspace } from './workspace/workspace-client.js';
import { sharingStateFile } from './team-sharing/sharing-state-file.js';
import { createTeamSharingService } from './team-sharing/team-sharing-service.js';
import { createRequestHandlers, type PickFile, type PickFolder } from './request-table.js';
import type { TeamShareSecretOptions } from './team-stats/team-share-secret.js';
import { createKnownMaterialService, type KnownMaterialService } from './known/known-material-service.js';
import { defaultKnownMaterialFolder } from './known/known-library-folder.js';
import { createKnownMatcher } from './known/known-matcher.js';
import { createCasePdq } from './known/case-pdq.js';
import { Worker } from 'node:worker_threads';
import { createReviewService } from './review/review-service.js';
import { createReviewExport } from './review/export/review-export-service.js';
import { presetScheme } from '../../shared/review/review-settings.js';
import { createCaseReferral } from './referral/case-referral.js';
import type { Notice } from '../../shared/notices.js';

const MIB = 1024 * 1024;

export interface VeilServicesDeps {
  host: 'electron' | 'browser';
  version: string;
  settings: SettingsService;
  hub: EventHub;
  /** Starts one media worker process (utilityProcess in Electron, a Node child elsewhere). */
  spawnWorker: () => WorkerChannel;
  /** The case workspace's worker thread entry (dist/workspace-worker/worker.js); without it notes stay in the notes file. */
  workspaceWorker?: string | URL;
  /** The known library's near-index worker thread entry (dist/known-worker/near-index.js); without it the index is built on the main side. */
  nearIndexWorker?: string | URL;
  demoCaseDir: string;
  /** Opened at start; null opens the demo case. */
  initialCaseDir: string | null;
  /** Native folder picker (Electron); null where there is none (browser host). */
  pickFolder: PickFolder | null;
  /** Native file picker (Electron); absent where there is none (browser host). */
  pickFile?: PickFile;
  nowMs: () => number;
  newId: () => string;
  /** Where the exposure ledger lives (`<dataDir>/ledger/`). */
  dataDir: string;
  /** The user's IANA time zone and OS locale: days, weeks and the ledger's files follow them. */
  timeZone: string;
  systemLocale: string;
  /** The operating-system account (os.userInfo), recorded with each review decision. */
  userName: string;
  /** Where and how the team-share secret is kept; the data folder, unsealed, when absent. */
  teamShareSecret?: TeamShareSecretOptions;
}

export type MediaHandler = (pathAfterPrefix: string, query: URLSearchParams, headers: { range?: string }, signal?: AbortSignal) => Promise<MediaResponse>;

/** Quitting waits this long at most for an import, a notes save or an export to finish (a hung network drive may never answer). */
const IMPORT_STOP_WAIT_MS = 2000;
/** A review decision the workspace could not take is tried again this often until it lands. */
const DECISION_RETRY_MS = 5000;

export interface VeilServices {
  handlers: RequestHandlers;
  /** `signal` aborts when the viewer no longer wants the picture (scrolled away), so stale jobs leave the queue. */
  handleMedia: MediaHandler;
  /** For the Electron adapter's window and power events. */
  exposure: ExposureService;
  /** Known-material hash sets: case import asks `known.lookup` for each file's digests. */
  known: KnownMaterialService;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition of every main-side service behind the contract. Both adapters
 * build exactly this and only translate transport; no behaviour lives in them. Each
 * service subscribes to the settings it uses; the request table is in request-table.ts.
 */
export async function createVeilServices(deps: VeilServicesDeps): Promise<VeilServices> {
  const { settings, hub } = deps;
  const logFailure = (what: string) => (error: unknown) => console.error(what, error);
  const ledger = await createLedger({
    dataDir: deps.dataDir,
    timeZone: deps.timeZone,
    nowMs: deps.nowMs,
    retentionDays: settings.get().ledgerRetentionDays,
  });
  const session = createCaseSession({
    idGenerator: deps.newId,
    nowMs: deps.nowMs,
    emit: (name, payload) => {
      hub.emit(name, payload);
      // The review's progress counts the list "To review": it follows every change of it, not only decisions.
      if (name === 'caseChanged') review.listChanged();
    },
    onItems: (caseId, items) => prefetch.itemsListed(caseId, items),
    matchKnown: (digests) => matchKnown(digests),
    matchNearPdq: (pdq) => casePdq.matchNear(pdq),
    onImportEnded: (caseId) => {
      // First: a pass with nothing to hash ends as it starts, and its record must follow the import's.
      recordAvoided('import');
      casePdq.importEnded(caseId);
    },
    // Near copies are spared too: the case's counts are written again once its near stacks are whole.
    onPdqPassEnded: () => recordAvoided('pdq-pass'),
    onCaseOpened: (caseId) => {
      casePdq.caseOpened();
      // Read again at every open: the manifest beside the case is the source, and the lock holds from the first picture asked for.
      referral.caseOpened(caseId, session.caseFolder(caseId).realRoot);
    },
    listVersionOffset: () => referralVersion,
    nearThresholdBits: () => settings.get().nearMatchDistanceBits,
    // The shared workspace of the case left closes after its import's last rows (a stuck import holds it a bounded time).
    // Review decisions not saved yet get their last try before it closes too, or they would be dropped with the case.
    onCaseLeft: (writesDone) =>
      notes.keepOpenFor(
        Promise.race([Promise.allSettled([writesDone, review.leave()]), new Promise((resolve) => setTimeout(resolve, IMPORT_STOP_WAIT_MS).unref())]),
      ),
    picturesInFlight: () => pool.status.busy + pool.status.queued > 0,
    // The notes' workspace: one handle (one writer, one lock) per case for both.
    caseWorkspace: (caseId) => notes.workspace(caseId),
  });
  let closing = false;
  /** The open case's last avoided record written: its pair of counts, set when its import ended, is the case's signature in the week. */
  let importAvoided: { caseId: string; record: AvoidedRecord } | null = null;
  /** Exposure avoided: only the counts reach the ledger, never which case they came from. */
  const recordAvoided = (moment: 'import' | 'pdq-pass'): void => {
    // Quitting cancels the import after the ledger has closed: nothing more to write then.
    const summary = session.summary();
    if (closing || !summary) return;
    const now = caseAvoidedRecord(deps.nowMs(), summary);
    const ofImport = importAvoided?.caseId === summary.caseId ? importAvoided.record : null;
    const avoided = moment === 'import' ? now : pdqPassEndedRecord(now, ofImport);
    if (!avoided) return;
    importAvoided = { caseId: summary.caseId, record: avoided };
    try {
      ledger.add([avoided]);
    } catch (error) {
      logFailure('recording exposure avoided')(error);
    }
  };
  const pool = new MediaWorkerPool({ spawnWorker: deps.spawnWorker });
  const cache = createDerivativeCache({ maxBytes: settings.get().mediaCacheMb * MIB });
  const media = createMediaService({
    pool,
    cache,
    lookupItem: async (itemId) => {
      const settling = session.lookupItem(itemId)?.nearComparable === true ? casePdq.nearIndexSettling() : null;
      if (settling) await settling;
      // No picture before the referral is read: it may lock this item.
      await referral.settled();
      const location = session.lookupItem(itemId);
      return location && { ...location, referralLocked: await referral.isLockedOrCopy(itemId), referralFloor: referral.floorFor(itemId) };
    },
    onItemFailed: (itemId, error) => session.markItemFailed(itemId, error),
    needsPdq: (itemId) => session.needsPdq(itemId),
    onPdq: (itemId, pdq) => void session.recordPdq(itemId, pdq),
  });
  const prefetch = createFirstScreenPrefetch({ media, profile: () => settings.get().defaultProfile });
  const exposure = createExposureService({
    ledger,
    settings,
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    systemLocale: deps.systemLocale,
    isOpenCaseItem: (caseId, itemId) => session.summary()?.caseId === caseId && session.lookupItem(itemId) !== null,
    schedule: systemSchedule,
  });
  const wellbeing = await startWellbeing({
    dataDir: deps.dataDir,
    settings,
    exposure,
    ledger,
    hub,
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    systemLocale: deps.systemLocale,
    saveIntervalMs: FLUSH_INTERVAL_MS,
  });
  const workspaceWorker = deps.workspaceWorker;
  const notes = createNotesForOpenCase({
    session,
    notesFolder: () => settings.get().notesFolder,
    nowMs: deps.nowMs,
    stamp: deps.newId,
    openWorkspace: workspaceWorker
      ? (filePath, legacyNotesPath) =>
          openCaseWorkspace({ filePath, legacyNotesPath, host: deps.host, nowMs: deps.nowMs(), stamp: deps.newId(), workerPath: workspaceWorker })
      : undefined,
  });
  const sharing = createTeamSharingService({
    dataDir: deps.dataDir,
    secretOptions: deps.teamShareSecret,
    settings: () => settings.get(),
    readDays: (fromDayKey, toDayKey) => ledger.readDays(fromDayKey, toDayKey),
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    stateFile: sharingStateFile(deps.dataDir, deps.newId),
    log: (message) => console.warn(message),
    notify: (notice) => hub.emit('noticeRaised', notice),
  });

  const known = createKnownMaterialService({
    folder: () => settings.get().knownMaterialFolder ?? defaultKnownMaterialFolder(deps.dataDir),
    nowMs: deps.nowMs,
    onProgress: (progress) => hub.emit('hashSetImportProgress', progress),
    onSetsChanged: () => knownSetsChanged(),
  });
  /** What the open case is matched against changed (a set, the library folder, the library readable again). */
  const review = createReviewService({
    session,
    workspace: (caseId) => notes.workspace(caseId),
    userName: deps.userName,
    presetScheme: () => presetScheme(settings.get().review),
    nowMs: deps.nowMs,
    onChange: (state) => hub.emit('reviewChanged', state),
    retryMs: DECISION_RETRY_MS,
    setTimer: (callback, delayMs) => {
      const timer = setTimeout(callback, delayMs);
      timer.unref();
      return { cancel: () => clearTimeout(timer) };
    },
  });
  /** Bumped when the referral's readings change the open case's items, so the grid asks for them again. */
  let referralVersion = 0;
  const referralNotices: Notice[] = [];
  const referral = createCaseReferral({
    workspace: (caseId) => notes.workspace(caseId),
    userName: deps.userName,
    nowMs: deps.nowMs,
    settings: () => settings.get().referral,
    notify: (notice) => {
      referralNotices.push(notice);
      hub.emit('noticeRaised', notice);
    },
    onItemsChanged: () => {
      referralVersion += 1;
      const summary = session.summary();
      if (summary) hub.emit('caseChanged', summary);
      review.listChanged();
    },
    itemOf: (caseId, itemId) => {
      // Asked for every picture: not the summary (it counts the views), just the item; another case's item is none.
      try {
        return session.getItems(caseId, [itemId])[0] ?? null;
      } catch {
        return null;
      }
    },
  });
  const knownSetsChanged = (): void => {
    casePdq.setsChanged();
    void session.rematchKnown().catch(logFailure('matching the open case again'));
  };
  const nearIndexWorker = deps.nearIndexWorker;
  const casePdq = createCasePdq({
    session,
    pool,
    known,
    nowMs: deps.nowMs,
    thresholdBits: () => settings.get().nearMatchDistanceBits,
    nearIndex:
      nearIndexWorker === undefined
        ? undefined
        : {
            // Not the parent's flags (a tsx loader, an inspector port), as for the workspace thread.
            spawn: (job) => new Worker(nearIndexWorker, { workerData: job, execArgv: [] }),
            libraryFile: () => known.libraryFile(),
            onReady: () => void session.rematchKnown().catch(logFailure('matching the open case again')),
          },
  });
  const matchKnown = createKnownMatcher(known, {
    notify: (notice) => hub.emit('noticeRaised', notice),
    onReadableAgain: () => knownSetsChanged(),
  });

  const subscriptions = [
    ledger.onNotice((notice) => hub.emit('noticeRaised', notice)),
    watchSetting(
      settings,
      (current) => current.mediaCacheMb,
      (mediaCacheMb) => cache.setMaxBytes(mediaCacheMb * MIB),
    ),
    watchSetting(
      settings,
      (current) => current.knownMaterialFolder,
      () => knownSetsChanged(),
    ),
    watchSetting(
      settings,
      (current) => current.nearMatchDistanceBits,
      () => {
        session.restack();
        void session.rematchKnown().catch(logFailure('matching the open case again'));
      },
    ),
    watchSetting(
      settings,
      (current) => current.referral,
      () => referral.settingsChanged(),
    ),
    watchSetting(
      settings,
      (current) => current.ledgerRetentionDays,
      (days) => void ledger.setRetentionDays(days).catch(logFailure('ledger retention')),
    ),
    settings.onChange((next) => hub.emit('settingsChanged', next)),
  ];

  // session.open checks the folder before letting go of the open case.
  const openFolder = async (folderPath: string, isDemo: boolean) => {
    const summary = await session.open(folderPath, { isDemo });
    media.reset();
    return summary;
  };

  const handlers = createRequestHandlers({
    host: deps.host,
    version: deps.version,
    settings,
    session,
    exposure,
    wellbeing: wellbeing.service,
    notes,
    sharing,
    media,
    known,
    review,
    referral,
    notices: () => [...settings.notices, ...ledger.notices, ...wellbeing.notices(), ...referralNotices],
    openFolder,
    demoCaseDir: deps.demoCaseDir,
    pickFolder: deps.pickFolder,
    pickFile: deps.pickFile,
    exportReview: createReviewExport({
      session,
      review,
      workspace: (caseId) => notes.workspace(caseId),
      notes: (caseId) => notes.load(caseId),
      dataDir: deps.dataDir,
      nowMs: deps.nowMs,
    }),
  });

  return {
    handlers,
    handleMedia: (pathAfterPrefix, query, headers, signal) => handleMediaRequest(media, pathAfterPrefix, query, headers, signal),
    exposure,
    known,
    async start() {
      // Started here, not while composing: a failure above must leave no worker behind. A case
      // opens next, and its first thumbnails must not wait for Node and sharp to load.
      pool.warm();
      sharing.start();
      if (deps.initialCaseDir) await openFolder(deps.initialCaseDir, false);
      else await openFolder(deps.demoCaseDir, true);
    },
    async close() {
      closing = true;
      for (const unsubscribe of subscriptions) unsubscribe();
      // Whatever fails on the way, the media workers and the hash-set library are let go.
      try {
        await exposure.close();
        await wellbeing.close();
        // The ledger and break state are written by now (both local). A notes save or an export
        // to a network share, or an import, stuck on a dead drive must not hold quitting.
        const waited = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
        // The import and PDQ pass stop first and their last rows go into the workspace the notes share,
        // then it closes; a stuck import holds the close for half the wait at most.
        const importStopped = Promise.allSettled([session.cancelImport(), casePdq.close()]).then(() => session.whenIdle());
        // Decisions waiting for a retry get one last try now rather than being dropped at quit.
        const decisionsWritten = review.leave().finally(() => review.close());
        const notesClosed = Promise.race([Promise.allSettled([importStopped, decisionsWritten]), waited(IMPORT_STOP_WAIT_MS / 2)])
          .catch(() => undefined)
          .then(() => notes.close());
        const stopped = Promise.allSettled([notesClosed, sharing.close(), importStopped]).then((results) => {
          for (const result of results) if (result.status === 'rejected') logFailure('stopping a service')(result.reason);
        });
        await Promise.race([stopped, waited(IMPORT_STOP_WAIT_MS)]);
      } finally {
        pool.close();
        known.close();
      }
    },
  };
}
