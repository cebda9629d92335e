import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { schemeCategories } from '../../../shared/review/category-scheme.js';
import { categoryLabel } from './category-label';
import type { Review } from './use-review';

/**
 * The "Category" buttons for one item: each named by its category ("1, CAM"), the item's
 * category pressed, and "Uncategorised" to take a decision back to none. The number keys do
 * the same (use-decision-keys.ts).
 */
export function CategoryGroup({ review, itemId }: { review: Review; itemId: string }) {
  const { t } = useTranslation();
  const { state, learn } = review;
  useEffect(() => learn(itemId), [learn, itemId]);
  if (state === null) return null;
  const current = review.categoryOf(itemId);
  const choices = [...schemeCategories(state.scheme).map((category) => category.code), null];
  return (
    <div role="group" aria-label={t('decisions.group')} className="category-group">
      {choices.map((code) => (
        <button
          key={code ?? 'none'}
          type="button"
          className="button category-button"
          aria-pressed={current === undefined ? undefined : current === code}
          title={categoryLabel(t, state.scheme, code)}
          onClick={() => review.categorise(itemId, code)}
        >
          {/* The code in sight (six buttons fit beside the title); the whole name for screen readers and on hover. */}
          <span aria-hidden="true">{code ?? '–'}</span>
          <span className="visually-hidden">{categoryLabel(t, state.scheme, code)}</span>
        </button>
      ))}
    </div>
  );
}
