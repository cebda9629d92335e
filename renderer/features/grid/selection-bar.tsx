import { useTranslation } from 'react-i18next';
import { MAX_BATCH_ITEMS } from '../../../shared/review/batch-contract.js';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { CategoryButtons } from '../decisions/category-group';
import type { Review } from '../decisions/review-model';
import type { GridSelection } from './grid-selection';

/**
 * "3 selected", the Category buttons for the whole selection, and "Clear selection", in the
 * grid's toolbar. The count is a status region that stays in the page, so each change is heard.
 */
export function SelectionBar({ selection, review, onClear }: { selection: GridSelection; review: Review | undefined; onClear: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { errorText } = useErrorText();
  const count = selection.ids.size;
  const scheme = review?.state?.schemeChosen ? review.state.scheme : null;
  return (
    <div className="selection-bar">
      <span role="status" className="selection-count">
        {count > 0 ? t('selection.count', { count, formatted: format.count(count) }) : ''}
      </span>
      {count === 0 && <span className="muted">{t('selection.hint')}</span>}
      {selection.overLimit && (
        <span role="alert" className="error-text">
          {t('selection.overLimit', { formatted: format.count(MAX_BATCH_ITEMS) })}
        </span>
      )}
      {selection.rangeFailure && (
        <span role="alert" className="error-text">
          {t('selection.rangeFailed', { message: errorText(selection.rangeFailure.reason) })}
        </span>
      )}
      {count > 0 && review && scheme && (
        <CategoryButtons scheme={scheme} current={undefined} onChoose={(code) => review.categoriseMany([...selection.ids], code)} />
      )}
      {count > 0 && (
        <button type="button" className="button" onClick={onClear}>
          {t('selection.clear')}
        </button>
      )}
    </div>
  );
}
