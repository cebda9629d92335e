import type { ListedItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, DEFAULT_CASE_SCHEME, type CaseScheme } from '../../../shared/review/category-scheme.js';
import { currentCategories, type CategoryCode, type DecisionCause, type DecisionEvent } from '../../../shared/review/decision-event.js';
import { EMPTY_HISTORY, type ReviewAction, type UndoHistory } from '../../../shared/review/decision-machine.js';
import type { ReviewState } from '../../../shared/review/review-contract.js';
import type { CaseSession } from '../case/case-session.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { createDecisionWriter, type DecisionWriter } from './decision-writer.js';
import { categoryOfPaths, createReviewProgress, type ItemPaths, type ReviewProgress } from '../../../shared/review/review-progress.js';
import { createReviewCounts, type ListMoment } from './review-count.js';

export interface ReviewServiceDeps {
  /**
   * With `summary`, progress is kept between decisions while the list's version stays; without it, recounted at each
   * look. With `listRewrites` too, a version reached by appending items only counts those items.
   */
  session: Pick<CaseSession, 'getItems' | 'listForReview' | 'stackMembers'> & Partial<Pick<CaseSession, 'summary' | 'listRewrites'>>;
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
  /** A clock for the length of a count's slice, ms (performance.now without it; tests stop it to count by items alone). */
  monotonicMs?: () => number;
  /** Items counted at most in one slice (1,000 without it); tests make it tiny so a handful of items is counted over several turns. */
  sliceItems?: number;
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
  /** The count in slices under way (review-count.ts), one at a time; null when none is. */
  counting: Promise<boolean> | null;
  /** The list when known items were last categorised (their count then), so a look at the state does not walk them again. */
  known: (ListMoment & { count: number }) | null;
}

const NO_PATHS: readonly string[] = [];

/**
 * One case's review as the service holds it: loading it from the workspace, its progress over the
 * "To review" list, the files a decision on an item reaches, and recording a step. The service
 * (review-service.ts) keeps which case is open and answers the contract's requests with these.
 */
export function createCaseReviews(deps: ReviewServiceDeps) {
  const counts = createReviewCounts(deps, emptyProgress);
  const { listMoment, appendedFrom, viewFrom } = counts;

  /** The "To review" list as it is now, not copied (a look for one remembered path). */
  function toReview(caseId: string): ListedItem[] {
    return viewFrom(caseId, 'to-review', 0).items;
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

  /** The review's state with `progress` over the list as it is now. */
  function stateWith(review: CaseReview, progress: ReviewProgress): ReviewState {
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

  /** The state once the list as it is now is counted (in slices when it moved: the answer may come a little later). */
  async function stateOf(review: CaseReview): Promise<ReviewState> {
    return stateWith(review, await counts.counted(review));
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
      writer: createDecisionWriter({
        workspace,
        retryMs: deps.retryMs,
        setTimer: deps.setTimer,
        onChange: () => void stateOf(review).then(deps.onChange, () => undefined),
      }),
      progress: null,
      building: null,
      counting: null,
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
    // No known item at all (most cases, no hash set): the session is not asked for its "known" view, which it would
    // make in a pass over every item at the first look (about 25 ms of the main side at 100,000 items).
    const summary = deps.session.summary?.();
    if (summary?.caseId === review.caseId && summary.knownCount === 0) {
      review.known = { ...now, count: 0 };
      return;
    }
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
  function takeSetCategories(review: CaseReview, items: readonly ListedItem[]): void {
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
  function stackPaths(caseId: string, scheme: CaseScheme, item: ListedItem): string[] {
    const members = deps.session.stackMembers(caseId, item.id).map((member) => member.item);
    const items = members.some((member) => member.id === item.id) ? members : [item, ...members];
    return items
      .filter((member) => member.id === item.id || categoryFromMatch(scheme, member.match) === null)
      .flatMap((member) => [member.relativePath, ...member.duplicatePaths]);
  }

  /** The files that decide an item's category: its own, then (when it is in a near stack) its stack's. */
  function pathsOf(review: CaseReview, item: ListedItem): ItemPaths {
    const own = item.duplicatePaths.length === 0 ? [item.relativePath] : [item.relativePath, ...item.duplicatePaths];
    // One empty array for all items in no stack: a progress keeps each item's paths while the case is open.
    return { own, stack: item.stackSize > own.length ? stackPaths(review.caseId, review.scheme, item) : NO_PATHS };
  }

  function categoryOfItem(review: CaseReview, item: ListedItem): CategoryCode {
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

  return {
    toReview,
    counted: counts.counted,
    catchUp: counts.catchUp,
    stateWith,
    stateOf,
    load,
    precategoriseKnown,
    takeSetCategories,
    stackPaths,
    pathsOf,
    categoryOfItem,
    record,
  };
}
