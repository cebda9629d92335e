/** How the pool turns a worker's reply into the outcome of the job that asked (worker-pool.ts). */
import type { MediaError } from '../../../shared/case/media-item.js';
import type { DeriveReply, PdqReply } from '../../media-worker/protocol.js';
import type { DeriveJob, DeriveOutcome, PdqOutcome, StoryboardJob } from './worker-pool-api.js';

/** A request as posted, without its job id. */
export type RequestBody = DeriveJob | { pdqOnly: true; filePath: string } | ({ storyboard: true } & StoryboardJob);
export type JobReply = DeriveReply | PdqReply;
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
  return 'bytes' in reply ? null : { ok: true, pdq: reply.pdq };
}
