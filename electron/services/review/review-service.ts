import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, DEFAULT_CASE_SCHEME, isSchemeCategory, type CaseScheme } from '../../../shared/review/category-scheme.js';
import { currentCategories, type CategoryCode, type DecisionCause, type DecisionEvent } from '../../../shared/review/decision-event.js';
import { decide, decideMany, EMPTY_HISTORY, redo, undo, type ReviewAction, type UndoHistory } from '../../../shared/review/decision-machine.js';
import type { DecisionOutcome, ItemReview, NextToReview, ReviewState } from '../../../shared/review/review-contract.js';
import type { BatchOutcome } from '../../../shared/review/batch-contract.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { CaseSession } from '../case/case-session.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';
import { createDecisionWriter, type DecisionWriter } from './decision-writer.js';
import { authorisationsOf, overruleNeedsReason } from './overrule.js';
import { placeOfPath } from './review-place.js';
import { categoryOfPaths, createReviewProgress, type ItemPaths, type ReviewProgress } from './review-progress.js';

export interface ReviewService {
  state(caseId: string): Promise<ReviewState>;
  /** Sets the case's scheme at its first open (kept once chosen); known items then take their set's category. */
  chooseScheme(caseId: string, scheme: CaseScheme): Promise<ReviewState>;
  /** Categorises a selection and their stacks as ONE undoable step; known items are skipped and counted; an id not in the case refuses all. */
  categoriseMany(caseId: string, itemIds: readonly string[], category: CategoryCode): Promise<BatchOutcome>;
  /**
   * Categorises the item and every file of its stack as one undoable step. Overruling the
   * category a hash set gave needs `reason` (refused with `reason-required` without one).
   */
  categorise(caseId: string, itemId: string, category: CategoryCode, reason?: string): Promise<DecisionOutcome>;
  undo(caseId: string): Promise<DecisionOutcome>;
  redo(caseId: string): Promise<DecisionOutcome>;
  item(caseId: string, itemId: string): Promise<ItemReview>;
  /** The first item to review without a category after `afterItemId` (from the top when null), wrapping round; null when none is left. */
  nextToReview(caseId: string, afterItemId: string | null): Promise<NextToReview>;
  /** Remembers the item the investigator is on (in the case's workspace), so the case reopens there. */
  rememberPlace(caseId: string, itemId: string): Promise<void>;
  /**
   * Where the case was left: that item's place in "To review", else (gone, or not to review) the
   * first item to review; null when no place was ever remembered (a first open starts at the top).
   */
  place(caseId: string): Promise<NextToReview | null>;
  /** How many items to review have each category (for the case's summary); categories with none are left out. */
  countsByCategory(caseId: string): Promise<ReadonlyMap<string, number>>;
  /** Resolves once every decision so far is written or has failed its latest try (quitting, tests). */
  whenWritten(): Promise<void>;
  /**
   * The open case is being left (another opened, or Veil quits): decisions not saved yet get one
   * last try at once, before the workspace they belong to closes, instead of being dropped.
   */
  leave(): Promise<void>;
  close(): void;
  /**
   * The open case's list moved (items arrived, stacks regrouped, matches changed): its progress is
   * counted again and pushed when its figures changed, so the header never keeps the first look's.
   */
  listChanged(): void;
}

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

interface CaseReview {
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
 * The open case's review: categories now (path → code), undo history, and the writer that
 * appends every step to the workspace. Loaded on first use from the workspace's record; known
 * items without a decision are categorised from their hash set then (source: hash-set).
 */
export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  let current: Promise<CaseReview> | null = null;
  let currentId: string | null = null;

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

  function reviewOf(caseId: string): Promise<CaseReview> {
    if (current === null || currentId !== caseId) {
      // A late request for a case already left must not close the open case's writer (its unsaved lines would go): refused first.
      deps.session.getItems(caseId, []);
      current?.then((previous) => previous.writer.close()).catch(() => undefined);
      currentId = caseId;
      current = load(caseId);
      current.catch(() => {
        if (currentId === caseId) current = null;
      });
    }
    return current;
  }

