import { describe, expect, it } from 'vitest';
import { checkTeamStatsForm } from '../../../../renderer/features/team-stats/team-stats-query';

const valid = { folder: ' /mnt/share/veil ', minGroupSize: '5', fromWeek: '', toWeek: '' };

describe("the team view's form check", () => {
  it('sends a trimmed folder and k, and leaves out empty weeks', () => {
    expect(checkTeamStatsForm(valid)).toEqual({ ok: true, query: { folderPath: '/mnt/share/veil', minGroupSize: 5 } });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '1000', fromWeek: ' 2020-w53 ', toWeek: '2021-W01' })).toEqual({
      ok: true,
      query: { folderPath: '/mnt/share/veil', minGroupSize: 1000, fromWeek: '2020-W53', toWeek: '2021-W01' },
    });
  });

  it('never lets k go below 5, and wants a whole number', () => {
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '4' })).toEqual({ ok: false, problems: ['minGroupSizeLow'] });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '-5' })).toEqual({ ok: false, problems: ['minGroupSizeLow'] });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '4.9' })).toEqual({ ok: false, problems: ['minGroupSizeLow'] });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '5.5' })).toEqual({ ok: false, problems: ['minGroupSizeWhole'] });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '' })).toEqual({ ok: false, problems: ['minGroupSizeWhole'] });
    expect(checkTeamStatsForm({ ...valid, minGroupSize: '1001' })).toEqual({ ok: false, problems: ['minGroupSizeHigh'] });
  });

  it('wants weeks that exist, in order, and a folder, reporting every problem at once', () => {
    expect(checkTeamStatsForm({ folder: '  ', minGroupSize: '5', fromWeek: '2021-W53', toWeek: '2026-7' })).toEqual({
      ok: false,
      problems: ['folder', 'fromWeek', 'toWeek'],
    });
    expect(checkTeamStatsForm({ ...valid, fromWeek: '2026-W10', toWeek: '2026-W09' })).toEqual({ ok: false, problems: ['order'] });
  });
});
