import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, schemeCategories } from '../../../shared/review/category-scheme.js';
import { categoryLabel } from './category-label';
import type { Review } from './use-review';

/**
 * The "Category" buttons for one item: each named by its category ("1, CAM"), the item's
 * category pressed, and "Uncategorised" to take a decision back to none. The number keys do
 * the same (use-decision-keys.ts). On a known item still holding its hash set's category, a
 * button asks for the reason first (the back end's refusal opens the dialog, use-review.ts).
 */
export function CategoryGroup({ review, item }: { review: Review; item: MediaItem }) {
  const { t } = useTranslation();
  const hintId = useId();
  const { state, learn } = review;
  const itemId = item.id;
  useEffect(() => learn(itemId), [learn, itemId]);
  if (state === null) return null;
  const current = review.categoryOf(itemId);
  const choices = [...schemeCategories(state.scheme).map((category) => category.code), null];
  // Said before the press, so the dialog asking why is no surprise.
  const fromSet = categoryFromMatch(state.scheme, item.match);
  const keptFromSet = fromSet !== null && current === fromSet;
  return (
    <div role="group" aria-label={t('decisions.group')} aria-describedby={keptFromSet ? hintId : undefined} className="category-group">
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
      {keptFromSet && (
        <span id={hintId} className="muted category-kept">
          {t('overrule.keptFromSet')}
        </span>
      )}
    </div>
  );
}
