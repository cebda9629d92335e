import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, isSchemeCategory, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import { decide, decideMany, redo, undo } from '../../../shared/review/decision-machine.js';
import type { DecisionOutcome, ItemReview, NextToReview, ReviewState } from '../../../shared/review/review-contract.js';
import type { BatchOutcome } from '../../../shared/review/batch-contract.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { authorisationsOf, overruleNeedsReason } from './overrule.js';
import { placeOfPath } from './review-place.js';
import { createCaseReviews, type CaseReview, type ReviewServiceDeps } from './case-review.js';
import { createReviewRecounts, type ReviewFigures } from './review-recount.js';

export type { ReviewServiceDeps } from './case-review.js';

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
  /** Resolves once the recount under way, if any, has pushed its figures or given up (tests, benches). */
  whenCounted(): Promise<void>;
}

/**
 * The open case's review: categories now (path → code), undo history, and the writer that
 * appends every step to the workspace. Loaded on first use from the workspace's record; known
 * items without a decision are categorised from their hash set then (source: hash-set).
 */
export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  let current: Promise<CaseReview> | null = null;
  let currentId: string | null = null;
  /** The figures the renderer was last given (pushed, or answered to a look at the state); null before any. */
  let told: ReviewFigures | null = null;
  const tell = (state: ReviewState): ReviewState => {
    told = { reviewedCount: state.reviewedCount, totalCount: state.totalCount };
    return state;
  };
  const push = (state: ReviewState): void => deps.onChange(tell(state));

  const { toReview, counted, catchUp, stateWith, stateOf, load, precategoriseKnown, takeSetCategories, stackPaths, categoryOfItem, record } = createCaseReviews(
    {
      ...deps,
      onChange: push,
    },
  );

  function reviewOf(caseId: string): Promise<CaseReview> {
    if (current === null || currentId !== caseId) {
      // A late request for a case already left must not close the open case's writer (its unsaved lines would go): refused first.
      deps.session.getItems(caseId, []);
      current?.then((previous) => previous.writer.close()).catch(() => undefined);
      currentId = caseId;
      told = null;
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

  const recounts = createReviewRecounts({
    setTimer: deps.setTimer,
    current: () => current,
    told: () => told,
    push,
    catchUp,
    precategoriseKnown,
    stateOf,
  });

  async function move(caseId: string, cause: 'undo' | 'redo'): Promise<DecisionOutcome> {
    const review = await reviewOf(caseId);
    const moved = cause === 'undo' ? undo(review.history) : redo(review.history);
    if (moved === null) return { state: await stateOf(review), itemId: null, category: null, copies: 0, cause };
    review.history = moved.history;
    record(review, moved.action, cause);
    const chosen = moved.action.changes.find((change) => change.source === 'investigator') ?? moved.action.changes[0];
    const state = await stateOf(review);
    push(state);
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
      // Items keep arriving while the case imports: those known since the last look get their set's category.
      const review = await reviewOf(caseId);
      precategoriseKnown(review);
      return tell(await stateOf(review));
    },
    async chooseScheme(caseId, scheme) {
      const review = await reviewOf(caseId);
      if (!review.schemeChosen) {
        const workspace = await deps.workspace(caseId);
        review.scheme = workspace ? await workspace.chooseScheme(scheme) : scheme;
        review.schemeChosen = true;
        precategoriseKnown(review);
      }
      const state = await stateOf(review);
      push(state);
      return state;
    },
    async categorise(caseId, itemId, category, reason) {
      const review = await reviewOf(caseId);
      if (!review.schemeChosen) throw new VeilRequestError('invalid-arguments', "the case's scheme is not chosen yet");
      if (!isSchemeCategory(review.scheme, category)) throw new VeilRequestError('invalid-arguments', `category ${category} is not in the case's scheme`);
      const item = itemNamed(caseId, itemId);
      // A known item that arrived since the last look has its set's category first, so changing it is an overrule.
      takeSetCategories(review, [item]);
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
      // Recorded before any wait: a count in slices under way takes the decision in, and its answer carries it.
      const progress = await counted(review);
      const state = stateWith(review, progress);
      push(state);
      return { state, itemId, category, copies: decided.copies, cause: 'decision', next: progress.nextAfter(itemId) };
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
      const state = await stateOf(review);
      push(state);
      return { state, category, itemCount: open.length, copies: decided.copies, skippedKnown: items.length - open.length };
    },
    undo: (caseId) => move(caseId, 'undo'),
    redo: (caseId) => move(caseId, 'redo'),
    async item(caseId, itemId) {
      const review = await reviewOf(caseId);
      const item = itemNamed(caseId, itemId);
      // Shown with its set's category even when it arrived since the last look.
      takeSetCategories(review, [item]);
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
      return (await counted(await reviewOf(caseId))).nextAfter(afterItemId);
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
      return placeOfPath(toReview(caseId), remembered) ?? (await counted(review)).nextAfter(null);
    },
    async countsByCategory(caseId) {
      return (await counted(await reviewOf(caseId))).countsByCategory();
    },
    async whenWritten() {
      const review = await current?.catch(() => null);
      await review?.writer.whenWritten();
    },
    async leave() {
      recounts.stop();
      const left = current;
      current = null;
      currentId = null;
      const review = await left?.catch(() => null);
      await review?.writer.finish();
    },
    close() {
      recounts.stop();
      void current?.then((review) => review.writer.close()).catch(() => undefined);
      current = null;
      currentId = null;
    },
    listChanged: recounts.listChanged,
    whenCounted: recounts.whenCounted,
  };
}
