import type { TFunction } from 'i18next';
import type { BatchOutcome } from '../../../shared/review/batch-contract.js';
import type { DecisionOutcome } from '../../../shared/review/review-contract.js';
import type { Formatters } from '../../i18n/format';
import { categoryLabel } from './category-label';

/**
 * What the live region says after a selection was categorised: "Category 1, CAM applied to 12 items
 * (3 copies). 2 known items skipped: they keep their hash set's category." Each part only when it
 * has something to say, so a plain batch is one short sentence.
 */
export function batchAnnouncement(t: TFunction, format: Formatters, outcome: BatchOutcome): string {
  const items = { count: outcome.itemCount, formatted: format.count(outcome.itemCount) };
  const parts = [
    outcome.category === null
      ? t('selection.clearedItems', items)
      : t('selection.appliedItems', { ...items, category: categoryLabel(t, outcome.state.scheme, outcome.category) }),
  ];
  if (outcome.copies > 0) parts.push(t('selection.copies', { count: outcome.copies, formatted: format.count(outcome.copies) }));
  let text = `${parts.join(' ')}.`;
  if (outcome.skippedKnown > 0) text += ` ${t('selection.skippedKnown', { count: outcome.skippedKnown, formatted: format.count(outcome.skippedKnown) })}`;
  return text;
}

/** An undo or redo of a whole selection's step: "Undone: the decision on 3 items"; null for a one-item step. */
export function batchMoveAnnouncement(t: TFunction, format: Formatters, outcome: DecisionOutcome): string | null {
  const chosen = outcome.chosenCount ?? 1;
  if (chosen <= 1) return null;
  const options = { count: chosen, formatted: format.count(chosen) };
  return outcome.cause === 'undo' ? t('selection.undone', options) : t('selection.redone', options);
}
