import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import { addDaysToKey, dayKey } from '../../../shared/exposure/day-boundaries.js';
import type { LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { Notice } from '../../../shared/notices.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { buildWeeklySummary, isoWeekBounds, isoWeekOf, previousIsoWeek } from '../../../shared/team-stats/build-weekly-summary.js';
import { capSetDuring } from '../../../shared/team-stats/caps-in-force.js';
import { isoWeekIndex } from '../../../shared/team-stats/iso-week.js';
import type { WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';
import type { TeamSharingStatus, WeeklyExportPreview } from '../../../shared/team-sharing/team-sharing-contract.js';
import { loadOrCreateTeamShareSecret, weekKeyHex, type TeamShareSecretOptions } from '../team-stats/team-share-secret.js';
import { dueWeeks, exportWeeks, renderWeeklyExport } from '../team-stats/weekly-export.js';
import type { sharingStateFile } from './sharing-state-file.js';

/** Finished weeks offered for preview and export by hand: a quarter back. */
const WEEKS_OFFERED = 13;
/** How often the automatic export looks for a finished week (it also looks at start). */
const AUTO_EXPORT_CHECK_MS = 60 * 60 * 1000;

export interface TeamSharingDeps {
  dataDir: string;
  /** Where and how the team-share secret is kept (the desktop app seals it with the OS key store). */
  secretOptions?: TeamShareSecretOptions;
  settings: () => Settings;
  readDays: (fromDayKey: string, toDayKey: string) => Promise<LedgerRecord[]>;
  nowMs: () => number;
  timeZone: string;
  stateFile: ReturnType<typeof sharingStateFile>;
  /** Something the log should hold (an automatic export that failed is also in the status). */
  log: (message: string) => void;
  /** Something the user must hear about (the secret was damaged and replaced). */
  notify: (notice: Notice) => void;
}

export interface TeamSharingService {
  preview(week?: string): Promise<WeeklyExportPreview>;
  exportNow(week?: string): Promise<{ week: string; fileName: string; status: TeamSharingStatus }>;
  status(): Promise<TeamSharingStatus>;
  /** Exports the finished weeks not yet exported, when sharing is on and automatic. */
  exportDue(): Promise<void>;
  start(): void;
  close(): Promise<void>;
}

/**
 * The investigator's side of team statistics: builds a week's summary from the local
 * ledger (the same counting as My exposure), shows it exactly as it would be shared, and
 * writes it to the chosen folder by hand or once a week. Nothing is written to any
 * sharing folder while sharing is off; the secret behind the week keys is made in the data
 * folder on first use (a preview included) and Veil never sends it anywhere.
 */
export function createTeamSharingService(deps: TeamSharingDeps): TeamSharingService {
  let status: TeamSharingStatus | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  // Read (or made) once: every summary of a preview or a catch-up uses the same secret.
  let secretLoaded: Promise<Uint8Array> | null = null;
  const secret = (): Promise<Uint8Array> =>
    (secretLoaded ??= loadOrCreateTeamShareSecret(deps.dataDir, deps.secretOptions)
      .then(({ secret: bytes, keptAsideAs }) => {
        if (keptAsideAs !== null) deps.notify({ code: 'team-share-key-reset', detail: 'team-share.key had the wrong length or type', keptAs: keptAsideAs });
        return bytes;
      })
      .catch((error: unknown) => {
        // A data folder that could not be read just now may be readable at the next try.
        secretLoaded = null;
        throw error;
      }));

  const lastFinishedWeek = (): string => previousIsoWeek(isoWeekOf(deps.nowMs(), deps.timeZone));
  const offeredWeeks = (): string[] => {
    const weeks = [lastFinishedWeek()];
    while (weeks.length < WEEKS_OFFERED) weeks.push(previousIsoWeek(weeks[weeks.length - 1] ?? lastFinishedWeek()));
    return weeks;
  };
  const checkWeek = (week: string | undefined): string => {
    const chosen = week ?? lastFinishedWeek();
    if (isoWeekIndex(chosen) > isoWeekIndex(lastFinishedWeek()))
      throw VeilRequestError.because(reasonOf('week-not-finished', { week: chosen }), 'invalid-arguments');
    return chosen;
  };

  async function summaryOf(week: string): Promise<WeeklySummary> {
    const { startMs, endMs } = isoWeekBounds(week, deps.timeZone);
    // One day either side: records are filed by local day, and a stretch may cross the boundary.
    const records = await deps.readDays(addDaysToKey(dayKey(startMs, deps.timeZone), -1), addDaysToKey(dayKey(endMs, deps.timeZone), 1));
    const weekSecret = await secret();
    const settings = deps.settings();
    return buildWeeklySummary(records, {
      isoWeek: week,
      timeZone: deps.timeZone,
      keyHex: weekKeyHex(weekSecret, week),
      // The caps in force that week, from the ledger: a cap set today says nothing of last week.
      capSet: capSetDuring(records, { startMs, endMs }),
      workingHours: settings.breaks.workingHours,
    });
  }

  async function currentStatus(): Promise<TeamSharingStatus> {
    status ??= await deps.stateFile.read();
    return status;
  }

  /**
   * The last exported week, unless it lies after the last finished week: then the clock
   * was wrong when it was written (set years ahead, then put right), and keeping it would
   * stop every export until that date comes round.
   */
  async function plausibleLastExported(): Promise<string | null> {
    const last = (await currentStatus()).lastExportedWeek;
    if (last === null || isoWeekIndex(last) <= isoWeekIndex(lastFinishedWeek())) return last;
    deps.log(`the last exported week ${last} is after the last finished week ${lastFinishedWeek()}: the clock was wrong; exporting from now on`);
    return null;
  }

  async function exportWeeksNow(weeks: readonly string[]): Promise<{ status: TeamSharingStatus; exported: readonly { week: string; fileName: string }[] }> {
    const { teamSharing } = deps.settings();
    if (!teamSharing.enabled || teamSharing.folder === null) throw VeilRequestError.because(reasonOf('sharing-off', {}));
    const result = await exportWeeks(teamSharing.folder, weeks, summaryOf);
    const newest = result.exported.reduce<string | null>(
      (latest, { week }) => (latest === null || isoWeekIndex(week) > isoWeekIndex(latest) ? week : latest),
      await plausibleLastExported(),
    );
    status = {
      lastExportedWeek: newest,
      lastFailure: result.failure
        ? { week: result.failure.week, code: result.failure.error.code, detail: result.failure.error.message, reason: result.failure.error.reason }
        : null,
    };
    await deps.stateFile.write(status);
    return { status, exported: result.exported };
  }

  /** One export at a time: the automatic one and a click must not write the same week together. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const result = running.then(job, job);
    running = result.catch(() => undefined);
    return result;
  }

  return {
    async preview(week) {
      const chosen = checkWeek(week);
      const summary = await summaryOf(chosen);
      const { fileName, json } = renderWeeklyExport(summary);
      return { week: chosen, fileName, json, summary, weeks: offeredWeeks() };
    },
    exportNow(week) {
      return serial(async () => {
        const chosen = checkWeek(week);
        const { status: next, exported } = await exportWeeksNow([chosen]);
        const written = exported.find((entry) => entry.week === chosen);
        if (!written)
          throw VeilRequestError.because(
            next.lastFailure?.reason ?? reasonOf('export-write-failed', { path: deps.settings().teamSharing.folder ?? '', osCode: '' }),
          );
        return { week: chosen, fileName: written.fileName, status: next };
      });
    },
    status: currentStatus,
    exportDue() {
      return serial(async () => {
        const { teamSharing } = deps.settings();
        if (!teamSharing.enabled || !teamSharing.automatic || teamSharing.folder === null) return;
        const weeks = dueWeeks(await plausibleLastExported(), deps.nowMs(), deps.timeZone);
        if (weeks.length === 0) return;
        const { status: next } = await exportWeeksNow(weeks);
        if (next.lastFailure) deps.log(`automatic weekly export: ${next.lastFailure.detail}`);
      });
    },
    start() {
      const tick = () => void this.exportDue().catch((error: unknown) => deps.log(`automatic weekly export: ${String(error)}`));
      tick();
      timer = setInterval(tick, AUTO_EXPORT_CHECK_MS);
      timer.unref?.();
    },
    async close() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
