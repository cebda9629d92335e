import { describe, expect, it } from 'vitest';
import { aggregateTeam, MIN_GROUP_SIZE, TeamStatsSchema, type TeamInput } from '../../../../shared/team-stats/aggregate-team.js';
import type { WeeklySummary } from '../../../../shared/team-stats/weekly-summary.js';
import { MAX_RANGE_WEEKS } from '../../../../shared/team-stats/week-range.js';
import { keyOf, summary } from './summary-fixtures.js';

const WEEK = '2026-W07';
let nextKey = 1;

/** `n` people in `week`, the i-th with exposure 15·(i+1) min (so the values are 15, 30, 45, …), any field changed. */
function people(n: number, week = WEEK, changes: (i: number) => Partial<WeeklySummary> = () => ({})): TeamInput[] {
  return Array.from({ length: n }, (_, i) => ({
    summary: summary({ week, key: keyOf(nextKey++), exposureMin: 15 * (i + 1), unfilteredMin: 0, audioMin: 0, afterHoursMin: 0, ...changes(i) }),
    receivedAtMs: 1_000 + i,
  }));
}

const TOO_SMALL = { shown: false, reason: 'group-too-small' };

describe('aggregateTeam, scripted teams', () => {
  it('4 contributors: everything is suppressed, even how many', () => {
    const stats = aggregateTeam(people(4), { minGroupSize: 5 });
    expect(stats.weeks).toEqual([
      {
        week: WEEK,
        contributors: TOO_SMALL,
        exposureMin: { median: TOO_SMALL, p90: TOO_SMALL },
        unfilteredMin: { median: TOO_SMALL, p90: TOO_SMALL },
        reachedCap: TOO_SMALL,
        breakAdherence: TOO_SMALL,
        afterHoursShare: TOO_SMALL,
      },
    ]);
    expect(Object.values(stats.range).filter((v) => typeof v === 'object' && v !== null && 'shown' in v && v.shown)).toEqual([]);
    expect(stats.range.exposureMin.median).toEqual(TOO_SMALL);
  });

  it('5 contributors: the median is shown, the 90th percentile needs 2k', () => {
    const [week] = aggregateTeam(people(5), { minGroupSize: 5 }).weeks;
    expect(week?.contributors).toEqual({ shown: true, value: 5 });
    expect(week?.exposureMin.median).toEqual({ shown: true, value: 45 }); // 15 30 [45] 60 75
    expect(week?.exposureMin.p90).toEqual({ shown: false, reason: 'needs-2k' });
  });

  it('10 contributors: the 90th percentile is shown (nearest rank: the 9th of 10)', () => {
    const stats = aggregateTeam(people(10), { minGroupSize: 5 });
    expect(stats.weeks[0]?.exposureMin).toEqual({ median: { shown: true, value: 75 }, p90: { shown: true, value: 135 } });
    expect(stats.range.exposureMin.p90).toEqual({ shown: true, value: 135, weeks: 1, personWeeks: 10 });
  });

  it('raises a k of 3 to 5, and rounds a fractional k up', () => {
    const stats = aggregateTeam(people(4), { minGroupSize: 3 });
    expect(stats.minGroupSize).toBe(MIN_GROUP_SIZE);
    expect(stats.weeks[0]?.contributors).toEqual(TOO_SMALL);
    expect(aggregateTeam(people(7), { minGroupSize: 7.2 }).weeks[0]?.contributors).toEqual(TOO_SMALL);
    expect(aggregateTeam(people(8), { minGroupSize: 7.2 }).minGroupSize).toBe(8);
    expect(() => aggregateTeam([], { minGroupSize: Number.NaN })).toThrow(RangeError);
  });

  it('keeps the newest file of a re-exported week, and chooses the same at equal times whatever the order', () => {
    const team = people(5);
    const first = team[0];
    if (first === undefined) throw new Error('no team');
    const newer = { summary: { ...first.summary, exposureMin: 600 }, receivedAtMs: first.receivedAtMs + 1 };
    const older = { summary: { ...first.summary, exposureMin: 300 }, receivedAtMs: first.receivedAtMs - 1 };
    const withDuplicates = aggregateTeam([older, ...team, newer], { minGroupSize: 5 });
    expect(withDuplicates.weeks[0]?.contributors).toEqual({ shown: true, value: 5 });
    expect(withDuplicates.range.exposureMin.median).toMatchObject({ value: 60 }); // 30 45 [60] 75 600
    const tie = { summary: { ...first.summary, exposureMin: 600 }, receivedAtMs: first.receivedAtMs };
    expect(aggregateTeam([tie, ...team], { minGroupSize: 5 })).toEqual(aggregateTeam([...team, tie], { minGroupSize: 5 }));
  });

  it('does not let a key copied into another week knock out the genuine file', () => {
    const team = people(5);
    const copy = { summary: { ...(team[0]?.summary ?? summary()), week: '2026-W08' }, receivedAtMs: 9_999 };
    expect(aggregateTeam([...team, copy], { minGroupSize: 5, fromWeek: WEEK, toWeek: WEEK }).weeks[0]?.contributors).toEqual({ shown: true, value: 5 });
  });

  it('hides a cap count between 1 and k − 1, or one that leaves out fewer than k people (everyone included)', () => {
    const reached = (n: number, count: number) =>
      aggregateTeam(
        people(n, WEEK, (i) => ({ capsReached: i < count ? 1 : 0 })),
        { minGroupSize: 5 },
      ).weeks[0]?.reachedCap;
    expect(reached(6, 0)).toEqual({ shown: true, value: 0 });
    expect(reached(6, 1)).toEqual({ shown: false, reason: 'small-count' });
    expect(reached(6, 5)).toEqual({ shown: false, reason: 'small-count' }); // it would say the sixth did not
    expect(reached(6, 6)).toEqual({ shown: false, reason: 'small-count' }); // each person the lead knows reached theirs
    expect(reached(10, 5)).toEqual({ shown: true, value: 5 });
    expect(reached(12, 8)).toEqual({ shown: false, reason: 'small-count' });
  });

  it('shows a ratio only when k people have a denominator', () => {
    const adherence = (withDue: number) =>
      aggregateTeam(
        people(8, WEEK, (i) => ({ breaksDue: i < withDue ? 4 : 0, breaksTaken: 2, naturalBreaks: 1 })),
        { minGroupSize: 5 },
      ).weeks[0]?.breakAdherence;
    expect(adherence(4)).toEqual({ shown: false, reason: 'small-count' });
    expect(adherence(5)).toEqual({ shown: true, value: (8 * 3) / (5 * 4) });
    const share = aggregateTeam(
      people(5, WEEK, (i) => ({ exposureMin: 60, afterHoursMin: i === 0 ? 60 : 0 })),
      { minGroupSize: 5 },
    ).weeks[0]?.afterHoursShare;
    expect(share).toEqual({ shown: true, value: 0.2 });
  });

  it('computes a range only from the weeks whose cell is shown, and says how many', () => {
    const stats = aggregateTeam([...people(10, '2026-W07'), ...people(6, '2026-W08'), ...people(3, '2026-W09'), ...people(7, '2026-W10')], { minGroupSize: 5 });
    expect(stats.weeks.map((w) => w.week)).toEqual(['2026-W07', '2026-W08', '2026-W09', '2026-W10']);
    expect(stats.range.contributors).toEqual({ shown: true, value: 23, weeks: 3, personWeeks: 23 });
    expect(stats.range.exposureMin.p90).toMatchObject({ shown: true, weeks: 1, personWeeks: 10 });
    expect(stats.range.exposureMin.median).toMatchObject({ shown: true, weeks: 3, personWeeks: 23 });
    expect(TeamStatsSchema.parse(stats)).toEqual(stats);
  });

  it('lists every week of a chosen range, oldest first, and refuses a bad one', () => {
    const stats = aggregateTeam(people(5, '2026-W52'), { minGroupSize: 5, fromWeek: '2026-W51', toWeek: '2027-W02' });
    expect(stats.weeks.map((w) => w.week)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(stats.weeks.filter((w) => w.contributors.shown).map((w) => w.week)).toEqual(['2026-W52']);
    expect(stats.range).toMatchObject({ fromWeek: '2026-W51', toWeek: '2027-W02' });
    expect(() => aggregateTeam([], { minGroupSize: 5, fromWeek: '2026-W10', toWeek: '2026-W09' })).toThrow(RangeError);
    expect(() => aggregateTeam([], { minGroupSize: 5, fromWeek: '2025-W53' })).toThrow(RangeError);
    expect(() => aggregateTeam([], { minGroupSize: 5, fromWeek: '2000-W01', toWeek: '2026-W01' })).toThrow(RangeError);
  });

  it('with open ends, starts and ends at weeks with k contributors', () => {
    const stats = aggregateTeam(
      [...people(2, '2026-W01'), ...people(6, '2026-W03'), ...people(1, '2026-W04'), ...people(5, '2026-W05'), ...people(4, '2026-W09')],
      { minGroupSize: 5 },
    );
    expect(stats.weeks.map((w) => w.week)).toEqual(['2026-W03', '2026-W04', '2026-W05']);
    expect(aggregateTeam([], { minGroupSize: 5 }).weeks).toEqual([]);
  });

  it('lets a stray far-off week list at most MAX_RANGE_WEEKS weeks, keeping the latest', () => {
    const stats = aggregateTeam([...people(1, '1999-W01'), ...people(1, '2026-W07')], { minGroupSize: 5 });
    expect(stats.weeks).toHaveLength(MAX_RANGE_WEEKS);
    expect(stats.weeks.at(-1)?.week).toBe('2026-W07');
  });

  it('never outputs a key, a receipt time or any field of a single file', () => {
    const team = people(12, WEEK, (i) => ({ reveals: 4_321 + i }));
    const text = JSON.stringify(aggregateTeam(team, { minGroupSize: 5 }));
    for (const input of team) expect(text).not.toContain(input.summary.key);
    expect(text).not.toMatch(/4\d{3}|1\d{3}\b|key|reveals|capSet|receivedAt/);
  });
});
