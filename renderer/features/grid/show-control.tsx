import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { ItemViewSchema, type ItemView } from '../../../shared/known/item-match.js';
import { useFormatters } from '../../i18n/format';
import { viewTotal } from '../known/known-item';

export interface ShowControlProps {
  summary: CaseSummary;
  view: ItemView;
  onViewChange: (view: ItemView) => void;
}

/**
 * The grid's "Show" choice (to review, known, near matches, duplicates, all), each with
 * its count from the case summary. Native radios in a fieldset, so arrows move the choice
 * and a screen reader names the group.
 */
export function ShowControl({ summary, view, onViewChange }: ShowControlProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <fieldset className="show-control">
      <legend>{t('review.show')}</legend>
      {ItemViewSchema.options.map((option) => (
        <label key={option} className="show-option">
          <input type="radio" name="item-view" value={option} checked={option === view} onChange={() => onViewChange(option)} />
          {t('review.viewOption', { label: t(`review.view.${option}`), formatted: format.count(viewTotal(summary, option)) })}
        </label>
      ))}
    </fieldset>
  );
}
