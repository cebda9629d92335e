import path from 'node:path';
import { CaseIdSchema, type CaseSummary } from '../../../shared/case/case-summary.js';
import { folderGroups, type FolderGroup } from '../../../shared/case/folder-groups.js';
import { IDLE_IMPORT, type ImportFailure, type ImportProgress } from '../../../shared/case/import-progress.js';
import type { ImportProblem, ListedItem, MediaError, MediaItem } from '../../../shared/case/media-item.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { reasonOf } from '../../../shared/reasons/reason.js';
import type { MediaFormat, MediaKind } from '../../../shared/media/media-kinds.js';
import { MIN_PDQ_QUALITY, type ItemMatch, type ItemView } from '../../../shared/known/item-match.js';
import { FIRST_SCREEN_THUMBNAILS } from '../media/first-screen-prefetch.js';
import { runCaseImport } from './case-import.js';
import { createCaseViews, type CaseViews } from './case-views.js';
import { createCaseStacks, restackCase, type CaseStacks, type StackMember } from './case-stacks.js';
import { DEFAULT_NEAR_THRESHOLD_BITS } from '../../../shared/known/stacks/build-stacks.js';
import { rematchKnown } from './rematch-known.js';
import { createCaseIndex, fileOf } from './case-index.js';
import { checkCaseFolder } from './check-case-folder.js';
import { createReadGate } from './read-gate.js';
import type { CaseSessionDeps } from './case-session-deps.js';
import { createStoredFiles } from './stored-files.js';
import { createCasePdq, type CasePdq, type PdqCase } from './case-pdq.js';
import { hasPdq, plainItem } from './case-item.js';

/** The grid refetches on caseChanged, so it is sent at most twice a second while items arrive. */
const CASE_CHANGED_INTERVAL_MS = 500;

/** Where the media service finds an item's file. Main side only. */
interface ItemLocation {
  absolutePath: string;
  kind: MediaKind;
  format: MediaFormat;
  /** The case folder's real path, for the containment check before opening. */
  caseRoot: string;
  /** A known item the investigator has not chosen to see: no picture of it may be made or served. */
  knownHidden: boolean;
  /** A near match of known material: its grid thumbnail only through the strongest veil. */
  nearMatch: boolean;
  /**
   * Not known, with a PDQ hash good enough to compare: whether it is a near match depends on
   * the library's near index, so a picture of it waits while that index is still being built.
   */
  nearComparable: boolean;
}

export interface CaseSession extends CasePdq {
  /**
   * Opens a case folder: checks it, cancels any running import (without waiting for
   * it: it can no longer report), gives the case a new random id and starts importing
   * in the background.
   * Resolves with the first summary; throws VeilRequestError('failed') when the
   * folder cannot be opened, leaving the current case as it was.
   */
  open(rootDir: string, options?: { isDemo?: boolean }): Promise<CaseSummary>;
  summary(): CaseSummary | null;
  /**
   * How many times the open case's listed items changed other than by new ones appended (the index's
   * `rewrites`, and the referral's readings); null when `caseId` is not the open case. While it stands
   * still between two list versions, the lists only grew at their ends: the review counts only the new items.
   */
  listRewrites(caseId: string): number | null;
  /** A page of a view's items in final order. Throws when `caseId` is not the open case. */
  listItems(caseId: string, offset: number, limit: number, view?: ItemView): { total: number; items: MediaItem[] };
  /**
   * A view's items as the review counts them: the index's own, not copied, read-only. The review reads a few fields at
   * once and keeps none of the items; a copy of each, with its digests, made most of a recount's garbage (part 6).
   */
  listForReview(caseId: string, offset: number, limit: number, view: ItemView): { total: number; items: readonly ListedItem[] };
  /** The items with these ids, in the order asked; ids not in the case are left out. */
  getItems(caseId: string, ids: readonly string[]): MediaItem[];
  listProblems(caseId: string, offset: number, limit: number): { total: number; problems: ImportProblem[] };
  /** A view's items as runs by folder; O(items), asked only while the grid is grouped. */
  listFolderGroups(caseId: string, view?: ItemView): FolderGroup[];
  /** "Show known items" for the open case (off at every open); the summary after. */
  showKnownItems(caseId: string, shown: boolean): CaseSummary;
  /** The hash sets changed: every item of the open case is matched again, in the background. */
  rematchKnown(): Promise<void>;
  /** Cancels the running import and resolves with its final progress (the current progress when none runs). */
  cancelImport(): Promise<ImportProgress>;
  /** The open case's folder (real path) and whether it is the demo; throws when `caseId` is not the open case. */
  caseFolder(caseId: string): { realRoot: string; isDemo: boolean };
  /** For the media service: the file behind an item of the open case, or null (unknown, or from another case). */
  lookupItem(itemId: string): ItemLocation | null;
  /** Records that an item cannot be shown after all and tells the renderer (itemFailed). False when the item is not in the open case. */
  markItemFailed(itemId: string, error: MediaError): boolean;
  /** The files of the near stack holding `itemId`, representative first; empty when it is in none. Throws when `caseId` is not the open case. */
  stackMembers(caseId: string, itemId: string): StackMember[];
  /** The near-match distance setting changed: the open case's near stacks are made again (its near matches: rematchKnown). */
  restack(): void;
  /** Resolves when no import is running, including cancelled ones still winding down, and the open case's waiting workspace writes are in (tests, shutdown). */
  whenIdle(): Promise<void>;
}

