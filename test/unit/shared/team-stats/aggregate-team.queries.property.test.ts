import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTeam, type TeamStats } from '../../../../shared/team-stats/aggregate-team.js';
import { nearestRank } from '../../../../shared/team-stats/disclosure.js';
import { isoWeekIndex } from '../../../../shared/team-stats/iso-week.js';
import { inputsOf, teamArb, weekOf, type Figures, type Team } from './team-arb.js';

/**
 * A lead may run the team view as often as they like, over any range and with any k of
 * 5 or more, and compare the answers. These properties check that no comparison reveals
 * anything hidden: every answer must stay the same when a week's data changes in a way
 * that leaves all of that week's shown cells (at every k tried) as they were.
 */
const KS_ABOVE = [0, 1, 2, 3];

/** Every answer the lead can get: each contiguous range of the team's weeks, at k, k+1, k+2, k+3. */
function allAnswers(team: Team): TeamStats[] {
  const inputs = inputsOf(team);
  const answers: TeamStats[] = [];
  for (const extra of KS_ABOVE) {
    for (let from = 0; from < team.weeks.length; from += 1) {
      for (let to = from; to < team.weeks.length; to += 1) {
        answers.push(aggregateTeam(inputs, { minGroupSize: team.k + extra, fromWeek: weekOf(team, from), toWeek: weekOf(team, to) }));
      }
    }
    answers.push(aggregateTeam(inputs, { minGroupSize: team.k + extra }));
  }
  return answers;
}

/**
 * The week's people with their unfiltered minutes above the median rank changed to other
 * values at or above the median: the week's median is unchanged, and with fewer than 2k
 * people its 90th percentile is hidden at every k tried, so all its shown cells stay.
 */
function changeAboveMedian(people: readonly Figures[], fresh: readonly number[]): Figures[] {
  const order = people.map((p, index) => ({ index, value: p.unfilteredMin })).sort((a, b) => a.value - b.value || a.index - b.index);
  const median = nearestRank(
    order.map((o) => o.value),
    50,
  );
  const medianRank = Math.ceil(people.length / 2);
  const changed = [...people];
  order.slice(medianRank).forEach(({ index }, i) => {
    const person = people[index];
    if (person) changed[index] = { ...person, unfilteredMin: median + (fresh[i] ?? 0) * 15 };
  });
  return changed;
}

describe('aggregateTeam across many queries', () => {
  it("no comparison of ranges or k recovers a week's hidden 90th percentile", () => {
    fc.assert(
      fc.property(teamArb, fc.nat({ max: 4 }), fc.array(fc.nat({ max: 40 }), { minLength: 20, maxLength: 20 }), (team, pick, fresh) => {
        const offset = pick % team.weeks.length;
        const people = team.weeks[offset] ?? [];
        fc.pre(people.length >= team.k && people.length < 2 * team.k);
        const changed: Team = { ...team, weeks: team.weeks.map((week, o) => (o === offset ? changeAboveMedian(week, fresh) : week)) };
        expect(allAnswers(changed)).toEqual(allAnswers(team));
      }),
      { numRuns: 150 },
    );
  });

  it("the reviewer's counter-example: range medians at k = 5 and k = 6 no longer pin a hidden week's top value", () => {
    const person = (unfilteredMin: number): Figures => ({
      exposureMin: 600,
      unfilteredMin,
      audioMin: 0,
      afterHoursMin: 0,
      reveals: 0,
      breaksDue: 0,
      breaksTaken: 0,
      naturalBreaks: 0,
      breaksPostponed: 0,
      breaksSkipped: 0,
      capSet: false,
      capsReached: 0,
      capOverrides: 0,
    });
    const team = (top: number): Team => ({
      k: 5,
      firstIndex: isoWeekIndex('2026-W10'),
      weeks: [[30, 45, 45, 45, 45, 45].map(person), [0, 0, 15, 15, top].map(person), [0, 0, 0, 0, 45, 45].map(person)],
    });
    for (const top of [15, 45, 120]) expect(allAnswers(team(top))).toEqual(allAnswers(team(30)));
  });
});
