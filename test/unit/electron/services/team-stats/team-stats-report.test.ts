import { describe, expect, it } from 'vitest';
import { aggregateTeam } from '../../../../../shared/team-stats/aggregate-team.js';
import {
  formatMinutes,
  formatShare,
  printableFileName,
  suppressionText,
  teamStatsReport,
} from '../../../../../electron/services/team-stats/team-stats-report.js';
import { summaryWith } from './synthetic-summaries.js';

const inputsOf = (people: number, week = '2026-W10') =>
  Array.from({ length: people }, (_, person) => ({ summary: summaryWith({ week }, person), receivedAtMs: 0 }));

describe('teamStatsReport', () => {
  it('says why each hidden figure is hidden, in terms of k', () => {
    expect(suppressionText('group-too-small', 5)).toBe('suppressed (fewer than 5)');
    expect(suppressionText('needs-2k', 7)).toBe('suppressed (needs 14)');
    expect(suppressionText('small-count', 5)).toBe('suppressed (small count)');
  });

  it("shows the median of 6 people but suppresses their 90th percentile (one person's value)", () => {
    const lines = teamStatsReport(aggregateTeam(inputsOf(6), { minGroupSize: 5 }), [], '/share');
    const row = lines.find((line) => line.startsWith('2026-W10')) ?? '';
    expect(row).toMatch(/^2026-W10\s+6\s+\d+ h/);
    expect(row.match(/suppressed \(needs 10\)/g)).toHaveLength(2);
    expect(lines).toContain('  Exposure p90        suppressed (needs 10)');
  });

  it('says so when there is nothing to aggregate and nothing was rejected', () => {
    const lines = teamStatsReport(aggregateTeam([], { minGroupSize: 5 }), [], '/share');
    expect(lines).toContain('No weekly summaries to aggregate.');
    expect(lines).toContain('No file was rejected.');
  });

  it('formats minutes and shares for reading', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(885)).toBe('14 h 45 min');
    expect(formatShare(0.874)).toBe('87 %');
    expect(formatShare(1.1)).toBe('110 %');
  });

  it('prints a hostile file name so it cannot rewrite the terminal or reverse the text', () => {
    expect(printableFileName('ok-name.json')).toBe('ok-name.json');
    expect(printableFileName('a\u001b[2Jb\r\n.json')).toBe('a\\u001b[2Jb\\u000d\\u000a.json');
    expect(printableFileName('x\u202enosj.exe')).toBe('x\\u202enosj.exe');
    expect(printableFileName('bell\u0007\u009b.json')).toBe('bell\\u0007\\u009b.json');
    const lines = teamStatsReport(
      aggregateTeam([], { minGroupSize: 5 }),
      [{ fileName: 'evil\u001b]0;title\u0007.json', code: 'malformed-json', reason: { code: 'json-invalid', params: {} } }],
      '/share',
    );
    expect(lines.join('\n')).not.toContain('\u001b');
  });
});
