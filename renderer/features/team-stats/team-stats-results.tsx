import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatsResult } from '../../../shared/team-sharing/team-sharing-contract.js';
import { useFormatters } from '../../i18n/format';
import { trendPoints } from './chart-points';
import { downloadTextFile } from './download-file';
import { RejectedFiles } from './rejected-files';
import { statsCsvFileName, statsTableCsv } from './stats-csv';
import { buildStatsTable } from './stats-table-model';
import { TeamCharts } from './team-charts';
import { TeamStatsTable } from './team-stats-table';

/** The footnotes under the table: how to read each figure and why some are hidden. */
function Footnotes({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <ul className="team-footnotes field-help">
      <li>{t('teamStats.notes.hiddenRule', { k })}</li>
      <li>{t('teamStats.notes.percentiles')}</li>
      <li>{t('teamStats.notes.adherence')}</li>
      <li>{t('teamStats.notes.afterHours')}</li>
      <li>{t('teamStats.notes.personWeeks')}</li>
    </ul>
  );
}

/**
 * What a "Show" found: how many files were read and left out (a status line), the files
 * left out with why, the trends as charts and every figure in a table that can be saved
 * as CSV. Aggregates only: nothing here leads to a file's contents or one person.
 */
export function TeamStatsResults({ result }: { result: TeamStatsResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const tableTitleId = useId();
  const trendsTitleId = useId();
  const { stats, rejected } = result;
  const table = buildStatsTable(stats, t, format.locale);
  const { fromWeek, toWeek } = stats.range;

  const exportCsv = () => {
    if (fromWeek === null || toWeek === null) return;
    downloadTextFile(statsCsvFileName(fromWeek, toWeek), statsTableCsv(table), 'text/csv;charset=utf-8');
  };

  return (
    <div className="team-results">
      <p role="status" className="team-result-line">
        {t('teamStats.resultLine', {
          leftOut: t('teamStats.filesLeftOut', { count: rejected.length, formatted: format.count(rejected.length) }),
          k: stats.minGroupSize,
        })}
      </p>
      <RejectedFiles rejected={rejected} />
      {stats.weeks.length === 0 ? (
        <p className="muted">{t('teamStats.noWeeks')}</p>
      ) : (
        <>
          <section className="team-trends" aria-labelledby={trendsTitleId}>
            <h3 id={trendsTitleId}>{t('teamStats.charts.title')}</h3>
            <TeamCharts points={trendPoints(stats)} />
          </section>
          <section className="team-table-section" aria-labelledby={tableTitleId}>
            <div className="exposure-section-head">
              <h3 id={tableTitleId}>{t('teamStats.tableTitle')}</h3>
              <button type="button" className="button button-small" onClick={exportCsv}>
                {t('teamStats.exportCsv')}
              </button>
            </div>
            <TeamStatsTable table={table} caption={t('teamStats.tableCaption')} />
            <Footnotes k={stats.minGroupSize} />
          </section>
        </>
      )}
    </div>
  );
}
