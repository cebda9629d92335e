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
    return {
      week,
      people,
      stats: {
        week,
        contributors: h,
        exposureMin: { median: h, p90: h },
        unfilteredMin: { median: h, p90: h },
        reachedCap: h,
        breakAdherence: h,
        afterHoursShare: h,
      },
    };
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

/** A range figure the plain way: the shown weekly values of the figure, combined. */
function plainRange(weeks: PlainWeek[], pick: (s: WeekStats) => Figure, combine: (values: number[]) => number): RangeFigure {
  const used = weeks.filter((w) => pick(w.stats).shown);
  if (used.length === 0) {
    const large = weeks.find((w) => w.stats.contributors.shown);
    const figure = large === undefined ? undefined : pick(large.stats);
    return hide(figure !== undefined && !figure.shown ? figure.reason : 'group-too-small');
  }
  const values = used.map((w) => {
    const figure = pick(w.stats);
    if (!figure.shown) throw new Error('unreachable');
    return figure.value;
  });
  const personWeeks = used.reduce((sum, w) => sum + w.people.length, 0);
  return { shown: true, value: combine(values), weeks: used.length, personWeeks };
}

const total = (values: number[]): number => values.reduce((s, v) => s + v, 0);
const middleValue = (values: number[]): number => percentile(values, 50);
const average = (values: number[]): number => total(values) / values.length;

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
  return {
    minGroupSize: k,
    weeks: weeks.map((w) => w.stats),
    range: {
      fromWeek: weeks[0]?.week ?? null,
      toWeek: weeks[weeks.length - 1]?.week ?? null,
      contributors: plainRange(weeks, (s) => s.contributors, total),
      exposureMin: {
        median: plainRange(weeks, (s) => s.exposureMin.median, middleValue),
        p90: plainRange(weeks, (s) => s.exposureMin.p90, middleValue),
      },
      unfilteredMin: {
        median: plainRange(weeks, (s) => s.unfilteredMin.median, middleValue),
        p90: plainRange(weeks, (s) => s.unfilteredMin.p90, middleValue),
      },
      reachedCap: plainRange(weeks, (s) => s.reachedCap, total),
      breakAdherence: plainRange(weeks, (s) => s.breakAdherence, average),
      afterHoursShare: plainRange(weeks, (s) => s.afterHoursShare, average),
    },
  };
}
