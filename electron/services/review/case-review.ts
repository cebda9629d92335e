import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, DEFAULT_CASE_SCHEME, type CaseScheme } from '../../../shared/review/category-scheme.js';
import { currentCategories, type CategoryCode, type DecisionCause, type DecisionEvent } from '../../../shared/review/decision-event.js';
import { EMPTY_HISTORY, type ReviewAction, type UndoHistory } from '../../../shared/review/decision-machine.js';
import type { ReviewState } from '../../../shared/review/review-contract.js';
import type { CaseSession } from '../case/case-session.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { createDecisionWriter, type DecisionWriter } from './decision-writer.js';
import { categoryOfPaths, createReviewProgress, type ItemPaths, type ReviewProgress } from '../../../shared/review/review-progress.js';

export interface ReviewServiceDeps {
  /**
   * With `summary`, progress is kept between decisions while the list's version stays; without it, recounted at each
   * look. With `listRewrites` too, a version reached by appending items only counts those items.
   */
  session: Pick<CaseSession, 'getItems' | 'listItems' | 'stackMembers'> & Partial<Pick<CaseSession, 'summary' | 'listRewrites'>>;
  /** The case's workspace, shared with its notes and import; null when it has none. */
  workspace: (caseId: string) => Promise<CaseWorkspace | null>;
  /** The operating-system account, read once at the composition root. */
  userName: string;
  /** The scheme a case with none gets without asking (a unit setting); null: the investigator is asked. */
  presetScheme: () => CaseScheme | null;
  nowMs: () => number;
  /** Told whenever the state changes (a decision, a save that failed or finally landed). */
  onChange: (state: ReviewState) => void;
  /** How long a failed write waits before it is tried again. */
  retryMs: number;
  setTimer: (callback: () => void, delayMs: number) => { cancel(): void };
  /** Lets the event loop run other work between two slices of a recount; the next turn (setImmediate) without it. */
  yieldToLoop?: () => Promise<void>;
}

export interface CaseReview {
  caseId: string;
  scheme: CaseScheme;
  /** False until the scheme is chosen: nothing is categorised before, not even from a hash set. */
  schemeChosen: boolean;
  categories: Map<string, CategoryCode>;
  history: UndoHistory;
  nextActionId: number;
  /** The item each decided path was chosen through, so an undo can say which item it touched. */
  itemOfPath: Map<string, string>;
  /** The typed reason of each overrule step, so a redo writes it again (an undo line carries none). */
  reasons: WeakMap<ReviewAction, string>;
  writer: DecisionWriter;
  /** Progress over the "To review" list of this list version (null: a session that does not say, rebuilt at each look). */
  progress: (ListMoment & { tracker: ReviewProgress }) | null;
  /** Progress being built in slices after the list was rewritten (catchUp), told of decisions meanwhile; null when none is. */
  building: ReviewProgress | null;
  /** The list when known items were last categorised (their count then), so a look at the state does not walk them again. */
  known: (ListMoment & { count: number }) | null;
}

/** A version of the case's lists, and the session's count of changes to their items then (null: unknown). */
interface ListMoment {
  version: number | null;
  rewrites: number | null;
}

const LIST_PAGE = 5000;
/**
 * Items counted in one turn of the event loop when the review catches up with the list in the background: one item
 * costs 3–8 µs on the main side (more under load), so a slice stays a few milliseconds, far under the 20 ms goal.
 */
const CATCH_UP_SLICE = 1000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * One case's review as the service holds it: loading it from the workspace, its progress over the
 * "To review" list, the files a decision on an item reaches, and recording a step. The service
 * (review-service.ts) keeps which case is open and answers the contract's requests with these.
 */
