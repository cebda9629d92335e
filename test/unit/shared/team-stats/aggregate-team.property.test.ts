import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTeam, TeamStatsSchema, type TeamStats } from '../../../../shared/team-stats/aggregate-team.js';
import type { Figure, RangeFigure, WeekStats } from '../../../../shared/team-stats/team-stats-schema.js';
import { figuresArb, inputsOf, rangeOf, teamArb, type Figures, type Team } from './team-arb.js';
import { referenceStats } from './team-reference.js';

const RUNS = { numRuns: 300 };

function run(team: Team, explicit = true): TeamStats {
  return aggregateTeam(inputsOf(team), { minGroupSize: team.k, ...(explicit ? rangeOf(team) : {}) });
}

/** The team with week `offset` replaced. */
function withWeek(team: Team, offset: number, people: Figures[]): Team {
  return { ...team, weeks: team.weeks.map((week, o) => (o === offset ? people : week)) };
}

const weekFigures = (week: WeekStats): Figure[] => [
  week.contributors,
  week.exposureMin.median,
  week.exposureMin.p90,
  week.unfilteredMin.median,
  week.unfilteredMin.p90,
  week.reachedCap,
  week.breakAdherence,
  week.afterHoursShare,
];

/** A week of the team and a random choice for it, for invariance properties. */
const teamAndWeekArb = teamArb.chain((team) =>
  fc.record({ team: fc.constant(team), offset: fc.integer({ min: 0, max: team.weeks.length - 1 }), seed: fc.integer() }),
);

