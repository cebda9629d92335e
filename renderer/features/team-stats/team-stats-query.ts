import { isRealIsoWeek, isoWeekIndex } from '../../../shared/team-stats/iso-week.js';
import { MIN_GROUP_SIZE } from '../../../shared/team-stats/team-stats-schema.js';
import { MAX_MIN_GROUP_SIZE } from '../../../shared/team-sharing/team-sharing-contract.js';

/** The team view's form as typed. */
export interface TeamStatsFormDraft {
  folder: string;
  minGroupSize: string;
  /** Optional: empty means "from the first week with enough people". */
  fromWeek: string;
  toWeek: string;
}

export type TeamStatsFormProblem = 'folder' | 'minGroupSizeLow' | 'minGroupSizeHigh' | 'minGroupSizeWhole' | 'fromWeek' | 'toWeek' | 'order';

export interface TeamStatsQuery {
  folderPath: string;
  minGroupSize: number;
  fromWeek?: string;
  toWeek?: string;
}

export type CheckedTeamStatsForm = { ok: true; query: TeamStatsQuery } | { ok: false; problems: TeamStatsFormProblem[] };

/** Forgives case and surrounding spaces ("2026-w07 " → "2026-W07"); the week keeps its two digits. */
function normaliseWeek(text: string): string {
  return text.trim().toUpperCase();
}

function groupSizeProblem(text: string): TeamStatsFormProblem | null {
  const value = Number(text.trim());
  if (text.trim().length === 0 || !Number.isFinite(value)) return 'minGroupSizeWhole';
  if (value < MIN_GROUP_SIZE) return 'minGroupSizeLow';
  if (!Number.isInteger(value)) return 'minGroupSizeWhole';
  if (value > MAX_MIN_GROUP_SIZE) return 'minGroupSizeHigh';
  return null;
}

/**
 * Checks the form before anything is sent: a folder, a whole k of at least
 * MIN_GROUP_SIZE (the UI refuses to go lower, as the back end does), weeks that exist as
 * ISO weeks (YYYY-Www), and From not after To. Every problem is reported at once.
 */
export function checkTeamStatsForm(draft: TeamStatsFormDraft): CheckedTeamStatsForm {
  const problems: TeamStatsFormProblem[] = [];
  const folderPath = draft.folder.trim();
  if (folderPath.length === 0) problems.push('folder');
  const sizeProblem = groupSizeProblem(draft.minGroupSize);
  if (sizeProblem) problems.push(sizeProblem);
  const fromWeek = normaliseWeek(draft.fromWeek);
  const toWeek = normaliseWeek(draft.toWeek);
  const fromOk = fromWeek.length === 0 || isRealIsoWeek(fromWeek);
  const toOk = toWeek.length === 0 || isRealIsoWeek(toWeek);
  if (!fromOk) problems.push('fromWeek');
  if (!toOk) problems.push('toWeek');
  if (fromOk && toOk && fromWeek.length > 0 && toWeek.length > 0 && isoWeekIndex(fromWeek) > isoWeekIndex(toWeek)) problems.push('order');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    query: {
      folderPath,
      minGroupSize: Number(draft.minGroupSize.trim()),
      ...(fromWeek.length > 0 ? { fromWeek } : {}),
      ...(toWeek.length > 0 ? { toWeek } : {}),
    },
  };
}
