import fc from 'fast-check';
import type { TeamInput } from '../../../../shared/team-stats/dedupe-summaries.js';
import { isoWeekFromIndex, isoWeekIndex } from '../../../../shared/team-stats/iso-week.js';
import type { WeeklySummary } from '../../../../shared/team-stats/weekly-summary.js';
import { keyOf } from './summary-fixtures.js';

/** The week fields of a summary, without week and key (the team generator fills those in). */
export type Figures = Omit<WeeklySummary, 'format' | 'version' | 'week' | 'key'>;

const quarter = (max: number) => fc.integer({ min: 0, max }).map((n) => n * 15);
/** Zero often, so "people with data" and cap counts land on both sides of k. */
const sparse = (max: number) => fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max }), weight: 3 });

/** One person-week of fake figures, internally consistent (parts of exposure never above it). */
export const figuresArb: fc.Arbitrary<Figures> = fc
  .record({
    exposureMin: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: quarter(40), weight: 5 }),
    unfilteredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    audioShare: fc.double({ min: 0, max: 1, noNaN: true }),
    afterHoursShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    reveals: fc.integer({ min: 0, max: 50 }),
    breaksDue: sparse(8),
    breaksTaken: fc.integer({ min: 0, max: 8 }),
    naturalBreaks: fc.integer({ min: 0, max: 8 }),
    breaksPostponed: fc.integer({ min: 0, max: 4 }),
    breaksSkipped: fc.integer({ min: 0, max: 4 }),
    capSet: fc.boolean(),
    capsReached: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 2 }),
    capOverrides: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ unfilteredShare, audioShare, afterHoursShare, ...rest }) => {
    const part = (share: number): number => Math.floor((rest.exposureMin / 15) * share) * 15;
    return { ...rest, unfilteredMin: part(unfilteredShare), audioMin: part(audioShare), afterHoursMin: part(afterHoursShare) };
  });

export interface Team {
  k: number;
  /** Index (isoWeekIndex) of the first week of the team's range. */
  firstIndex: number;
  /** Each week's person-weeks, as the files would hold them (duplicates not included). */
  weeks: Figures[][];
}

/** Group sizes around the thresholds: below k, between k and 2k, at 2k and above. */
function sizeArb(k: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: k, max: 2 * k - 1 }), fc.integer({ min: 2 * k, max: 2 * k + 6 }));
}

/** A random team: k from 5 to 7, one to five consecutive weeks (sometimes across a year end). */
export const teamArb: fc.Arbitrary<Team> = fc
  .record({
    k: fc.integer({ min: 5, max: 7 }),
    firstIndex: fc.constantFrom(isoWeekIndex('2024-W50'), isoWeekIndex('2020-W52'), isoWeekIndex('2026-W10')),
    length: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ k, firstIndex, length }) =>
    fc
      .array(
        sizeArb(k).chain((n) => fc.array(figuresArb, { minLength: n, maxLength: n })),
        { minLength: length, maxLength: length },
      )
      .map((weeks) => ({ k, firstIndex, weeks })),
  );

export function weekOf(team: Team, offset: number): string {
  return isoWeekFromIndex(team.firstIndex + offset);
}

/** The team's files as inputs: each person-week with a distinct key and a receipt time. */
export function inputsOf(team: Team): TeamInput[] {
  return team.weeks.flatMap((people, offset) =>
    people.map((figures, person) => ({
      summary: { format: 'veil.weekly-summary', version: 1, week: weekOf(team, offset), key: keyOf((offset + 1) * 1000 + person), ...figures },
      receivedAtMs: 1_700_000_000_000 + offset * 1000 + person,
    })),
  );
}

/** The explicit range covering all the team's weeks. */
export function rangeOf(team: Team): { fromWeek: string; toWeek: string } {
  return { fromWeek: weekOf(team, 0), toWeek: weekOf(team, team.weeks.length - 1) };
}