describe('aggregateTeam on random teams', () => {
  it('(a) shows no cell or statistic resting on fewer than k contributors (2k for the 90th percentile)', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const stats = run(team);
        const k = stats.minGroupSize;
        expect(TeamStatsSchema.parse(stats)).toEqual(stats);
        stats.weeks.forEach((week, offset) => {
          const people = team.weeks[offset] ?? [];
          const n = people.length;
          if (weekFigures(week).some((f) => f.shown)) expect(n).toBeGreaterThanOrEqual(k);
          if (week.exposureMin.p90.shown || week.unfilteredMin.p90.shown) expect(n).toBeGreaterThanOrEqual(2 * k);
          if (week.reachedCap.shown) {
            const c = people.filter((p) => p.capsReached > 0).length;
            expect(c === 0 || c >= k).toBe(true);
            expect(n - c === 0 || n - c >= k).toBe(true);
          }
          if (week.breakAdherence.shown) expect(people.filter((p) => p.breaksDue > 0).length).toBeGreaterThanOrEqual(k);
          if (week.afterHoursShare.shown) expect(people.filter((p) => p.exposureMin > 0).length).toBeGreaterThanOrEqual(k);
        });
        const r = stats.range;
        for (const [figure, needed] of [
          [r.contributors, k],
          [r.exposureMin.median, k],
          [r.exposureMin.p90, 2 * k],
          [r.unfilteredMin.median, k],
          [r.unfilteredMin.p90, 2 * k],
          [r.reachedCap, k],
          [r.breakAdherence, k],
          [r.afterHoursShare, k],
        ] as const) {
          if (figure.shown) expect(figure.personWeeks).toBeGreaterThanOrEqual(needed);
        }
      }),
      RUNS,
    );
  });

  it('(b) a week below k: any change to its files, 0 to k − 1 of them, changes nothing shown', () => {
    fc.assert(
      fc.property(teamAndWeekArb, fc.array(figuresArb, { maxLength: 6 }), ({ team, offset }, replacement) => {
        const k = Math.max(5, team.k);
        fc.pre((team.weeks[offset]?.length ?? 0) < k);
        const changed = withWeek(team, offset, replacement.slice(0, k - 1));
        expect(run(changed)).toEqual(run(team));
        // With open ends too, as long as some week reaches k and the week keeps a file (so the table's ends stay put).
        if (team.weeks.some((w) => w.length >= k) && (team.weeks[offset]?.length ?? 0) > 0 && replacement.length > 0)
          expect(run(changed, false)).toEqual(run(team, false));
      }),
      RUNS,
    );
  });

  it('(b) a hidden cap count: any other choice of who reached a cap, still hidden, changes nothing', () => {
    fc.assert(
      fc.property(teamAndWeekArb, ({ team, offset, seed }) => {
        const stats = run(team);
        const k = stats.minGroupSize;
        const cell = stats.weeks[offset];
        fc.pre(cell !== undefined && cell.contributors.shown && !cell.reachedCap.shown);
        const people = team.weeks[offset] ?? [];
        const n = people.length;
        const hiddenCounts = Array.from({ length: n + 1 }, (_, c) => c).filter((c) => (c >= 1 && c < k) || (n - c >= 1 && n - c < k));
        const count = hiddenCounts[Math.abs(seed) % hiddenCounts.length] ?? 0;
        // A seeded permutation of the week's people; the first `count` reach a cap.
        const order = people.map((_, i) => i).sort((a, b) => (((a * 2654435761 + seed) >>> 0) % 1009) - (((b * 2654435761 + seed) >>> 0) % 1009) || a - b);
        const chosen = new Set(order.slice(0, count));
        const changed = withWeek(
          team,
          offset,
          people.map((p, i) => ({ ...p, capsReached: chosen.has(i) ? 1 + (Math.abs(seed) % 3) : 0 })),
        );
        expect(run(changed)).toEqual(stats);
      }),
      RUNS,
    );
  });

  it('(b) a hidden ratio: any change to its break counts or after-hours minutes, still hidden, changes nothing', () => {
    fc.assert(
      fc.property(teamAndWeekArb, fc.array(figuresArb, { minLength: 30, maxLength: 30 }), ({ team, offset }, fresh) => {
        const stats = run(team);
        const k = stats.minGroupSize;
        const cell = stats.weeks[offset];
        fc.pre(cell !== undefined && cell.contributors.shown && (!cell.breakAdherence.shown || !cell.afterHoursShare.shown));
        const people = team.weeks[offset] ?? [];
        let withDue = 0;
        const changedPeople = people.map((p, i) => {
          const f = fresh[i % fresh.length] ?? p;
          let next = p;
          if (!cell.breakAdherence.shown) {
            const due = withDue < k - 1 ? f.breaksDue : 0;
            if (due > 0) withDue += 1;
            next = { ...next, breaksDue: due, breaksTaken: f.breaksTaken, naturalBreaks: f.naturalBreaks };
          }
          if (!cell.afterHoursShare.shown) next = { ...next, afterHoursMin: Math.min(f.afterHoursMin, p.exposureMin) };
          return next;
        });
        expect(run(withWeek(team, offset, changedPeople))).toEqual(stats);
      }),
      RUNS,
    );
  });

  it("(b) a hidden 90th percentile feeds no 90th percentile: that week's minutes can change without moving any", () => {
    fc.assert(
      fc.property(teamAndWeekArb, fc.array(figuresArb, { minLength: 30, maxLength: 30 }), ({ team, offset }, fresh) => {
        const stats = run(team);
        const cell = stats.weeks[offset];
        fc.pre(cell !== undefined && cell.contributors.shown && !cell.exposureMin.p90.shown);
        const people = team.weeks[offset] ?? [];
        const changed = run(
          withWeek(
            team,
            offset,
            people.map((p, i) => ({ ...p, ...pickMinutes(fresh[i] ?? p) })),
          ),
        );
        const p90s = (s: TeamStats) => [
          s.range.exposureMin.p90,
          s.range.unfilteredMin.p90,
          ...s.weeks.flatMap((w) => [w.exposureMin.p90, w.unfilteredMin.p90]),
        ];
        expect(p90s(changed)).toEqual(p90s(stats));
        expect(changed.weeks.filter((_, o) => o !== offset)).toEqual(stats.weeks.filter((_, o) => o !== offset));
      }),
      RUNS,
    );
  });

  it('(b) a range count or total is exactly the sum of the shown weeks: subtraction leaves nothing to recover', () => {
    const expectSumOfShown = (range: RangeFigure, weeks: readonly Figure[], contributors: readonly Figure[]): void => {
      const shown = weeks.flatMap((f, i) => (f.shown ? [{ value: f.value, n: contributors[i]?.shown === true ? contributors[i].value : Number.NaN }] : []));
      if (!range.shown) {
        expect(shown).toEqual([]);
        return;
      }
      expect(range.value).toBe(shown.reduce((sum, f) => sum + f.value, 0));
      expect(range.weeks).toBe(shown.length);
      expect(range.personWeeks).toBe(shown.reduce((sum, f) => sum + f.n, 0));
    };
    fc.assert(
      fc.property(teamArb, fc.boolean(), (team, explicit) => {
        const stats = run(team, explicit);
        const contributors = stats.weeks.map((w) => w.contributors);
        expectSumOfShown(
          stats.range.reachedCap,
          stats.weeks.map((w) => w.reachedCap),
          contributors,
        );
        expectSumOfShown(stats.range.contributors, contributors, contributors);
      }),
      RUNS,
    );
  });

  it('(c) equals the plain reference computation, with every range and k', () => {
    fc.assert(
      fc.property(teamArb, fc.boolean(), fc.integer({ min: -3, max: 2 }), (team, explicit, kNudge) => {
        const requested = team.k + kNudge;
        const stats = aggregateTeam(inputsOf(team), { minGroupSize: requested, ...(explicit ? rangeOf(team) : {}) });
        expect(stats).toEqual(referenceStats(team, requested, explicit));
      }),
      RUNS,
    );
  });

  it('(c) does not depend on the order of the files', () => {
    fc.assert(
      fc.property(teamArb, fc.integer(), (team, seed) => {
        const inputs = inputsOf(team);
        const shuffled = inputs
          .map((input, i) => ({ input, order: (i * 2654435761 + seed) % 1000 }))
          .sort((a, b) => a.order - b.order)
          .map((x) => x.input);
        expect(aggregateTeam(shuffled, { minGroupSize: team.k })).toEqual(aggregateTeam(inputs, { minGroupSize: team.k }));
      }),
      RUNS,
    );
  });
});

function pickMinutes(f: Figures): Pick<Figures, 'exposureMin' | 'unfilteredMin' | 'audioMin' | 'afterHoursMin'> {
  return { exposureMin: f.exposureMin, unfilteredMin: f.unfilteredMin, audioMin: f.audioMin, afterHoursMin: f.afterHoursMin };
}