export function createCaseReviews(deps: ReviewServiceDeps) {
  function toReview(caseId: string): MediaItem[] {
    return viewFrom(caseId, 'to-review', 0).items;
  }

  /** The open case's list version (it moves whenever a view's items or their stacks change); null when unknown. */
  function listVersion(caseId: string): number | null {
    const summary = deps.session.summary?.();
    return summary && summary.caseId === caseId ? summary.listVersion : null;
  }

  /** The lists as they are now (read together, after the session settled its stacks). */
  function listMoment(caseId: string): ListMoment {
    const version = listVersion(caseId);
    return { version, rewrites: version === null ? null : (deps.session.listRewrites?.(caseId) ?? null) };
  }

  /**
   * The offset from which a view made at `made` only gained items at its end, given its length then; null when it
   * changed otherwise (or the session does not say) and must be gone through again.
   */
  function appendedFrom(made: ListMoment | null, now: ListMoment, madeLength: number): number | null {
    if (made === null || made.rewrites === null || made.rewrites !== now.rewrites) return null;
    return madeLength;
  }

  /** Every item of a view from `offset` on, a page at a time. */
  function viewFrom(caseId: string, view: 'to-review' | 'known', offset: number): { total: number; items: MediaItem[] } {
    const all: MediaItem[] = [];
    for (let at = offset; ; at += LIST_PAGE) {
      const page = deps.session.listItems(caseId, at, LIST_PAGE, view);
      all.push(...page.items);
      if (at + LIST_PAGE >= page.total) return { total: page.total, items: all };
    }
  }

  /**
   * Progress for the list as it is now: kept while its version stays; when the import only appended items, those
   * are counted into it (at 100,000 items a pass over all took half a second of the main side); built again in one
   * pass when the list changed otherwise.
   */
  function progressOf(review: CaseReview): ReviewProgress {
    const now = listMoment(review.caseId);
    const kept = review.progress;
    if (kept !== null && now.version !== null && kept.version === now.version) return kept.tracker;
    const from = kept === null ? null : appendedFrom(kept, now, kept.tracker.totalCount());
    const appended = from === null ? null : viewFrom(review.caseId, 'to-review', from);
    if (kept !== null && appended !== null && appended.total >= kept.tracker.totalCount()) {
      kept.tracker.append(appended.items);
      review.progress = { ...now, tracker: kept.tracker };
      return kept.tracker;
    }
    const tracker = emptyProgress(review);
    tracker.append(toReview(review.caseId));
    review.progress = { ...now, tracker };
    return tracker;
  }

  /**
   * Brings the progress up to the list as it is now, `CATCH_UP_SLICE` items per turn of the event loop, for a
   * recount in the background: items the import appended are counted into the kept progress, and after any other
   * change a new one is built beside it (told of decisions meanwhile) and put in its place once whole. False when
   * the list was rewritten before the end (the caller tries again later) or the review is no longer `wanted` (the case
   * was left); requests never wait for this, they count what they need at once (progressOf). One at a time: the
   * caller never starts one while another runs (`review.building` holds one).
   */
  async function catchUp(review: CaseReview, wanted: () => boolean): Promise<boolean> {
    const start = listMoment(review.caseId);
    const kept = review.progress;
    if (kept !== null && start.version !== null && kept.version === start.version) return true;
    // A session that does not say what changed: one pass, as a request would.
    if (start.rewrites === null) {
      progressOf(review);
      return true;
    }
    const tracker = kept !== null && appendedFrom(kept, start, kept.tracker.totalCount()) !== null ? kept.tracker : emptyProgress(review);
    if (tracker !== kept?.tracker) review.building = tracker;
    try {
      for (;;) {
        if (!wanted()) return false;
        const now = listMoment(review.caseId);
        if (now.rewrites !== start.rewrites) return false;
        // From what is counted so far: a request may have counted appended items into the kept progress meanwhile.
        const page = deps.session.listItems(review.caseId, tracker.totalCount(), CATCH_UP_SLICE, 'to-review');
        tracker.append(page.items);
        if (tracker.totalCount() >= page.total) {
          review.progress = { ...now, tracker };
          return true;
        }
        await (deps.yieldToLoop ?? nextTurn)();
      }
    } finally {
      if (review.building === tracker) review.building = null;
    }
  }

  function emptyProgress(review: CaseReview): ReviewProgress {
    return createReviewProgress(
      [],
      (item) => pathsOf(review, item),
      (path) => review.categories.get(path) ?? null,
    );
  }

  /** These lines' files changed category: the progress kept, and any being built, look again at the items they decide. */
  function pathsChanged(review: CaseReview, events: readonly DecisionEvent[]): void {
    const paths = events.map((event) => event.itemPath);
    review.progress?.tracker.pathsChanged(paths);
    review.building?.pathsChanged(paths);
  }

  function stateOf(review: CaseReview): ReviewState {
    const progress = progressOf(review);
    return {
      caseId: review.caseId,
      scheme: review.scheme,
      schemeChosen: review.schemeChosen,
      reviewedCount: progress.reviewedCount(),
      totalCount: progress.totalCount(),
      unsavedCount: review.writer.unsavedCount(),
      canUndo: review.history.undo.length > 0,
      canRedo: review.history.redo.length > 0,
    };
  }

  async function load(caseId: string): Promise<CaseReview> {
    const workspace = await deps.workspace(caseId);
    // A case without a workspace has nowhere to keep a choice: it reviews under the default, unasked.
    const stored = workspace ? await workspace.readScheme() : DEFAULT_CASE_SCHEME;
    const preset = stored === null ? deps.presetScheme() : null;
    const scheme = stored ?? (preset !== null && workspace ? await workspace.chooseScheme(preset) : DEFAULT_CASE_SCHEME);
    const categories = currentCategories(workspace ? await workspace.latestDecisions() : []);
    const review: CaseReview = {
      caseId,
      scheme,
      schemeChosen: stored !== null || preset !== null,
      categories,
      history: EMPTY_HISTORY,
      nextActionId: (workspace ? await workspace.lastActionId() : 0) + 1,
      itemOfPath: new Map(),
      reasons: new WeakMap(),
      writer: createDecisionWriter({ workspace, retryMs: deps.retryMs, setTimer: deps.setTimer, onChange: () => deps.onChange(stateOf(review)) }),
      progress: null,
      building: null,
      known: null,
    };
    precategoriseKnown(review);
    return review;
  }

  /**
   * Known items arrive with their set's category; a decision already made is never overwritten. Only the known items
   * appended since the last time are looked at while nothing else in the lists changed.
   */
  function precategoriseKnown(review: CaseReview): void {
    if (!review.schemeChosen) return;
    const now = listMoment(review.caseId);
    const known = review.known;
    if (known !== null && now.version !== null && known.version === now.version) return;
    const from = known === null ? 0 : (appendedFrom(known, now, known.count) ?? 0);
    const listed = viewFrom(review.caseId, 'known', from);
    review.known = { ...now, count: from + listed.items.length };
    takeSetCategories(review, listed.items);
  }

  /**
   * Each of these items that matches a hash set and has no category yet takes the set's, as one step of the record
   * (source: hash-set). Also asked for the one item a request is about, so a known item that arrived since the last
   * look is never read as uncategorised (changing it would then ask for no typed reason).
   */
  function takeSetCategories(review: CaseReview, items: readonly MediaItem[]): void {
    if (!review.schemeChosen) return;
    const events: DecisionEvent[] = [];
    const atMs = Math.floor(deps.nowMs());
    const actionId = review.nextActionId;
    for (const item of items) {
      const category = categoryFromMatch(review.scheme, item.match);
      if (category === null || review.categories.has(item.relativePath)) continue;
      review.categories.set(item.relativePath, category);
      events.push({ actionId, itemPath: item.relativePath, category, source: 'hash-set', cause: 'decision', userName: deps.userName, atMs });
    }
    if (events.length === 0) return;
    review.nextActionId += 1;
    pathsChanged(review, events);
    review.writer.append(events);
  }

  /**
   * Every file of the item's stack: each near member and each exact copy folded into one. A member
   * that carries its hash set's category is left out: only a reason typed for that item changes it.
   */
  function stackPaths(caseId: string, scheme: CaseScheme, item: MediaItem): string[] {
    const members = deps.session.stackMembers(caseId, item.id).map((member) => member.item);
    const items = members.some((member) => member.id === item.id) ? members : [item, ...members];
    return items
      .filter((member) => member.id === item.id || categoryFromMatch(scheme, member.match) === null)
      .flatMap((member) => [member.relativePath, ...member.duplicatePaths]);
  }

  /** The files that decide an item's category: its own, then (when it is in a near stack) its stack's. */
  function pathsOf(review: CaseReview, item: MediaItem): ItemPaths {
    const own = [item.relativePath, ...item.duplicatePaths];
    return { own, stack: item.stackSize > own.length ? stackPaths(review.caseId, review.scheme, item) : [] };
  }

  function categoryOfItem(review: CaseReview, item: MediaItem): CategoryCode {
    return categoryOfPaths(pathsOf(review, item), (path) => review.categories.get(path) ?? null);
  }

  /** Applies a step to the categories and hands its lines to the writer. */
  function record(review: CaseReview, action: ReviewAction, cause: DecisionCause): void {
    const actionId = review.nextActionId++;
    const atMs = Math.floor(deps.nowMs());
    const reason = cause === 'undo' ? undefined : review.reasons.get(action);
    const events = action.changes.map((change): DecisionEvent => {
      review.categories.set(change.itemId, change.after);
      const event: DecisionEvent = { actionId, itemPath: change.itemId, category: change.after, source: change.source, cause, userName: deps.userName, atMs };
      return reason === undefined ? event : { ...event, reason };
    });
    pathsChanged(review, events);
    review.writer.append(events);
  }

  return { toReview, listVersion, progressOf, catchUp, stateOf, load, precategoriseKnown, takeSetCategories, stackPaths, pathsOf, categoryOfItem, record };
}
