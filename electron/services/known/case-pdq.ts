import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { CaseSession } from '../case/case-session.js';
import type { MediaWorkerPool } from '../media/worker-pool.js';
import type { KnownMaterialService } from './known-material-service.js';
import { nearMatcherFromLibrary, type NearMatcher } from './near-matcher.js';
import { startPdqPass, type PdqPass } from './pdq-pass.js';
import { DEFAULT_NEAR_THRESHOLD_BITS } from '../../../shared/known/stacks/build-stacks.js';

export interface CasePdqDeps {
  session: Pick<CaseSession, 'summary' | 'pdqCandidates' | 'needsPdq' | 'recordPdq' | 'reportPdqProgress'>;
  pool: Pick<MediaWorkerPool, 'runPdq'>;
  known: Pick<KnownMaterialService, 'listHashSets' | 'pdqHashes'>;
  nowMs: () => number;
  /** The near-match distance setting (0–63 bits), read at each match so a change applies at once; 31 without it. */
  thresholdBits?: () => number;
  log?: (message: string) => void;
}

export interface CasePdq {
  /** The open case's import ended: its images still without PDQ are hashed in the background. */
  importEnded(caseId: string): void;
  /** Another case was opened: the pass over the previous one stops. */
  caseOpened(): void;
  /** The nearest enabled set's PDQ hash within the threshold, as a near match. */
  matchNear(pdq: { hex: string; quality: number }): ItemMatch | null;
  /** Sets changed: the matcher is built again when next asked. */
  setsChanged(): void;
  close(): Promise<void>;
}

/**
 * PDQ for the open case: the background pass that hashes what the thumbnails did not, and
 * the near matcher over the enabled sets' PDQ hashes (built when first needed, since a large
 * library takes seconds to index, and again after any set change).
 */
export function createCasePdq(deps: CasePdqDeps): CasePdq {
  const log = deps.log ?? ((message) => console.error(`[pdq] ${message}`));
  let matcher: NearMatcher | null = null;
  let pass: PdqPass | null = null;

  return {
    importEnded(caseId) {
      pass?.cancel();
      const items = deps.session.pdqCandidates();
      pass = startPdqPass(
        {
          pool: deps.pool,
          stillNeedsPdq: (itemId) => deps.session.summary()?.caseId === caseId && deps.session.needsPdq(itemId),
          onPdq: (itemId, pdq) => void deps.session.recordPdq(itemId, pdq),
          onProgress: (progress) => deps.session.reportPdqProgress(caseId, progress),
          nowMs: deps.nowMs,
          log,
        },
        items,
      );
    },
    caseOpened() {
      pass?.cancel();
      pass = null;
    },
    matchNear(pdq) {
      try {
        matcher ??= nearMatcherFromLibrary(deps.known);
        const near = matcher.match(pdq, deps.thresholdBits?.() ?? DEFAULT_NEAR_THRESHOLD_BITS);
        return near && { type: 'near', ...near };
      } catch (error) {
        // An unreadable library is told by the exact matcher's notice; near matching waits for it.
        log(`near matching failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },
    setsChanged() {
      matcher = null;
    },
    async close() {
      const running = pass;
      pass = null;
      running?.cancel();
      await running?.done;
    },
  };
}
