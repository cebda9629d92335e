/** How the pool turns a worker's reply into the outcome of the job that asked (worker-pool.ts). */
import type { MediaError } from '../../../shared/case/media-item.js';
import type { DeriveReply, PdqReply, VeiledVideoReply } from '../../media-worker/protocol.js';
import type { DeriveJob, DeriveOutcome, PdqOutcome, StoryboardJob, VeiledVideoJob, VeiledVideoOutcome } from './worker-pool-api.js';

/** A request as posted, without its job id. */
export type RequestBody = DeriveJob | { pdqOnly: true; filePath: string } | ({ storyboard: true } & StoryboardJob) | ({ veiledVideo: true } & VeiledVideoJob);
export type JobReply = DeriveReply | PdqReply | VeiledVideoReply;
export type Failure = { ok: false; error: MediaError };

/** Null when the reply is not a derivative, or lacks the PDQ hash the job asked for. */
export function deriveOutcomeOf(job: Pick<DeriveJob, 'withPdq'>, reply: JobReply): DeriveOutcome | null {
  if (!reply.ok) return { ok: false, error: reply.error };
  if (!('bytes' in reply)) return null;
  const still = { ok: true, bytes: reply.bytes, mime: reply.mime, widthPx: reply.widthPx, heightPx: reply.heightPx } as const;
  if (job.withPdq !== true) return still;
  return reply.pdq === undefined ? null : { ...still, pdq: reply.pdq };
}

/** Null when the reply is not a PDQ-only one. */
export function pdqOutcomeOf(reply: JobReply): PdqOutcome | null {
  if (!reply.ok) return { ok: false, error: reply.error };
  return 'pdq' in reply && !('bytes' in reply) ? { ok: true, pdq: reply.pdq } : null;
}

/** Null when the reply is not a veiled video's summary. */
export function veiledOutcomeOf(reply: JobReply): VeiledVideoOutcome | null {
  if (!reply.ok) return { ok: false, error: reply.error };
  return 'totalBytes' in reply ? { ok: true, mime: reply.mime, widthPx: reply.widthPx, heightPx: reply.heightPx, totalBytes: reply.totalBytes } : null;
}
