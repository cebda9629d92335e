import { useTranslation } from 'react-i18next';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import type { ItemStore } from '../case-items/item-store';
import { capNames } from './cap-labels';
import { TextOnlyList } from './text-only-list';

export interface TextOnlyPanelProps {
  limits: LimitsView;
  store: ItemStore;
  total: number;
  onOverride: () => void;
}

/**
 * What the "Media hidden" panel holds in text-only mode: which limit was reached, the
 * Override button, and the case as a text list, so work without images goes on.
 */
export function TextOnlyPanel({ limits, store, total, onOverride }: TextOnlyPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="text-only-panel">
      <p className="text-only-reason">{t('limits.textOnly', { limits: capNames(t, i18n.language, limits.reachedCaps) })}</p>
      <p className="muted">{t('limits.textOnlyHelp')}</p>
      <button type="button" className="button" onClick={onOverride}>
        {t('limits.override')}
      </button>
      <TextOnlyList store={store} total={total} />
    </div>
  );
}
