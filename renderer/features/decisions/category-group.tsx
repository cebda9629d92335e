import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, schemeCategories, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import { categoryLabel } from './category-label';
import type { Review } from './review-model';

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
  const current = review.categoryOf(itemId);
  // Asked again whenever it is not known: after a selection's undo or redo the review forgets what it had learnt.
  const unknown = current === undefined;
  useEffect(() => {
    if (unknown) learn(itemId);
  }, [learn, itemId, unknown]);
  if (state === null) return null;
  // Said before the press, so the dialog asking why is no surprise.
  const fromSet = categoryFromMatch(state.scheme, item.match);
  const keptFromSet = fromSet !== null && current === fromSet;
  return (
    <CategoryButtons
      scheme={state.scheme}
      current={current}
      describedBy={keptFromSet ? hintId : undefined}
      onChoose={(code) => review.categorise(itemId, code)}
    >
      {keptFromSet && (
        <span id={hintId} className="muted category-kept">
          {t('overrule.keptFromSet')}
        </span>
      )}
    </CategoryButtons>
  );
}

interface CategoryButtonsProps {
  scheme: CaseScheme;
  /** The category pressed; undefined when not known (no button shows pressed or not). */
  current: CategoryCode | undefined;
  describedBy?: string;
  onChoose: (code: CategoryCode) => void;
  children?: ReactNode;
}

/** The group named "Category" with one button per category of the scheme and "Uncategorised": for an item, or a grid selection. */
export function CategoryButtons({ scheme, current, describedBy, onChoose, children }: CategoryButtonsProps) {
  const { t } = useTranslation();
  const choices = [...schemeCategories(scheme).map((category) => category.code), null];
  return (
    <div role="group" aria-label={t('decisions.group')} aria-describedby={describedBy} className="category-group">
      {choices.map((code) => (
        <button
          key={code ?? 'none'}
          type="button"
          className="button category-button"
          aria-pressed={current === undefined ? undefined : current === code}
          title={categoryLabel(t, scheme, code)}
          onClick={() => onChoose(code)}
        >
          {/* The code in sight (six buttons fit beside the title); the whole name for screen readers and on hover. */}
          <span aria-hidden="true">{code ?? '–'}</span>
          <span className="visually-hidden">{categoryLabel(t, scheme, code)}</span>
        </button>
      ))}
      {children}
    </div>
  );
}