  function itemNamed(caseId: string, itemId: string): MediaItem {
    const [item] = deps.session.getItems(caseId, [itemId]);
    if (item === undefined) throw new VeilRequestError('invalid-arguments', `no item ${itemId} in this case`);
    return item;
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

  async function move(caseId: string, cause: 'undo' | 'redo'): Promise<DecisionOutcome> {
    const review = await reviewOf(caseId);
    const moved = cause === 'undo' ? undo(review.history) : redo(review.history);
    if (moved === null) return { state: stateOf(review), itemId: null, category: null, copies: 0, cause };
    review.history = moved.history;
    record(review, moved.action, cause);
    const chosen = moved.action.changes.find((change) => change.source === 'investigator') ?? moved.action.changes[0];
    const state = stateOf(review);
    deps.onChange(state);
    return {
      state,
      itemId: chosen ? (review.itemOfPath.get(chosen.itemId) ?? null) : null,
      category: chosen?.after ?? null,
      copies: Math.max(0, moved.action.changes.length - 1),
      cause,
      chosenCount: moved.action.changes.filter((change) => change.source === 'investigator').length,
    };
  }

  return {
    async state(caseId) {
      const review = await reviewOf(caseId);
      // Items keep arriving while the case imports: those known since the last look get their set's category.
      precategoriseKnown(review);
      return stateOf(review);
    },
    async chooseScheme(caseId, scheme) {
      const review = await reviewOf(caseId);
      if (!review.schemeChosen) {
        const workspace = await deps.workspace(caseId);
        review.scheme = workspace ? await workspace.chooseScheme(scheme) : scheme;
        review.schemeChosen = true;
        precategoriseKnown(review);
      }
      const state = stateOf(review);
      deps.onChange(state);
      return state;
    },
    async categorise(caseId, itemId, category, reason) {
      const review = await reviewOf(caseId);
      if (!review.schemeChosen) throw new VeilRequestError('invalid-arguments', "the case's scheme is not chosen yet");
      if (!isSchemeCategory(review.scheme, category)) throw new VeilRequestError('invalid-arguments', `category ${category} is not in the case's scheme`);
      const item = itemNamed(caseId, itemId);
      // A hash set's category is never overwritten silently: the investigator says why, and the record keeps it.
      if (reason === undefined && overruleNeedsReason(review.scheme, item, categoryOfItem(review, item)))
        throw VeilRequestError.because({ code: 'reason-required', params: {} });
      const paths = stackPaths(caseId, review.scheme, item);
      const decided = decide(
        review.history,
        (path) => review.categories.get(path) ?? null,
        () => paths,
        item.relativePath,
        category,
      );
      review.history = decided.history;
      review.itemOfPath.set(item.relativePath, item.id);
      if (decided.action && reason !== undefined) review.reasons.set(decided.action, reason);
      if (decided.action) record(review, decided.action, 'decision');
      const state = stateOf(review);
      deps.onChange(state);
      return { state, itemId, category, copies: decided.copies, cause: 'decision', next: progressOf(review).nextAfter(itemId) };
    },
    async categoriseMany(caseId, itemIds, category) {
      const review = await reviewOf(caseId);
      if (!review.schemeChosen) throw new VeilRequestError('invalid-arguments', "the case's scheme is not chosen yet");
      if (!isSchemeCategory(review.scheme, category)) throw new VeilRequestError('invalid-arguments', `category ${category} is not in the case's scheme`);
      const unique = [...new Set(itemIds)];
      const items = deps.session.getItems(caseId, unique);
      // Checked before anything is applied: a stale or forged id refuses the batch, and nothing of it is half done.
      if (items.length !== unique.length) throw new VeilRequestError('invalid-arguments', `${unique.length - items.length} of the items are not in this case`);
      const open = items.filter((item) => categoryFromMatch(review.scheme, item.match) === null);
      const stacks = new Map(open.map((item) => [item.relativePath, stackPaths(caseId, review.scheme, item)]));
      const decided = decideMany(
        review.history,
        (path) => review.categories.get(path) ?? null,
        (path) => stacks.get(path) ?? [],
        [...stacks.keys()],
        category,
      );
      review.history = decided.history;
      for (const item of open) review.itemOfPath.set(item.relativePath, item.id);
      if (decided.action) record(review, decided.action, 'decision');
      const state = stateOf(review);
      deps.onChange(state);
      return { state, category, itemCount: open.length, copies: decided.copies, skippedKnown: items.length - open.length };
    },
    undo: (caseId) => move(caseId, 'undo'),
    redo: (caseId) => move(caseId, 'redo'),
    async item(caseId, itemId) {
      const review = await reviewOf(caseId);
      const item = itemNamed(caseId, itemId);
      const workspace = await deps.workspace(caseId);
      const stored = workspace ? await workspace.itemHistory(item.relativePath) : [];
      // Lines still waiting for the workspace are history too: shown, not hidden until saved.
      const waiting = review.writer.unsaved().filter((event) => event.itemPath === item.relativePath);
      const seen = new Set(stored.map((event) => `${event.actionId}`));
      return {
        category: categoryOfItem(review, item),
        history: [...stored, ...waiting.filter((event) => !seen.has(`${event.actionId}`))],
        authorisations: await authorisationsOf(workspace, item),
      };
    },
    async nextToReview(caseId, afterItemId) {
      return progressOf(await reviewOf(caseId)).nextAfter(afterItemId);
    },
    async rememberPlace(caseId, itemId) {
      const item = itemNamed(caseId, itemId);
      await (await deps.workspace(caseId))?.rememberPlace(item.relativePath);
    },
    async place(caseId) {
      const review = await reviewOf(caseId);
      const workspace = await deps.workspace(caseId);
      const remembered = workspace ? await workspace.readPlace() : null;
      if (remembered === null) return null;
      return placeOfPath(toReview(caseId), remembered) ?? progressOf(review).nextAfter(null);
    },
    async countsByCategory(caseId) {
      return progressOf(await reviewOf(caseId)).countsByCategory();
    },
    async whenWritten() {
      const review = await current?.catch(() => null);
      await review?.writer.whenWritten();
    },
    async leave() {
      const left = current;
      current = null;
      currentId = null;
      const review = await left?.catch(() => null);
      await review?.writer.finish();
    },
    close() {
      void current?.then((review) => review.writer.close()).catch(() => undefined);
      current = null;
      currentId = null;
    },
    listChanged() {
      // Only a review already loaded: a list moving must not load (or lock) a workspace nobody asked for.
      const loaded = current;
      if (loaded === null) return;
      void loaded
        .then((review) => {
          if (current !== loaded || review.progress === null || review.progress.version === listVersion(review.caseId)) return;
          const before = review.progress.tracker;
          const [reviewedBefore, totalBefore] = [before.reviewedCount(), before.totalCount()];
          precategoriseKnown(review);
          const state = stateOf(review);
          if (state.reviewedCount !== reviewedBefore || state.totalCount !== totalBefore) deps.onChange(state);
        })
        .catch(() => undefined);
    },
  };
}
