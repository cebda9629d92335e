import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingCounts } from '../../../shared/exposure/exposure-summary.js';
import { useFormatters } from '../../i18n/format';

/**
 * The counts shown, in the order a break runs (taken, natural, then the ways one is put
 * off), then limits. Breaks due are left out: every due break ends in one of the others.
 */
const SHOWN = [
  ['breaksTaken', 'myExposure.breaksTaken'],
  ['naturalBreaks', 'myExposure.naturalBreaks'],
  ['postponed', 'myExposure.postponed'],
  ['skipped', 'myExposure.skipped'],
  ['endedEarly', 'myExposure.endedEarly'],
  ['strictOverrides', 'myExposure.strictOverrides'],
  ['afterHoursStretches', 'myExposure.afterHoursStretches'],
  ['capWarnings', 'myExposure.capWarnings'],
  ['capsReached', 'myExposure.capsReached'],
  ['capOverrides', 'myExposure.capOverrides'],
] as const satisfies readonly (readonly [keyof WellbeingCounts, string])[];

/** A span's break and limit counts as a titled group holding a description list (dt term, dd count). */
export function WellbeingFigures({ counts }: { counts: WellbeingCounts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId} className="wellbeing-figures">
      <h4 id={titleId}>{t('myExposure.breaksAndLimits')}</h4>
      <dl className="figures">
        {SHOWN.map(([key, term]) => (
          <div key={key} className="figure">
            <dt>{t(term)}</dt>
            <dd>{format.count(counts[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
