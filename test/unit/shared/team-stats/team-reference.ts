import type { Figure, RangeFigure, SuppressionReason, TeamStats, WeekStats } from '../../../../shared/team-stats/team-stats-schema.js';
import { weekOf, type Figures, type Team } from './team-arb.js';

/**
 * The team figures computed the plain way, straight from the rules as the README states
 * them: sort and index for percentiles (nearest rank), one loop per figure, no sharing
 * with the implementation.
 */

function percentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1] ?? Number.NaN;
}

const hide = (reason: SuppressionReason) => ({ shown: false as const, reason });
const show = (value: number) => ({ shown: true as const, value });

interface PlainWeek {
  week: string;
  people: Figures[];
  stats: WeekStats;
}

function plainWeek(week: string, people: Figures[], k: number): PlainWeek {
  const n = people.length;
  if (n < k) {
    const h = hide('group-too-small');
    return { week, people, stats: { week, contributors: h, exposureMin: { median: h, p90: h }, unfilteredMin: { median: h, p90: h }, reachedCap: h, breakAdherence: h, afterHoursShare: h } };
  }
  const exposure = people.map((p) => p.exposureMin);
  const unfiltered = people.map((p) => p.unfilteredMin);
  const reached = people.filter((p) => p.capsReached > 0).length;
  const smallCount = (reached >= 1 && reached <= k - 1) || n - reached <= k - 1;
  const withDue = people.filter((p) => p.breaksDue > 0).length;
  const withExposure = people.filter((p) => p.exposureMin > 0).length;
  let honoured = 0;
  let due = 0;
  let after = 0;
  let total = 0;
  for (const p of people) {
    honoured += p.breaksTaken + p.naturalBreaks;
    due += p.breaksDue;
    after += p.afterHoursMin;
    total += p.exposureMin;
  }
  return {
    week,
    people,
    stats: {
      week,
      contributors: show(n),
      exposureMin: { median: show(percentile(exposure, 50)), p90: n >= 2 * k ? show(percentile(exposure, 90)) : hide('needs-2k') },
      unfilteredMin: { median: show(percentile(unfiltered, 50)), p90: n >= 2 * k ? show(percentile(unfiltered, 90)) : hide('needs-2k') },
      reachedCap: smallCount ? hide('small-count') : show(reached),
      breakAdherence: withDue >= k ? show(honoured / due) : hide('small-count'),
      afterHoursShare: withExposure >= k ? show(after / total) : hide('small-count'),
    },
  };
}

function plainRange(weeks: PlainWeek[], pick: (s: WeekStats) => Figure, value: (used: PlainWeek[]) => number): RangeFigure {
  const used = weeks.filter((w) => pick(w.stats).shown);
  if (used.length === 0) {
    const large = weeks.find((w) => w.stats.contributors.shown);
    const figure = large === undefined ? undefined : pick(large.stats);
    return hide(figure !== undefined && !figure.shown ? figure.reason : 'group-too-small');
  }
  const personWeeks = used.reduce((sum, w) => sum + w.people.length, 0);
  return { shown: true, value: value(used), weeks: used.length, personWeeks };
}

const all = (used: PlainWeek[]): Figures[] => used.flatMap((w) => w.people);

/** The reference output; `explicit` lists every week of the team, otherwise the weeks the open-range rule picks. */
export function referenceStats(team: Team, requestedK: number, explicit: boolean): TeamStats {
  const k = Math.max(5, Math.ceil(requestedK));
  let offsets = team.weeks.map((_, offset) => offset);
  if (!explicit) {
    const large = offsets.filter((o) => (team.weeks[o]?.length ?? 0) >= k);
    const any = offsets.filter((o) => (team.weeks[o]?.length ?? 0) > 0);
    const ends = large.length > 0 ? large : any;
    offsets = ends.length === 0 ? [] : offsets.filter((o) => o >= Math.min(...ends) && o <= Math.max(...ends));
  }
  const weeks = offsets.map((o) => plainWeek(weekOf(team, o), team.weeks[o] ?? [], k));
  const sum = (people: Figures[], field: (p: Figures) => number): number => people.reduce((s, p) => s + field(p), 0);
  return {
    minGroupSize: k,
    weeks: weeks.map((w) => w.stats),
    range: {
      fromWeek: weeks[0]?.week ?? null,
      toWeek: weeks[weeks.length - 1]?.week ?? null,
      contributors: plainRange(weeks, (s) => s.contributors, (used) => all(used).length),
      exposureMin: {
        median: plainRange(weeks, (s) => s.exposureMin.median, (used) => percentile(all(used).map((p) => p.exposureMin), 50)),
        p90: plainRange(weeks, (s) => s.exposureMin.p90, (used) => percentile(all(used).map((p) => p.exposureMin), 90)),
      },
      unfilteredMin: {
        median: plainRange(weeks, (s) => s.unfilteredMin.median, (used) => percentile(all(used).map((p) => p.unfilteredMin), 50)),
        p90: plainRange(weeks, (s) => s.unfilteredMin.p90, (used) => percentile(all(used).map((p) => p.unfilteredMin), 90)),
      },
      reachedCap: plainRange(weeks, (s) => s.reachedCap, (used) => all(used).filter((p) => p.capsReached > 0).length),
      breakAdherence: plainRange(weeks, (s) => s.breakAdherence, (used) => sum(all(used), (p) => p.breaksTaken + p.naturalBreaks) / sum(all(used), (p) => p.breaksDue)),
      afterHoursShare: plainRange(weeks, (s) => s.afterHoursShare, (used) => sum(all(used), (p) => p.afterHoursMin) / sum(all(used), (p) => p.exposureMin)),
    },
  };
}
