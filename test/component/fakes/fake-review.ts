import { vi } from 'vitest';
import type { RequestArgs, RequestHandlers } from '../../../shared/contract.js';
import { DEFAULT_CASE_SCHEME, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import { decide, decideMany, EMPTY_HISTORY, redo, undo, type ReviewAction } from '../../../shared/review/decision-machine.js';
import type { DecisionOutcome, NextToReview, ReviewState } from '../../../shared/review/review-contract.js';

type ReviewHandlers = Pick<
  RequestHandlers,
  | 'getReview'
  | 'chooseCaseScheme'
  | 'importCategoryScheme'
  | 'exportCategoryScheme'
  | 'categoriseItem'
  | 'categoriseItems'
  | 'undoDecision'
  | 'redoDecision'
  | 'getItemReview'
  | 'nextToReview'
  | 'rememberReviewPlace'
  | 'getReviewPlace'
>;

/**
 * The review requests over the real pure machine, for component tests: every item stands alone
 * except those `copiesOf` gives copies to (as paths). Decisions stay in memory.
 */
export function createFakeReview(options: { caseId: string; totalCount: () => number; copiesOf?: (itemId: string) => number; askScheme?: boolean }) {
  const categories = new Map<string, CategoryCode>();
  let scheme: CaseScheme | null = options.askScheme ? null : DEFAULT_CASE_SCHEME;
  let history = EMPTY_HISTORY;
  const stackOf = (itemId: string) => [itemId, ...Array.from({ length: options.copiesOf?.(itemId) ?? 0 }, (_, index) => `${itemId}/copy-${index}`)];
  const state = (): ReviewState => ({
    caseId: options.caseId,
    scheme: scheme ?? DEFAULT_CASE_SCHEME,
    schemeChosen: scheme !== null,
    reviewedCount: [...categories].filter(([id, code]) => code !== null && !id.includes('/copy-')).length,
    totalCount: options.totalCount(),
    unsavedCount: 0,
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
  });
  /** What "next to review" answers, asked directly or with a decision; none left unless a test says otherwise. */
  const nextAfter = vi.fn((_afterItemId: string | null): NextToReview => ({ itemId: null, index: null }));
  const apply = (action: ReviewAction) => action.changes.forEach((change) => categories.set(change.itemId, change.after));
  const move = (cause: 'undo' | 'redo'): DecisionOutcome => {
    const moved = cause === 'undo' ? undo(history) : redo(history);
    if (!moved) return { state: state(), itemId: null, category: null, copies: 0, cause };
    history = moved.history;
    apply(moved.action);
    const chosen = moved.action.changes.find((change) => change.source === 'investigator');
    const chosenCount = moved.action.changes.filter((change) => change.source === 'investigator').length;
    return { state: state(), itemId: chosen?.itemId ?? null, category: chosen?.after ?? null, copies: moved.action.changes.length - 1, cause, chosenCount };
  };
  const handlers: ReviewHandlers = {
    getReview: vi.fn(async () => state()),
    // A scheme file the fake cannot vouch for: tests see the refusal and its reasons.
    importCategoryScheme: vi.fn(async () => ({ outcome: 'refused' as const, problems: [{ place: 'categories.0.key', code: 'not-a-digit' as const }] })),
    exportCategoryScheme: vi.fn(async () => ({ outcome: 'exported' as const })),
    chooseCaseScheme: vi.fn(async ({ scheme: chosen }: RequestArgs['chooseCaseScheme']) => {
      scheme ??= chosen;
      return state();
    }),
    categoriseItem: vi.fn(async ({ itemId, category }: RequestArgs['categoriseItem']) => {
      const decided = decide(history, (id) => categories.get(id) ?? null, stackOf, itemId, category);
      history = decided.history;
      if (decided.action) apply(decided.action);
      return { state: state(), itemId, category, copies: decided.copies, cause: 'decision' as const, next: nextAfter(itemId) };
    }),
    categoriseItems: vi.fn(async ({ itemIds, category }: RequestArgs['categoriseItems']) => {
      const decided = decideMany(history, (id) => categories.get(id) ?? null, stackOf, itemIds, category);
      history = decided.history;
      if (decided.action) apply(decided.action);
      return { state: state(), category, itemCount: new Set(itemIds).size, copies: decided.copies, skippedKnown: 0 };
    }),
    undoDecision: vi.fn(async () => move('undo')),
    redoDecision: vi.fn(async () => move('redo')),
    getItemReview: vi.fn(async ({ itemId }: RequestArgs['getItemReview']) => ({ category: categories.get(itemId) ?? null, history: [], authorisations: [] })),
    nextToReview: vi.fn(async ({ afterItemId }: RequestArgs['nextToReview']) => nextAfter(afterItemId)),
    rememberReviewPlace: vi.fn(async () => ({})),
    getReviewPlace: vi.fn(async () => null),
  };
  return { handlers, categories, nextAfter };
}