interface OpenCase extends PdqCase {
  readonly name: string;
  readonly isDemo: boolean;
  readonly views: CaseViews;
  /** Near-duplicate stacks, made again when the threshold setting changes. */
  stacks: CaseStacks;
  readonly controller: AbortController;
  importDone: Promise<void>;
  knownShown: boolean;
}

/**
 * Holds the one open case and its import. Everything the renderer can ask for is
 * answered from the live index, so items are listed as soon as the import has
 * them; nothing here sorts or scans the whole list per request.
 */
export function createCaseSession(deps: CaseSessionDeps): CaseSession {
  let current: OpenCase | null = null;
  let opening: Promise<unknown> = Promise.resolve();

  function summaryOf(open: OpenCase): CaseSummary {
    // First, since counting settles the stacks, which may bump the list's version.
    const counts = open.views.counts();
    return {
      caseId: open.caseId,
      name: open.name,
      isDemo: open.isDemo,
      itemCount: open.index.items.length,
      problemCount: open.index.problems.length,
      duplicateCount: open.index.duplicateCount,
      listVersion: open.index.version + (deps.listVersionOffset?.() ?? 0),
      ...counts,
      knownShown: open.knownShown,
      pdqProgress: open.pdqProgress,
      import: open.index.progress,
    };
  }

  /** A near match for an item's PDQ hash, only from a hash good enough to compare (PDQ's quality gate). */
  function nearMatchOf(item: MediaItem): ItemMatch | null {
    // Read once: a CaseItem makes its hex from the case's DigestTable at every read.
    const pdq = item.pdq;
    if (pdq === null || (item.pdqQuality ?? 0) < MIN_PDQ_QUALITY || !deps.matchNearPdq) return null;
    return deps.matchNearPdq({ hex: pdq, quality: item.pdqQuality ?? 0 });
  }

  const pdq = createCasePdq(
    deps,
    () => current,
    (open) => deps.emit('caseChanged', summaryOf(open)),
    nearMatchOf,
  );

  function caseNamed(caseId: string): OpenCase {
    if (!current || current.caseId !== caseId) throw VeilRequestError.because(reasonOf('case-not-open', {}));
    return current;
  }

  const imports = new Set<Promise<void>>();
  const thresholdBits = (): number => deps.nearThresholdBits?.() ?? DEFAULT_NEAR_THRESHOLD_BITS;

  async function openNow(rootDir: string, isDemo: boolean): Promise<CaseSummary> {
    const realRoot = await checkCaseFolder(rootDir);
    // Not awaited: a read stuck on a hung network drive must not stop the user opening
    // another case. The old import winds down on its own and can no longer report.
    const previous = current;
    previous?.controller.abort();
    if (previous?.stored) deps.onCaseLeft?.(previous.importDone.then(() => previous.stored?.flush()).catch(() => undefined));
    const caseId = deps.idGenerator();
    if (!CaseIdSchema.safeParse(caseId).success) throw new Error('the id generator gave an invalid case id');
    const index = createCaseIndex(realRoot);
    index.progress = { ...IDLE_IMPORT, phase: 'scanning' };
    const stacks = createCaseStacks(index, thresholdBits());
    const open: OpenCase = {
      caseId,
      name: path.basename(realRoot) || realRoot,
      isDemo,
      index,
      views: createCaseViews(index, () => open.stacks.settle()),
      stacks,
      controller: new AbortController(),
      importDone: Promise.resolve(),
      knownShown: false,
      pdqTried: new Set(),
      pdqProgress: null,
      stored: deps.caseWorkspace ? createStoredFiles(Promise.resolve(caseId).then(deps.caseWorkspace)) : null,
    };
    current = open;
    deps.onCaseOpened?.(caseId);
    deps.emit('caseChanged', summaryOf(open));

    let lastCaseChangedAtMs = deps.nowMs();
    let lastCounts = '';
    const onProgress = (progress: ImportProgress): void => {
      // An import being cancelled may still report once; only the open case speaks.
      if (current !== open) return;
      deps.emit('importProgress', { caseId, progress });
      const counts = `${index.items.length}/${index.problems.length}`;
      const nowMs = deps.nowMs();
      const ended = progress.phase !== 'scanning';
      if (ended || (counts !== lastCounts && nowMs - lastCaseChangedAtMs >= CASE_CHANGED_INTERVAL_MS)) {
        lastCounts = counts;
        lastCaseChangedAtMs = nowMs;
        deps.emit('caseChanged', summaryOf(open));
      }
    };
    open.importDone = runCaseImport(realRoot, {
      signal: open.controller.signal,
      nowMs: deps.nowMs,
      newItemId: deps.idGenerator,
      onProgress,
      onItems: (items) => {
        // Items reused from the workspace arrive with their PDQ: they stack as a fresh hash would
        // (addPdq passes over an item without one, reading its hex once, not twice).
        for (const item of items) open.stacks.addPdq(item);
        if (current === open) deps.onItems?.(caseId, items);
      },
      index,
      matchKnown: deps.matchKnown,
      matchNearPdq: deps.matchNearPdq,
      stored: open.stored ?? undefined,
      concurrency: deps.concurrency,
      readGate: createReadGate({ firstScreenFiles: FIRST_SCREEN_THUMBNAILS, picturesInFlight: deps.picturesInFlight ?? (() => false) }),
      walkFs: deps.walkFs,
    }).then(
      () => {
        if (current !== open) return;
        // A listener's failure must not reject the import: cancelling it (quitting) awaits it.
        try {
          deps.onImportEnded?.(caseId);
        } catch (error) {
          console.error('after the import ended', error);
        }
      },
      (error: unknown) => {
        // runCaseImport turns file-system trouble into a failed phase; this is only a last guard.
        const failure: ImportFailure = { code: 'internal-error', detail: error instanceof Error ? error.message : String(error) };
        index.progress = { ...index.progress, phase: 'failed', remainingMs: null, failure };
        onProgress(index.progress);
      },
    );
    const tracked = open.importDone.finally(() => imports.delete(tracked));
    imports.add(tracked);
    return summaryOf(open);
  }

  return {
    open(rootDir, options = {}) {
      // One open at a time, in the order asked: two quick clicks must not leave two imports running.
      const result = opening.then(() => openNow(rootDir, options.isDemo ?? false));
      opening = result.catch(() => undefined);
      return result;
    },
    summary: () => (current ? summaryOf(current) : null),
    listRewrites(caseId) {
      if (current?.caseId !== caseId) return null;
      // Settled first, as a summary is: the stacks' pending changes belong to the version read beside it.
      current.stacks.settle();
      return current.index.rewrites + (deps.listVersionOffset?.() ?? 0);
    },
    listItems(caseId, offset, limit, view = 'all') {
      const items = caseNamed(caseId).views.items(view);
      return { total: items.length, items: items.slice(offset, offset + limit).map(plainItem) };
    },
    listForReview(caseId, offset, limit, view) {
      const items = caseNamed(caseId).views.items(view);
      return { total: items.length, items: items.slice(offset, offset + limit) };
    },
    getItems(caseId, ids) {
      const { index } = caseNamed(caseId);
      return ids.flatMap((id) => {
        const item = index.itemsById.get(id);
        return item ? [plainItem(item)] : [];
      });
    },
    listProblems(caseId, offset, limit) {
      const { index } = caseNamed(caseId);
      return { total: index.problems.length, problems: index.problems.slice(offset, offset + limit) };
    },
    listFolderGroups(caseId, view = 'all') {
      return folderGroups(caseNamed(caseId).views.items(view));
    },
    showKnownItems(caseId, shown) {
      const open = caseNamed(caseId);
      if (open.knownShown !== shown) {
        open.knownShown = shown;
        deps.emit('caseChanged', summaryOf(open));
      }
      return summaryOf(open);
    },
    async rematchKnown() {
      const open = current;
      if (!open || !deps.matchKnown) return;
      const changed = await rematchKnown(open.index, deps.matchKnown, nearMatchOf, () => current === open);
      if (changed > 0 && current === open) deps.emit('caseChanged', summaryOf(open));
    },
    async cancelImport() {
      const open = current;
      if (!open) return IDLE_IMPORT;
      open.controller.abort();
      // Reads stop within one chunk; the final progress (phase `cancelled`, or `done` if it had finished) follows.
      await open.importDone;
      return open.index.progress;
    },
    caseFolder(caseId) {
      const open = caseNamed(caseId);
      return { realRoot: open.index.rootDir, isDemo: open.isDemo };
    },
    lookupItem(itemId) {
      const file = current && fileOf(current.index, itemId);
      if (!current || !file) return null;
      const item = current.index.itemsById.get(itemId);
      const match = item?.match;
      const knownHidden = match?.type === 'known' && !current.knownShown;
      const nearComparable = item !== undefined && match?.type !== 'known' && hasPdq(item) && (item.pdqQuality ?? 0) >= MIN_PDQ_QUALITY;
      return {
        absolutePath: file.absolutePath,
        kind: file.kind,
        format: file.format,
        caseRoot: current.index.rootDir,
        knownHidden,
        // Asked of the index as it is now, not only the item's last rematch: the index may have come in since.
        nearMatch: match?.type === 'near' || (nearComparable && item !== undefined && nearMatchOf(item)?.type === 'near'),
        nearComparable,
      };
    },
    ...pdq,
    markItemFailed(itemId, error) {
      const item = current?.index.itemsById.get(itemId);
      if (!current || !item) return false;
      if (item.error?.code === error.code && item.error.detail === error.detail) return true;
      item.error = error;
      deps.emit('itemFailed', { caseId: current.caseId, itemId, error });
      return true;
    },
    stackMembers(caseId, itemId) {
      const open = caseNamed(caseId);
      open.stacks.settle();
      return open.stacks.members(itemId).map((member) => ({ ...member, item: plainItem(member.item) }));
    },
    restack() {
      const open = current;
      if (!open || open.stacks.thresholdBits === thresholdBits()) return;
      open.stacks = restackCase(open.index, thresholdBits());
      deps.emit('caseChanged', summaryOf(open));
    },
    async whenIdle() {
      await opening;
      await Promise.all(imports);
      // PDQ hashes learnt after the import wait in a batch: they go now.
      await current?.stored?.flush();
    },
  };
}
