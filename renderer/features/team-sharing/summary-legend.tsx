import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklySummary } from '../../../shared/team-stats/weekly-summary.js';

/** The file's fields in file order, each explained in the UI language. */
const FIELDS = [
  'format',
  'version',
  'week',
  'key',
  'exposureMin',
  'unfilteredMin',
  'audioMin',
  'afterHoursMin',
  'reveals',
  'breaksDue',
  'breaksTaken',
  'naturalBreaks',
  'breaksPostponed',
  'breaksSkipped',
  'capSet',
  'capsReached',
  'capOverrides',
] as const satisfies readonly (keyof WeeklySummary)[];

/** "What each field means": every field name as it appears in the file (dt), then its meaning (dd). */
export function SummaryLegend() {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="summary-legend" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('teamSharing.preview.legend')}</h3>
      <dl>
        {FIELDS.map((field) => (
          <div key={field} className="summary-legend-item">
            <dt>
              <code>{field}</code>
            </dt>
            <dd>{t(`teamSharing.fields.${field}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="field-help">{t('teamSharing.preview.never')}</p>
    </section>
  );
}
