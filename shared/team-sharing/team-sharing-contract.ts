import { z } from 'zod';
import { isRealIsoWeek } from '../team-stats/iso-week.js';
import { MIN_GROUP_SIZE, TeamStatsSchema } from '../team-stats/team-stats-schema.js';
import { WeeklySummarySchema } from '../team-stats/weekly-summary.js';
import { ReasonSchema } from '../reasons/reason.js';

/**
 * What crosses the contract for part 4: the investigator's weekly export (preview, export,
 * status) and the wellness lead's team view (aggregates of a folder of exports).
 */
export const IsoWeekSchema = z.string().refine(isRealIsoWeek, 'must be an ISO week that exists (YYYY-Www)');

/** A lead may raise k; the largest value is a sanity bound, not a policy. */
export const MAX_MIN_GROUP_SIZE = 1000;
const MinGroupSizeSchema = z.number().int().min(MIN_GROUP_SIZE).max(MAX_MIN_GROUP_SIZE);

/** Why an export could not be written; the UI translates the code, `detail` is the technical part. */
const WeeklyExportErrorCodeSchema = z.enum([
  'invalid-summary',
  'folder-missing',
  'not-a-folder',
  'read-only',
  'permission-denied',
  'disk-full',
  'write-failed',
  'sharing-off',
]);
export type WeeklyExportErrorCode = z.infer<typeof WeeklyExportErrorCodeSchema>;

/** Exactly the file an export would write, for the preview shown before the first export and on demand. */
export const WeeklyExportPreviewSchema = z.object({
  week: IsoWeekSchema,
  fileName: z.string(),
  /** The file's text, byte for byte what would be shared. */
  json: z.string(),
  summary: WeeklySummarySchema,
  /** Finished weeks the investigator may preview or export, newest first. */
  weeks: z.array(IsoWeekSchema),
});
export type WeeklyExportPreview = z.infer<typeof WeeklyExportPreviewSchema>;

export const TeamSharingStatusSchema = z.object({
  /** The newest week exported to the folder, by hand or automatically. */
  lastExportedWeek: IsoWeekSchema.nullable(),
  /** The last export that failed, until one succeeds. */
  lastFailure: z
    .object({
      week: IsoWeekSchema,
      code: WeeklyExportErrorCodeSchema,
      /** English, for the log; files written before reasons existed have only this. */
      detail: z.string(),
      /** What the user is told, translated by the renderer. */
      reason: ReasonSchema.optional(),
    })
    .nullable(),
});
export type TeamSharingStatus = z.infer<typeof TeamSharingStatusSchema>;

/** Why a file in the lead's folder was left out (file trouble first, then content). */
const RejectCodeSchema = z.enum([
  'symlink',
  'not-a-file',
  'too-large',
  'unreadable',
  'vanished',
  'malformed-json',
  'not-an-object',
  'forbidden-key',
  'wrong-format',
  'wrong-version',
  'invalid-field',
]);

const RejectedExportSchema = z.object({ fileName: z.string(), code: RejectCodeSchema, reason: ReasonSchema });

export const TeamStatsResultSchema = z.object({
  stats: TeamStatsSchema,
  /**
   * Files left out, with why; their contents are never shown. There is deliberately no
   * count of the valid files: minus the shown contributors, it would give the headcount
   * of the hidden weeks.
   */
  rejected: z.array(RejectedExportSchema),
});
export type TeamStatsResult = z.infer<typeof TeamStatsResultSchema>;

export const LoadTeamStatsArgsSchema = z
  .object({
    folderPath: z.string().min(1).max(4096),
    minGroupSize: MinGroupSizeSchema,
    fromWeek: IsoWeekSchema.optional(),
    toWeek: IsoWeekSchema.optional(),
  })
  .strict();
