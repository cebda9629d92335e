/**
 * The real main-side composition (createVeilServices) in a temporary data folder, with real
 * media worker processes (the TypeScript entry run through tsx, as the pool tests do), for
 * reliability tests that must see what a user would: items, error tiles, derivatives, the ledger.
 * Each worker the pool starts is recorded with its pid and how it ended, and a test may act
 * on every job sent to one (to crash it mid-job).
 */
import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportProgress } from '../../../shared/case/import-progress.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { EventPayloads } from '../../../shared/contract.js';
import type { WorkerRequest } from '../../../electron/media-worker/protocol.js';
import { createEventHub, type VeilEvent } from '../../../electron/services/event-hub.js';
import { forkWorkerChannel } from '../../../electron/services/media/fork-worker.js';
import type { WorkerChannel } from '../../../electron/services/media/worker-channel.js';
import { confSettingsFile, settingsFileOptions } from '../../../electron/services/settings/settings-file.js';
import { createSettingsService } from '../../../electron/services/settings/settings-service.js';
import { createVeilServices, type VeilServices } from '../../../electron/services/veil-services.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const HOSTILE_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/hostile-media');
const WORKER_ENTRY = path.join(REPO_ROOT, 'electron/media-worker/worker-main.ts');

export interface SpawnedWorker {
  readonly pid: number | undefined;
  /** Set once the process has ended. */
  ended: { code: number | null; signal: string | null } | null;
  jobsSent: number;
}

export type StillOutcome = { ok: true; bytes: Buffer; ms: number } | { ok: false; status: number; code: string; detail: string; ms: number };

export interface ServiceHarness {
  services: VeilServices;
  dataDir: string;
  workers: SpawnedWorker[];
  events: VeilEvent[];
  /** Moves the services' clock on (exposure is measured with it), without waiting. */
  advanceClock(ms: number): void;
  /** Opens a case and resolves once its import has ended, with its final progress. */
  openCase(folderPath: string): Promise<{ caseId: string; progress: ImportProgress }>;
  /** Resolves with the final progress of that case's import, at once if it has ended. */
  importEnded(caseId: string): Promise<ImportProgress>;
  /** Every event the services push, as it is pushed; returns an unsubscribe function. */
  onEvent(listener: (event: VeilEvent) => void): () => void;
  listAllItems(caseId: string): Promise<MediaItem[]>;
  /** Asks the media route for a thumbnail as the renderer would (greyscale, strong blur). */
  thumb(itemId: string): Promise<StillOutcome>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Called after each job is posted to a worker, with that worker: a test may kill it here. */
  onJobSent?: (worker: SpawnedWorker, job: WorkerRequest) => void;
}

export async function startServiceHarness(options: HarnessOptions = {}): Promise<ServiceHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-reliability-data-'));
  const workers: SpawnedWorker[] = [];
  const events: VeilEvent[] = [];
  let skewMs = 0;
  const hub = createEventHub();
  hub.subscribe((event) => events.push(event));

  const spawnWorker = (): WorkerChannel => {
    const channel = forkWorkerChannel(WORKER_ENTRY, ['--import', 'tsx']);
    const worker: SpawnedWorker = { pid: channel.pid, ended: null, jobsSent: 0 };
    workers.push(worker);
    channel.onExit((code, signal) => {
      worker.ended = { code, signal };
    });
    return {
      get pid() {
        return channel.pid;
      },
      postMessage(message) {
        channel.postMessage(message);
        if ('cancelJobId' in message) return;
        worker.jobsSent += 1;
        options.onJobSent?.(worker, message);
      },
      onMessage: (listener) => channel.onMessage(listener),
      onExit: (listener) => channel.onExit(listener),
      kill: () => channel.kill(),
    };
  };

  const settings = createSettingsService({
    filePath: path.join(dataDir, 'settings.json'),
    openFile: () => confSettingsFile(new Conf(settingsFileOptions(dataDir))),
    nowMs: Date.now,
  });
  const services = await createVeilServices({
    host: 'browser',
    version: 'test',
    settings,
    hub,
    spawnWorker,
    demoCaseDir: HOSTILE_CORPUS,
    initialCaseDir: null,
    pickFolder: null,
    nowMs: () => Date.now() + skewMs,
    newId: () => randomBytes(16).toString('base64url'),
    dataDir,
    timeZone: 'UTC',
    systemLocale: 'en-CA',
    userName: 'investigator',
  });

  const endedProgress = (event: VeilEvent, caseId: string): ImportProgress | null => {
    if (event.name !== 'importProgress') return null;
    const payload = event.payload as EventPayloads['importProgress'];
    return payload.caseId === caseId && payload.progress.phase !== 'scanning' ? payload.progress : null;
  };
  const importEnded = (caseId: string): Promise<ImportProgress> =>
    new Promise((resolve) => {
      for (const event of events) {
        const progress = endedProgress(event, caseId);
        if (progress) return resolve(progress);
      }
      const unsubscribe = hub.subscribe((event) => {
        const progress = endedProgress(event, caseId);
        if (!progress) return;
        unsubscribe();
        resolve(progress);
      });
    });

  let closed = false;
  return {
    services,
    dataDir,
    workers,
    events,
    advanceClock(ms) {
      skewMs += ms;
    },
    importEnded,
    onEvent: (listener) => hub.subscribe(listener),
    async openCase(folderPath) {
      const summary = await services.handlers.openCase({ folderPath });
      if (summary === null) throw new Error('no case opened');
      return { caseId: summary.caseId, progress: await importEnded(summary.caseId) };
    },
    async listAllItems(caseId) {
      return (await services.handlers.listItems({ caseId, offset: 0, limit: 10_000, view: 'all' })).items;
    },
    async thumb(itemId) {
      const startedMs = performance.now();
      const response = await services.handleMedia(`${itemId}/thumb`, new URLSearchParams('grey=1&blur=strong'), {});
      const ms = performance.now() - startedMs;
      if (!(response.body instanceof Uint8Array)) throw new Error(`a still came back as ${String(response.body)}`);
      const bytes = Buffer.from(response.body);
      if (response.status === 200) return { ok: true, bytes, ms };
      const { code, detail } = JSON.parse(bytes.toString('utf8')) as { code: string; detail: string };
      return { ok: false, status: response.status, code, detail, ms };
    },
    async close() {
      if (closed) return;
      closed = true;
      await services.close();
    },
  };
}

/** Removes a harness's data folder (after close). */
export function removeDataDir(harness: ServiceHarness): void {
  rmSync(harness.dataDir, { recursive: true, force: true });
}
