import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_CAPS } from '../../../shared/limits/cap-keys.js';
import type { LimitsView } from '../../../shared/limits/limits-view-schema.js';
import { CAP_NAME_KEYS } from './cap-labels';

/**
 * Calm banners when usage passes a warning threshold of a cap ("You have used 75 % of
 * your daily exposure limit"). Each can be dismissed; a higher threshold brings a new one.
 */
export function LimitWarnings({ limits }: { limits: LimitsView }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const warnings = ALL_CAPS.flatMap(({ quantity, period }) => {
    const cap = limits.caps[quantity][period];
    if (cap.warningPct === null || cap.reached) return [];
    const key = `${quantity}/${period}/${cap.warningPct}`;
    return dismissed.has(key) ? [] : [{ key, text: t('limits.warning', { pct: cap.warningPct, limit: t(CAP_NAME_KEYS[quantity][period]) }) }];
  });

  return (
    <div role="status" aria-live="polite" className={warnings.length > 0 ? 'limit-warnings' : undefined}>
      {warnings.map(({ key, text }) => (
        <p key={key} className="limit-warning">
          <span>{text}</span>
          <button type="button" className="button button-small" onClick={() => setDismissed((prev) => new Set([...prev, key]))}>
            {t('limits.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
