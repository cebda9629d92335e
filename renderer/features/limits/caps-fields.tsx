import { useTranslation } from 'react-i18next';
import { LIMIT_PERIODS, LIMIT_QUANTITIES } from '../../../shared/limits/cap-keys.js';
import { NumberField } from '../../app/form-fields';
import { CAP_FIELD_KEYS, QUANTITY_KEYS } from './cap-labels';
import type { CapsDraft } from './caps-draft';

const PERIOD_KEYS = { day: 'dayMin', week: 'weekMin' } as const;

export interface CapsFieldsProps {
  draft: CapsDraft;
  onChange: (draft: CapsDraft) => void;
  /** Where the caps sit in what the form sends ('limits.caps'): each field's message and bounds come from the schema there. */
  pathPrefix: string;
}

/** The six cap fields (daily and weekly, per quantity), grouped by quantity. Used by the wizard and Settings. */
export function CapsFields({ draft, onChange, pathPrefix }: CapsFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="caps-fields">
      {LIMIT_QUANTITIES.map((quantity) => (
        <fieldset key={quantity}>
          <legend>{t(QUANTITY_KEYS[quantity])}</legend>
          {LIMIT_PERIODS.map((period) => (
            <NumberField
              key={period}
              path={`${pathPrefix}.${quantity}.${PERIOD_KEYS[period]}`}
              label={t(CAP_FIELD_KEYS[quantity][period])}
              value={draft[quantity][period]}
              onChange={(value) => onChange({ ...draft, [quantity]: { ...draft[quantity], [period]: value } })}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
