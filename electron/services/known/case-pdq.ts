import type { ItemMatch } from '../../../shared/known/item-match.js';
import type { CaseSession } from '../case/case-session.js';
import type { MediaWorkerPool } from '../media/worker-pool.js';
import type { KnownMaterialService } from './known-material-service.js';
import { buildNearIndexInWorker, type NearIndexBuild, type SpawnNearIndexWorker } from './near-index-client.js';
import { buildNearMatcher, nearMatcherFromLibrary, nearSetsOf, type NearMatcher, type NearSet, type NearSetMatch } from './near-matcher.js';
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
  /**
   * Where the library's near index is built: a worker thread, so the main side never stalls on
   * it. Without it (unit tests), it is built on this thread when first needed.
   */
  nearIndex?: {
    spawn: SpawnNearIndexWorker;
    libraryFile: () => string;
    /** A new index is in: items listed or matched while it was built are to be matched again. */
    onReady: () => void;
  };
}

export interface CasePdq {
  /** The open case's import ended: its images still without PDQ are hashed in the background. */
  importEnded(caseId: string): void;
  /** Another case was opened: the pass over the previous one stops. */
  caseOpened(): void;
  /**
   * The nearest enabled set's PDQ hash within the threshold, as a near match. While the index
   * of changed sets is built on its thread, the previous sets' index answers (none at first);
   * `nearIndex.onReady` then tells the caller to match again.
   */
  matchNear(pdq: { hex: string; quality: number }): ItemMatch | null;
  /**
   * While the near index of the sets as they are is being built (or is due), a promise that
   * settles once it is in or has failed; null when matching already answers from it. A picture
   * of a comparable item waits on it, so a reopened case's near matches are never served
   * through a weaker veil only because the index was not in yet.
   */
  nearIndexSettling(): Promise<void> | null;
  /** Sets changed: the index is built again when next asked (or a case opens). */
  setsChanged(): void;
  close(): Promise<void>;
}

/**
 * PDQ for the open case: the background pass that hashes what the thumbnails did not, and
 * the near matcher over the enabled sets' PDQ hashes (built when a case opens or a match is
 * first asked, since a large library takes seconds to index, and again after any set change).
 */
export function createCasePdq(deps: CasePdqDeps): CasePdq {
  const log = deps.log ?? ((message) => console.error(`[pdq] ${message}`));
  /** The index of the sets as they are now; null until built. */
  let matcher: NearMatcher | null = null;
  /**
   * The index of the sets as they were, answering while `building` runs, so near matches do not
   * blink out; only for the sets still enabled (`liveSets`), so a set removed or turned off
   * stops matching at once, and for good even if the new index fails.
   */
  let previous: NearMatcher | null = null;
  /** The enabled sets when the current build started (what `previous` may still answer for). */
  let liveSets: readonly NearSet[] = [];
  let building: NearIndexBuild | null = null;
  /** The last build failed: not tried again until the sets or the library change (else one thread per item). */
  let failed = false;
  let pass: PdqPass | null = null;

  function startBuild(nearIndex: NonNullable<CasePdqDeps['nearIndex']>): void {
    const sets = nearSetsOf(deps.known);
    liveSets = sets;
    if (sets.length === 0) {
      matcher = buildNearMatcher([]);
      return;
    }
    let build: NearIndexBuild;
    try {
      build = buildNearIndexInWorker(nearIndex.libraryFile(), sets, nearIndex.spawn);
    } catch (error) {
      // A thread that cannot even start (too many threads, say) is a failed build, not one more try per item.
      failed = true;
      log(`indexing the library for near matching failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    building = build;
    build.matcher.then(
      (built) => {
        if (building !== build) return;
        building = null;
        matcher = built;
        previous = null;
        nearIndex.onReady();
      },
      (error: unknown) => {
        if (building !== build) return;
        building = null;
        failed = true;
        log(`indexing the library for near matching failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  /** The nearest match from the index of the sets as they are, else (while it is built) from the previous one. */
  function nearest(pdq: { hex: string; quality: number }, thresholdBits: number): NearSetMatch | null {
    if (!matcher && !deps.nearIndex) matcher = nearMatcherFromLibrary(deps.known);
    if (!matcher && deps.nearIndex && !building && !failed) startBuild(deps.nearIndex);
    if (matcher) return matcher.match(pdq, thresholdBits);
    return previous?.match(pdq, thresholdBits, (set) => liveSets.some((live) => sameSet(live, set))) ?? null;
  }

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
      // A reopened case lists its stored near-matchable items within a second: start indexing now, off this thread.
      if (!deps.nearIndex || matcher || building || failed) return;
      try {
        startBuild(deps.nearIndex);
      } catch (error) {
        log(`near matching failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    matchNear(pdq) {
      try {
        const near = nearest(pdq, deps.thresholdBits?.() ?? DEFAULT_NEAR_THRESHOLD_BITS);
        return near && { type: 'near', ...near };
      } catch (error) {
        // An unreadable library is told by the exact matcher's notice; near matching waits for it.
        log(`near matching failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },
    nearIndexSettling() {
      const nearIndex = deps.nearIndex;
      if (matcher || failed || !nearIndex) return null;
      return (async () => {
        // A build cancelled by a set change is followed by the one for the sets as they are now.
        while (!matcher && !failed) {
          if (!building) startBuild(nearIndex);
          const current = building;
          if (!current) return;
          await current.matcher.then(
            () => undefined,
            () => undefined,
          );
        }
      })();
    },
    setsChanged() {
      building?.cancel();
      building = null;
      previous = matcher ?? previous;
      matcher = null;
      failed = false;
    },
    async close() {
      building?.cancel();
      building = null;
      const running = pass;
      pass = null;
      running?.cancel();
      await running?.done;
    },
  };
}

/** The same set of the same library: a library folder changed meanwhile may number its own sets alike. */
function sameSet(a: NearSet, b: NearSet): boolean {
  return a.setId === b.setId && a.setName === b.setName && a.scheme === b.scheme;
}
