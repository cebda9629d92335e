import type { MediaItem } from '../../../shared/case/media-item.js';
import type { ItemMatch } from '../../../shared/known/item-match.js';
import { fileOf, markItemsChanged, type CaseIndex } from './case-index.js';
import { hasPdq } from './case-item.js';
import type { CaseSessionDeps } from './case-session-deps.js';
import type { CaseStacks } from './case-stacks.js';
import type { PdqReading } from './file-result.js';
import { sameMatch } from './rematch-known.js';
import type { StoredFiles } from './stored-files.js';

/** Stacks may grow with nearly every hash: `caseChanged` for them at most twice a second, as while items arrive. */
const STACK_CHANGED_INTERVAL_MS = 500;

/** What the PDQ side of the session reads and changes of the open case. */
export interface PdqCase {
  readonly caseId: string;
  readonly index: CaseIndex;
  stacks: CaseStacks;
  /** Items whose PDQ hash was asked for and answered (a picture PDQ cannot hash stays without one). */
  readonly pdqTried: Set<string>;
  pdqProgress: { doneCount: number; totalCount: number } | null;
  readonly stored: StoredFiles | null;
}

/** The open case's PDQ hashes: which pictures need one, recording each, and the background pass's progress. */
export interface CasePdq {
  /** True while an image of the open case has no PDQ hash and none has been tried. */
  needsPdq(itemId: string): boolean;
  /** Progress of the background PDQ pass over case `caseId`; ignored when it is no longer open. */
  reportPdqProgress(caseId: string, progress: { doneCount: number; totalCount: number }): void;
  /** The open case's images that need a PDQ hash, in grid order, with where their files are. */
  pdqCandidates(): { itemId: string; absolutePath: string; caseRoot: string }[];
  /**
   * An image's PDQ hash and size (from its thumbnail's decode or the background pass; null when
   * the picture has no hash): kept on the item and near-matched when no exact match holds it.
   * False when the item is not in the open case.
   */
  recordPdq(itemId: string, pdq: PdqReading | null): boolean;
}

/**
 * The session's PDQ requests over whichever case is open (`openCase`); `caseChanged` tells the renderer
 * with that case's summary, `nearMatchOf` is the session's near match for an item's hash.
 */
export function createCasePdq<C extends PdqCase>(
  deps: Pick<CaseSessionDeps, 'nowMs' | 'onPdqPassEnded'>,
  openCase: () => C | null,
  caseChanged: (open: C) => void,
  nearMatchOf: (item: MediaItem) => ItemMatch | null,
): CasePdq {
  let lastStackChangedAtMs = Number.NEGATIVE_INFINITY;
  return {
    reportPdqProgress(caseId, progress) {
      const open = openCase();
      if (open?.caseId !== caseId) return;
      open.pdqProgress = progress;
      caseChanged(open);
      if (progress.doneCount === progress.totalCount) deps.onPdqPassEnded?.(caseId);
    },
    pdqCandidates() {
      const open = openCase();
      if (!open) return [];
      return open.index.items.flatMap((item) => {
        const file = fileOf(open.index, item.id);
        if (!file || item.error !== null || item.kind !== 'image' || hashedWithSize(item) || open.pdqTried.has(item.id)) return [];
        return [{ itemId: item.id, absolutePath: file.absolutePath, caseRoot: open.index.rootDir }];
      });
    },
    needsPdq(itemId) {
      const open = openCase();
      const item = open?.index.itemsById.get(itemId);
      return item !== undefined && item.kind === 'image' && !hashedWithSize(item) && !open?.pdqTried.has(itemId);
    },
    recordPdq(itemId, pdq) {
      const open = openCase();
      const item = open?.index.itemsById.get(itemId);
      if (!open || !item) return false;
      open.pdqTried.add(itemId);
      item.pdq = pdq?.hex ?? null;
      item.pdqQuality = pdq?.quality ?? null;
      // Before it joins a stack: the largest picture represents its stack.
      item.widthPx = pdq?.widthPx ?? null;
      item.heightPx = pdq?.heightPx ?? null;
      open.stored?.rememberPdq([item.relativePath, ...item.duplicatePaths], pdq);
      // A hash kept before pictures' sizes were is asked for again for its size: the stack it is already in may want another representative.
      if (item.widthPx !== null && item.stackSize > 1 + item.duplicatePaths.length) markItemsChanged(open.index);
      const stacked = open.stacks.addPdq(item);
      const near = item.match?.type === 'known' ? item.match : nearMatchOf(item);
      const matchChanged = !sameMatch(near, item.match);
      if (matchChanged) {
        item.match = near;
        markItemsChanged(open.index);
      }
      // Stacks may grow with nearly every hash of a large case: told at most twice a second, the
      // rest rides on the PDQ pass's progress (several a second), which carries the list's version.
      const nowMs = deps.nowMs();
      if (matchChanged || (stacked && nowMs - lastStackChangedAtMs >= STACK_CHANGED_INTERVAL_MS)) {
        if (stacked) lastStackChangedAtMs = nowMs;
        caseChanged(open);
      }
      return true;
    },
  };
}

/**
 * The picture has its PDQ hash and its size. A hash kept by a workspace before version 4 has no
 * size: the picture is hashed again once (in the background), since a stack's largest picture
 * in pixels represents it and a picture of unknown size would lose to any smaller copy.
 */
function hashedWithSize(item: MediaItem): boolean {
  return item.widthPx !== null && hasPdq(item);
}
