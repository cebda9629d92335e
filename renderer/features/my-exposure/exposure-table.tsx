import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { DurationFigure } from './duration-figure';
import type { ExposureRow } from './exposure-rows';

export interface ExposureTableProps {
  id: string;
  caption: string;
  /** Header of the first column: "Day" or "Week". */
  periodHeader: string;
  rows: readonly ExposureRow[];
  /** Shown on screen; otherwise kept for screen readers only (the chart stands for it visually). */
  shown: boolean;
  /** Adds "Breaks taken" and "Limits reached" columns (the 12-week table). */
  withCounts?: boolean;
}

/** The chart's figures as a table: the text alternative, and exact values for anyone who wants them. */
export function ExposureTable({ id, caption, periodHeader, rows, shown, withCounts = false }: ExposureTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <table id={id} className={shown ? 'exposure-table' : 'exposure-table visually-hidden'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{periodHeader}</th>
          <th scope="col">{t('myExposure.exposure')}</th>
          <th scope="col">{t('myExposure.filtered')}</th>
          <th scope="col">{t('myExposure.unfiltered')}</th>
          <th scope="col">{t('myExposure.audio')}</th>
          {withCounts && <th scope="col">{t('myExposure.breaksTaken')}</th>}
          {withCounts && <th scope="col">{t('myExposure.capsReached')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.fullLabel}</th>
            {[row.exposureMs, row.filteredMs, row.unfilteredMs, row.audioMs].map((durationMs, column) => (
              <td key={column}>
                <DurationFigure durationMs={durationMs} format={format} />
              </td>
            ))}
            {withCounts && <td>{format.count(row.breaksTaken)}</td>}
            {withCounts && <td>{format.count(row.capsReached)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
