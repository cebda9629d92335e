import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VeilClient } from '../../../shared/client.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import type { BatchOutcome } from '../../../shared/review/batch-contract.js';
import type { DecisionOutcome, NextToReview, ReviewState } from '../../../shared/review/review-contract.js';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { batchAnnouncement, batchMoveAnnouncement } from './batch-announcement';
import { categoryLabel } from './category-label';
import type { DecisionSentListener, PendingOverrule, Review } from './review-model';
import { useReviewEpoch } from './use-review-epoch';

const NO_CATEGORIES: ReadonlyMap<string, CategoryCode> = new Map();

/** The back end refused because the item's category is its hash set's and no reason came with the change. */
function needsReason(error: unknown): boolean {
  return error instanceof VeilRequestError && error.reason?.code === 'reason-required';
}

/** The review of the case `caseId`: progress kept current by `reviewChanged`, decisions sent in order. */
export function useReview(client: VeilClient, caseId: string | null): Review {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const format = useFormatters();
  // Kept with the case they belong to, so another case's figures are never shown for this one.
  const [stateOf, setStateOf] = useState<{ caseId: string; state: ReviewState } | null>(null);
  const [categoriesOf, setCategoriesOf] = useState<{ caseId: string | null; map: ReadonlyMap<string, CategoryCode> }>({ caseId, map: new Map() });
  const state = stateOf !== null && stateOf.caseId === caseId ? stateOf.state : null;
  const categories = categoriesOf.caseId === caseId ? categoriesOf.map : NO_CATEGORIES;
  // Each decision's figures arrive up to three times (its answer, reviewChanged, and again once written); the same figures
  // keep the same state, so the app is not drawn again for nothing while the next key waits.
  const setState = useCallback(
    (next: ReviewState) =>
      setStateOf((prev) => (prev !== null && JSON.stringify(prev.state) === JSON.stringify(next) ? prev : { caseId: next.caseId, state: next })),
    [],
  );
  const setCategories = useCallback(
    (change: (prev: ReadonlyMap<string, CategoryCode>) => ReadonlyMap<string, CategoryCode>) =>
      setCategoriesOf((prev) => ({ caseId, map: change(prev.caseId === caseId ? prev.map : NO_CATEGORIES) })),
    [caseId],
  );
  const [announcement, setAnnouncement] = useState('');
  const [overruleOf, setOverruleOf] = useState<(PendingOverrule & { caseId: string }) | null>(null);
  const overrule = overruleOf !== null && overruleOf.caseId === caseId ? overruleOf : null;
  /** Items whose category was asked for, so a re-render does not ask again. */
  const asked = useRef(new Set<string>());
  const decidedListeners = useRef(new Set<(outcome: DecisionOutcome) => void>());
  const sentListeners = useRef(new Set<DecisionSentListener>());
  const steps = useReviewEpoch();

  useEffect(() => {
    asked.current = new Set();
    if (caseId === null) return undefined;
    let live = true;
    const off = client.on('reviewChanged', (next) => {
      if (next.caseId !== caseId) return;
      steps.heard(next);
      startTransition(() => setState(next));
    });
    client
      .call('getReview', { caseId })
      .then((next) => live && setState(next))
      .catch((error: unknown) => live && setAnnouncement(t('decisions.failed', { message: errorText(error) })));
    return () => {
      live = false;
      off();
    };
  }, [client, caseId, t, errorText, setState, steps]);

  const remember = useCallback((itemId: string, category: CategoryCode) => setCategories((prev) => new Map(prev).set(itemId, category)), [setCategories]);

  const show = useCallback(
    (outcome: DecisionOutcome) => {
      setState(outcome.state);
      if (outcome.itemId === null) {
        setAnnouncement(t(outcome.cause === 'undo' ? 'decisions.nothingToUndo' : 'decisions.nothingToRedo'));
        return;
      }
      const batchMove = batchMoveAnnouncement(t, format, outcome);
      if (batchMove !== null) {
        // A whole selection moved: what was learnt of each item's category is stale; each is asked again when shown.
        asked.current = new Set();
        setCategories(() => new Map());
        setAnnouncement(batchMove);
        return;
      }
      remember(outcome.itemId, outcome.category);
      const category = categoryLabel(t, outcome.state.scheme, outcome.category);
      if (outcome.cause === 'undo') setAnnouncement(t('decisions.undone', { category }));
      else if (outcome.cause === 'redo') setAnnouncement(t('decisions.redone', { category }));
      else if (outcome.category === null) setAnnouncement(t('decisions.cleared'));
      else if (outcome.copies > 0) setAnnouncement(t('decisions.appliedCopies', { category, count: outcome.copies, formatted: format.count(outcome.copies) }));
      else setAnnouncement(t('decisions.applied', { category }));
    },
    [t, format, remember, setState, setCategories],
  );
  // A decision's figures, pressed button and words are drawn as a transition: the next item's view (key N, or the
  // "open next" listener, told first and outside it) is urgent and is not kept waiting behind them.
  const apply = useCallback(
    (outcome: DecisionOutcome) => {
      steps.answered(outcome);
      if (outcome.cause === 'decision' && outcome.itemId !== null) for (const listener of decidedListeners.current) listener(outcome);
      startTransition(() => show(outcome));
    },
    [show, steps],
  );

  const learn = useCallback(
    (itemId: string) => {
      if (caseId === null || asked.current.has(itemId)) return;
      asked.current.add(itemId);
      client
        .call('getItemReview', { caseId, itemId })
        // A decision made meanwhile is newer than this answer. A transition: the pressed button is drawn after a
        // next item asked for meanwhile (the investigator pressing on), not before it.
        .then((item) => startTransition(() => setCategories((prev) => (prev.has(itemId) ? prev : new Map(prev).set(itemId, item.category)))))
        .catch(() => asked.current.delete(itemId));
    },
    [client, caseId, setCategories],
  );

  const fail = useCallback((error: unknown) => setAnnouncement(t('decisions.failed', { message: errorText(error) })), [t, errorText]);
  /** One of our steps failed: nothing changed, and why is said. */
  const failStep = useCallback(
    (error: unknown) => {
      steps.settled();
      fail(error);
    },
    [steps, fail],
  );
  const onDecided = useCallback((listener: (outcome: DecisionOutcome) => void) => {
    decidedListeners.current.add(listener);
    return () => void decidedListeners.current.delete(listener);
  }, []);
  const onCategorising = useCallback((listener: DecisionSentListener) => {
    sentListeners.current.add(listener);
    return () => void sentListeners.current.delete(listener);
  }, []);
  const epoch = useCallback(() => steps.now(), [steps]);
  const applyBatch = useCallback(
    (outcome: BatchOutcome, itemIds: readonly string[]) => {
      steps.answeredMany();
      setState(outcome.state);
      // Known items in the selection were skipped: only forget what was learnt of the chosen ones, they are asked again when shown.
      for (const itemId of itemIds) asked.current.delete(itemId);
      setCategories((prev) => {
        const next = new Map(prev);
        for (const itemId of itemIds) next.delete(itemId);
        return next;
      });
      setAnnouncement(batchAnnouncement(t, format, outcome));
    },
    [t, format, setState, setCategories, steps],
  );

  const categoryOf = useCallback((itemId: string) => categories.get(itemId), [categories]);
  const categorise = useCallback(
    (itemId: string, category: CategoryCode) => {
      if (caseId === null) return;
      // Told before the epoch moves: a next item asked for since the last change is still good for this key.
      const answered = [...sentListeners.current].map((listener) => listener(itemId, category));
      steps.sent();
      const tell = (outcome: DecisionOutcome | null) => answered.forEach((done) => done?.(outcome));
      client
        .call('categoriseItem', { caseId, itemId, category })
        .then((outcome) => {
          apply(outcome);
          tell(outcome);
        })
        // The back end knows whose category is a hash set's: its refusal is what asks for the reason.
        .catch((error: unknown) => {
          tell(null);
          if (!needsReason(error)) return failStep(error);
          steps.settled();
          setOverruleOf({ caseId, itemId, category });
        });
    },
    [client, caseId, apply, failStep, steps],
  );
  const categoriseMany = useCallback(
    (itemIds: readonly string[], category: CategoryCode) => {
      if (caseId === null || itemIds.length === 0) return;
      steps.sent();
      client
        .call('categoriseItems', { caseId, itemIds: [...itemIds], category })
        .then((outcome) => applyBatch(outcome, itemIds))
        .catch(failStep);
    },
    [client, caseId, applyBatch, failStep, steps],
  );
  const confirmOverrule = useCallback(
    async (reason: string) => {
      if (overrule === null) return;
      steps.sent();
      const outcome = await client
        .call('categoriseItem', { caseId: overrule.caseId, itemId: overrule.itemId, category: overrule.category, reason })
        .catch((error: unknown) => {
          steps.settled();
          throw error;
        });
      setOverruleOf(null);
      apply(outcome);
    },
    [client, overrule, apply, steps],
  );
  const cancelOverrule = useCallback(() => setOverruleOf(null), []);
  const chooseScheme = useCallback(
    (scheme: CaseScheme) => {
      if (caseId !== null) client.call('chooseCaseScheme', { caseId, scheme }).then(setState).catch(fail);
    },
    [client, caseId, setState, fail],
  );
  const undo = useCallback(() => {
    if (caseId === null) return;
    steps.sent();
    client.call('undoDecision', { caseId }).then(apply).catch(failStep);
  }, [client, caseId, apply, failStep, steps]);
  const redo = useCallback(() => {
    if (caseId === null) return;
    steps.sent();
    client.call('redoDecision', { caseId }).then(apply).catch(failStep);
  }, [client, caseId, apply, failStep, steps]);
  const nextToReview = useCallback(
    async (afterItemId: string | null): Promise<NextToReview> => {
      const none = { itemId: null, index: null };
      if (caseId === null) return none;
      try {
        const next = await client.call('nextToReview', { caseId, afterItemId });
        if (next.itemId === null) setAnnouncement(t('decisions.allReviewed'));
        return next;
      } catch (error) {
        fail(error);
        return none;
      }
    },
    [client, caseId, t, fail],
  );
  const pendingOverrule = useMemo(() => (overrule === null ? null : { itemId: overrule.itemId, category: overrule.category }), [overrule]);

  // One object while nothing in it changed: the grid and the viewer's buttons, memoised on it, are not drawn again for nothing.
  return useMemo(
    () => ({
      state,
      categoryOf,
      announcement,
      categorise,
      categoriseMany,
      onDecided,
      onCategorising,
      epoch,
      overrule: pendingOverrule,
      confirmOverrule,
      cancelOverrule,
      chooseScheme,
      undo,
      redo,
      nextToReview,
      learn,
    }),
    [
      state,
      categoryOf,
      announcement,
      categorise,
      categoriseMany,
      onDecided,
      onCategorising,
      epoch,
      pendingOverrule,
      confirmOverrule,
      cancelOverrule,
      chooseScheme,
      undo,
      redo,
      nextToReview,
      learn,
    ],
  );
}
