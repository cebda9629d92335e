import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, DEFAULT_CASE_SCHEME, type CaseScheme } from '../../../shared/review/category-scheme.js';
import { currentCategories, type CategoryCode, type DecisionCause, type DecisionEvent } from '../../../shared/review/decision-event.js';
import { EMPTY_HISTORY, type ReviewAction, type UndoHistory } from '../../../shared/review/decision-machine.js';
import type { ReviewState } from '../../../shared/review/review-contract.js';
import type { CaseSession } from '../case/case-session.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { createDecisionWriter, type DecisionWriter } from './decision-writer.js';
import { categoryOfPaths, createReviewProgress, type ItemPaths, type ReviewProgress } from './review-progress.js';

export interface ReviewServiceDeps {
  /** With `summary`, progress is kept between decisions while the list's version stays; without it, recounted at each look. */
  session: Pick<CaseSession, 'getItems' | 'listItems' | 'stackMembers'> & Partial<Pick<CaseSession, 'summary'>>;
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
  /** Progress over the "To review" list of `version` (null: a session that does not say, rebuilt at each look). */
  progress: { version: number | null; tracker: ReviewProgress } | null;
  /** The list version known items were last categorised at, so a look at the state does not walk them again. */
  knownVersion: number | null | undefined;
}

const LIST_PAGE = 5000;

/**
 * One case's review as the service holds it: loading it from the workspace, its progress over the
 * "To review" list, the files a decision on an item reaches, and recording a step. The service
 * (review-service.ts) keeps which case is open and answers the contract's requests with these.
 */
export function createCaseReviews(deps: ReviewServiceDeps) {
  function toReview(caseId: string): MediaItem[] {
    const all: MediaItem[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = deps.session.listItems(caseId, offset, LIST_PAGE, 'to-review');
      all.push(...page.items);
      if (offset + LIST_PAGE >= page.total) return all;
    }
  }

  /** The open case's list version (it moves whenever a view's items or their stacks change); null when unknown. */
  function listVersion(caseId: string): number | null {
    const summary = deps.session.summary?.();
    return summary && summary.caseId === caseId ? summary.listVersion : null;
  }

  /** Progress for the list as it is now: kept while its version stays, built again in one pass when it moved. */
  function progressOf(review: CaseReview): ReviewProgress {
    const version = listVersion(review.caseId);
    if (review.progress === null || version === null || review.progress.version !== version) {
      const tracker = createReviewProgress(
        toReview(review.caseId),
        (item) => pathsOf(review, item),
        (path) => review.categories.get(path) ?? null,
      );
      review.progress = { version, tracker };
    }
    return review.progress.tracker;
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
      knownVersion: undefined,
    };
    precategoriseKnown(review);
    return review;
  }

  /** Known items arrive with their set's category; a decision already made is never overwritten. */
  function precategoriseKnown(review: CaseReview): void {
    if (!review.schemeChosen) return;
    const version = listVersion(review.caseId);
    if (version !== null && version === review.knownVersion) return;
    review.knownVersion = version;
    const events: DecisionEvent[] = [];
    const atMs = Math.floor(deps.nowMs());
    const actionId = review.nextActionId;
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = deps.session.listItems(review.caseId, offset, LIST_PAGE, 'known');
      for (const item of page.items) {
        const category = categoryFromMatch(review.scheme, item.match);
        if (category === null || review.categories.has(item.relativePath)) continue;
        review.categories.set(item.relativePath, category);
        events.push({ actionId, itemPath: item.relativePath, category, source: 'hash-set', cause: 'decision', userName: deps.userName, atMs });
      }
      if (offset + LIST_PAGE >= page.total) break;
    }
    if (events.length === 0) return;
    review.nextActionId += 1;
    review.progress?.tracker.pathsChanged(events.map((event) => event.itemPath));
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
    review.progress?.tracker.pathsChanged(action.changes.map((change) => change.itemId));
    review.writer.append(events);
  }

  return { toReview, listVersion, progressOf, stateOf, load, precategoriseKnown, stackPaths, pathsOf, categoryOfItem, record };
}
