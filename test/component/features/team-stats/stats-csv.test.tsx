import { describe, expect, it } from 'vitest';
import { csvField, statsCsvFileName, statsTableCsv, toCsv } from '../../../../renderer/features/team-stats/stats-csv';
import { buildStatsTable, type StatsTable } from '../../../../renderer/features/team-stats/stats-table-model';
import { createI18n } from '../../../../renderer/i18n/i18n';
import { fakeTeamStats } from '../../fakes/fake-team';

const BOM = '\ufeff';

describe('the team table as CSV', () => {
  it('leaves plain fields alone and quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('12')).toBe('12');
    expect(csvField('Hidden — small count')).toBe('Hidden — small count');
    expect(csvField('Oct 26–Nov 1, 2026')).toBe('"Oct 26–Nov 1, 2026"');
    expect(csvField('a "quoted" word')).toBe('"a ""quoted"" word"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    // Non-breaking spaces (figures, French punctuation) become plain spaces for spreadsheets.
    expect(csvField('12\u00a0h\u00a015\u00a0min')).toBe('12 h 15 min');
    expect(csvField('91\u202f%')).toBe('91 %');
  });

  it('defuses anything a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    // Only a leading sign matters.
    expect(csvField('2026-W10')).toBe('2026-W10');
  });

  it('writes a UTF-8 byte-order mark and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', '=e'],
      ]),
    ).toBe(`${BOM}a,b\r\n"c,d",'=e\r\n`);
  });

  it('writes hidden cells as their words, never as a number', () => {
    const { t } = createI18n('en');
    const csv = statsTableCsv(buildStatsTable(fakeTeamStats(4).stats, t, 'en-CA'));
    const rows = csv
      .slice(BOM.length)
      .split('\r\n')
      .filter((line) => line.length > 0);
    expect(rows).toHaveLength(6);
    for (const row of rows.slice(1)) {
      const [, ...figures] = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      expect(figures).toEqual(Array(8).fill('Hidden — fewer than 5 people'));
    }
    expect(rows[1]?.startsWith('"2026-W44 (Oct 26–Nov 1, 2026)",')).toBe(true);
    expect(rows[5]?.startsWith('All weeks (2026-W44 to 2026-W47),')).toBe(true);
  });

  it('defuses a formula-looking value wherever it appears in the table', () => {
    const table: StatsTable = {
      columns: ['Week', 'Contributors'],
      weekRows: [
        {
          key: 'w',
          header: '=cmd|"/c calc"!A1',
          headerNote: '',
          cells: [{ column: 'contributors', text: 'Hidden — small count', hidden: true }],
          isRange: false,
        },
      ],
      rangeRow: {
        key: 'range',
        header: 'All weeks',
        headerNote: '2026-W01 to 2026-W02',
        cells: [{ column: 'contributors', text: '@10', note: 'over 2 weeks', hidden: false }],
        isRange: true,
      },
    };
    expect(statsTableCsv(table)).toBe(
      `${BOM}Week,Contributors\r\n"'=cmd|""/c calc""!A1",Hidden — small count\r\nAll weeks (2026-W01 to 2026-W02),'@10 (over 2 weeks)\r\n`,
    );
  });

  it('names the file by the range', () => {
    expect(statsCsvFileName('2026-W44', '2026-W47')).toBe('veil-team-stats-2026-W44-2026-W47.csv');
  });
});
