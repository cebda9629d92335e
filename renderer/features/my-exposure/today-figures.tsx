import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayTotals } from '../../../shared/exposure/exposure-summary.js';
import { useFormatters } from '../../i18n/format';
import { DurationFigure } from './duration-figure';

/** Today's figures as a description list: each term (dt) is followed by its value (dd). */
export function TodayFigures({ today }: { today: DayTotals }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const duration = (durationMs: number) => <DurationFigure durationMs={durationMs} format={format} />;
  const figures: readonly (readonly [string, string, ReactNode])[] = [
    ['exposure', t('myExposure.exposure'), duration(today.exposureMs)],
    ['unfiltered', t('myExposure.unfiltered'), duration(today.unfilteredMs)],
    ['audio', t('myExposure.audio'), duration(today.audioMs)],
    ['reveals', t('myExposure.reveals'), format.count(today.reveals)],
    ['longest', t('myExposure.longestStretch'), duration(today.longestStretchMs)],
    ['grid-only', t('myExposure.gridOnly'), duration(today.gridOnlyMs)],
  ];
  return (
    <dl className="figures">
      {figures.map(([key, term, value]) => (
        <div key={key} className="figure">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
