import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TeamSharingStatusSchema, type TeamSharingStatus } from '../../../shared/team-sharing/team-sharing-contract.js';
import { replaceFileAtomically } from '../platform/durable-write.js';

const STATE_FILE_NAME = 'team-share-state.json';
const StoredStateSchema = z.object({ v: z.literal(1), status: TeamSharingStatusSchema }).strict();

const NO_EXPORT_YET: TeamSharingStatus = { lastExportedWeek: null, lastFailure: null };

/**
 * Which week was last exported, so the automatic export neither repeats nor skips weeks
 * across restarts. Losing this file means only the last finished week is exported next
 * (weeks between it and the last one exported are skipped unless exported by hand): an
 * unreadable file is started afresh rather than kept aside, since it holds nothing else.
 */
export function sharingStateFile(dataDir: string, stamp: () => string) {
  return {
    async read(): Promise<TeamSharingStatus> {
      try {
        const parsed = StoredStateSchema.safeParse(JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')));
        return parsed.success ? parsed.data.status : NO_EXPORT_YET;
      } catch {
        return NO_EXPORT_YET;
      }
    },
    async write(status: TeamSharingStatus): Promise<void> {
      await replaceFileAtomically(dataDir, STATE_FILE_NAME, stamp(), Buffer.from(JSON.stringify({ v: 1, status }), 'utf8'));
    },
  };
}
