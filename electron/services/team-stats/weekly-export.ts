import { randomBytes } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { isoWeekBounds, isoWeekIndex, isoWeekFromIndex, isoWeekOf, parseIsoWeek, previousIsoWeek } from '../../../shared/team-stats/iso-week.js';
import { parseWeeklySummary, type WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';
import { reasonOf, type Reason } from '../../../shared/reasons/reason.js';
import { errorCode } from '../case/error-code.js';
import { replaceFileAtomically } from '../platform/durable-write.js';

/**
 * Writes an investigator's weekly summaries into the folder they chose (typically the team
 * share), by hand or automatically once a week after the week ends.
 */

/** Weeks the automatic export catches up after the machine was off: older ones are left to a manual export. */
export const MAX_CATCH_UP_WEEKS = 4;

/** Characters of the key in the file name: unique enough in any team, without carrying the whole key twice. */
const KEY_CHARS_IN_NAME = 12;

export type WeeklyExportErrorCode = 'invalid-summary' | 'folder-missing' | 'not-a-folder' | 'read-only' | 'permission-denied' | 'disk-full' | 'write-failed';

/** An export that could not be written; `reason` is what the investigator is told, `message` the log line. */
export class WeeklyExportError extends Error {
  constructor(
    readonly code: WeeklyExportErrorCode,
    readonly folderPath: string,
    message: string,
    /** The system's error code (EROFS, EBUSY…), when there was one. */
    readonly osCode = '',
  ) {
    super(message);
    this.name = 'WeeklyExportError';
  }

  get reason(): Reason {
    const path = this.folderPath;
    switch (this.code) {
      case 'invalid-summary':
        return reasonOf('export-invalid-summary', {});
      case 'folder-missing':
        return reasonOf('export-folder-missing', { path });
      case 'not-a-folder':
        return reasonOf('export-not-a-folder', { path });
      case 'read-only':
        return reasonOf('export-read-only', { path });
      case 'permission-denied':
        return reasonOf('export-permission-denied', { path });
      case 'disk-full':
        return reasonOf('export-disk-full', { path });
      case 'write-failed':
        return this.osCode === 'EBUSY' ? reasonOf('export-in-use', { path }) : reasonOf('export-write-failed', { path, osCode: this.osCode });
    }
  }
}

/** The file-system calls an export makes; injectable so tests can simulate a read-only share or a full disk. */
export interface ExportWriteFs {
  stat(filePath: string): Promise<Pick<Stats, 'isDirectory'>>;
  rename(fromPath: string, toPath: string): Promise<void>;
}

export const nodeExportWriteFs: ExportWriteFs = { stat, rename };

/**
 * The time every export of `week` carries as its access and modification time: the end of
 * the ISO week in UTC. When a file was written (an automatic export at someone's first
 * hourly check after the weekend, three catch-up weeks written in one second) would
 * otherwise link a person's weeks through the folder's own listing.
 */
function exportFileTime(week: string): Date {
  return new Date(isoWeekBounds(week, 'UTC').endMs);
}

/** The shared file's name, `veil-week-<isoWeek>-<first 12 hex of key>.json`: no name, no machine. */
function weeklyExportFileName(summary: Pick<WeeklySummary, 'week' | 'key'>): string {
  return `veil-week-${summary.week}-${summary.key.slice(0, KEY_CHARS_IN_NAME)}.json`;
}

/**
 * The exact file an export writes (name and text), for the preview Veil shows before the
 * first export and on demand: what is previewed is byte for byte what is shared. The
 * summary is validated first, so only the documented fields, in documented order, can
 * ever leave the machine. Throws WeeklyExportError('invalid-summary') otherwise.
 */
export function renderWeeklyExport(summary: WeeklySummary): { fileName: string; json: string } {
  const parsed = parseWeeklySummary(summary);
  if (!parsed.ok) throw new WeeklyExportError('invalid-summary', '', `Veil built a summary it would not share (${parsed.detail}); nothing was written.`);
  return { fileName: weeklyExportFileName(parsed.summary), json: `${JSON.stringify(parsed.summary, null, 2)}\n` };
}

/**
 * Writes one week's summary into `folderPath` atomically through the durable-write module:
 * a hidden temp file in the same folder (its name does not end in `.json`, so a lead reading
 * meanwhile ignores it), synced, renamed over `veil-week-….json`, folder synced. Re-exporting a week replaces the same file. The
 * folder is never created: a missing folder usually means the share is not connected, and
 * a local folder under its mount point would hide exports from the lead.
 */
export async function writeWeeklyExport(
  folderPath: string,
  summary: WeeklySummary,
  fs: ExportWriteFs = nodeExportWriteFs,
): Promise<{ fileName: string; filePath: string; sizeBytes: number }> {
  const { fileName, json } = renderWeeklyExport(summary);
  try {
    if (!(await fs.stat(folderPath)).isDirectory())
      throw new WeeklyExportError('not-a-folder', folderPath, `The export folder "${folderPath}" is not a folder; nothing was written.`);
  } catch (error) {
    if (error instanceof WeeklyExportError) throw error;
    throw exportError(folderPath, errorCode(error));
  }
  const bytes = Buffer.from(json, 'utf8');
  const filePath = join(folderPath, fileName);
  try {
    await replaceFileAtomically(folderPath, fileName, randomBytes(6).toString('hex'), bytes, {
      tempNameFor: (stamp) => `.${fileName}.tmp-${stamp}`,
      mode: 0o644,
      times: exportFileTime(summary.week),
      rename: (fromPath, toPath) => fs.rename(fromPath, toPath),
    });
  } catch (error) {
    throw exportError(folderPath, errorCode(error));
  }
  return { fileName, filePath, sizeBytes: bytes.length };
}

/**
 * The finished ISO weeks due for the automatic export, oldest first: every week after
 * `lastExportedWeek` up to the last finished one, but at most MAX_CATCH_UP_WEEKS (the most
 * recent), and never the current week (it has not ended in `timeZone`). With no export yet
 * (or an unreadable record of it), only the last finished week. A clock set back before
 * `lastExportedWeek` gives nothing.
 */
export function dueWeeks(lastExportedWeek: string | null, nowMs: number, timeZone: string, maxCatchUpWeeks = MAX_CATCH_UP_WEEKS): string[] {
  const lastFinishedIndex = isoWeekIndex(previousIsoWeek(isoWeekOf(nowMs, timeZone)));
  const firstDueIndex = lastExportedWeek !== null && parseIsoWeek(lastExportedWeek) !== null ? isoWeekIndex(lastExportedWeek) + 1 : lastFinishedIndex;
  const weeks: string[] = [];
  for (let index = Math.max(firstDueIndex, lastFinishedIndex - maxCatchUpWeeks + 1); index <= lastFinishedIndex; index += 1)
    weeks.push(isoWeekFromIndex(index));
  return weeks;
}

export interface ExportWeeksResult {
  /** Weeks written, in order; the last one is the new "last exported week". */
  readonly exported: { week: string; fileName: string }[];
  /** The first week that failed (later weeks were not tried), or null. */
  readonly failure: { week: string; error: WeeklyExportError } | null;
}

/**
 * Exports `weeks` in order, stopping at the first failure so the caller's "last exported
 * week" stays truthful and the failed weeks are simply due again next time: nothing is lost,
 * only delayed. A summary that cannot be built (summaryFor throws) is a failure too.
 */
export async function exportWeeks(
  folderPath: string,
  weeks: readonly string[],
  summaryFor: (week: string) => WeeklySummary | Promise<WeeklySummary>,
  fs: ExportWriteFs = nodeExportWriteFs,
): Promise<ExportWeeksResult> {
  const exported: { week: string; fileName: string }[] = [];
  for (const week of weeks) {
    try {
      const { fileName } = await writeWeeklyExport(folderPath, await summaryFor(week), fs);
      exported.push({ week, fileName });
    } catch (error) {
      const exportFailure =
        error instanceof WeeklyExportError
          ? error
          : new WeeklyExportError(
              'write-failed',
              folderPath,
              `The summary of ${week} could not be made (${errorCode(error)}); nothing was written.`,
              errorCode(error),
            );
      return { exported, failure: { week, error: exportFailure } };
    }
  }
  return { exported, failure: null };
}

function exportError(folderPath: string, code: string): WeeklyExportError {
  switch (code) {
    case 'ENOENT':
      return new WeeklyExportError(
        'folder-missing',
        folderPath,
        `The export folder "${folderPath}" is not there (is the network share connected?); nothing was written.`,
        code,
      );
    case 'ENOTDIR':
      return new WeeklyExportError('not-a-folder', folderPath, `The export folder "${folderPath}" is not a folder; nothing was written.`, code);
    case 'EROFS':
      return new WeeklyExportError('read-only', folderPath, `The export folder "${folderPath}" is on a read-only drive or share; nothing was written.`, code);
    case 'EACCES':
    case 'EPERM':
      return new WeeklyExportError(
        'permission-denied',
        folderPath,
        `Veil may not write into the export folder "${folderPath}" (permission denied); nothing was written.`,
        code,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new WeeklyExportError('disk-full', folderPath, `The export folder "${folderPath}" is full (or over quota); nothing was written.`, code);
    case 'EBUSY':
      return new WeeklyExportError(
        'write-failed',
        folderPath,
        `The export in "${folderPath}" is in use by another program (being read?); nothing was written.`,
        code,
      );
    default:
      return new WeeklyExportError('write-failed', folderPath, `The export into "${folderPath}" failed (${code}); nothing was written.`, code);
  }
}
