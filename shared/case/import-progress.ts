import { z } from 'zod';

const ImportPhaseSchema = z.enum(['idle', 'scanning', 'done', 'cancelled', 'failed']);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

/**
 * Why an import stopped before the end. The UI translates the code; `detail` names the
 * folder and the system's error code for the technically minded.
 */
const ImportFailureSchema = z.object({
  code: z.enum(['case-folder-unreachable', 'internal-error']),
  detail: z.string(),
});
export type ImportFailure = z.infer<typeof ImportFailureSchema>;

export const ImportProgressSchema = z.object({
  phase: ImportPhaseSchema,
  /** Files seen by the folder walk so far (grows while scanning). */
  filesFound: z.number().int().nonnegative(),
  /** Files sniffed and hashed so far. */
  filesProcessed: z.number().int().nonnegative(),
  bytesProcessed: z.number().nonnegative(),
  /** Files per second over the recent window; 0 before there is a measurement. */
  filesPerSecond: z.number().nonnegative(),
  /** Estimated time left, or null while the walk is still finding files. */
  remainingMs: z.number().nonnegative().nullable(),
  /** Set when phase is `failed`: what went wrong, e.g. the folder disappeared. */
  failure: ImportFailureSchema.nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const IDLE_IMPORT: ImportProgress = {
  phase: 'idle',
  filesFound: 0,
  filesProcessed: 0,
  bytesProcessed: 0,
  filesPerSecond: 0,
  remainingMs: null,
  failure: null,
};

/**
 * Rate and time left from a moving window of (atMs, processed) samples.
 * `walkComplete` says whether `filesFound` is final; until it is, no ETA.
 */
export function estimateRemaining(
  samples: readonly { atMs: number; processed: number }[],
  filesFound: number,
  walkComplete: boolean,
): { filesPerSecond: number; remainingMs: number | null } {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.atMs <= first.atMs) return { filesPerSecond: 0, remainingMs: null };
  const filesPerSecond = ((last.processed - first.processed) * 1000) / (last.atMs - first.atMs);
  if (!walkComplete || filesPerSecond <= 0) return { filesPerSecond, remainingMs: null };
  const remaining = Math.max(0, filesFound - last.processed);
  return { filesPerSecond, remainingMs: (remaining / filesPerSecond) * 1000 };
}
