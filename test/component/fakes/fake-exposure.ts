import type { ExposureTotals, MyExposure, WellbeingCounts } from '../../../shared/exposure/exposure-summary.js';
import { zeroWellbeingCounts } from '../../../shared/exposure/wellbeing-counts.js';

const MIN = 60_000;

type TotalsGiven = Partial<Omit<ExposureTotals, 'wellbeing'>> & { wellbeing?: Partial<WellbeingCounts> };

/** Totals with zero for everything not given, break and limit counts included. */
function totals({ wellbeing = {}, ...partial }: TotalsGiven = {}): ExposureTotals {
  return {
    exposureMs: 0,
    unfilteredMs: 0,
    audioMs: 0,
    gridOnlyMs: 0,
    reveals: 0,
    longestStretchMs: 0,
    byFilter: [],
    ...partial,
    wellbeing: { ...zeroWellbeingCounts(), ...wellbeing },
  };
}

/** The 12 week starts (Sundays) ending with 2025-03-02, oldest first. */
const WEEK_STARTS = Array.from({ length: 12 }, (_, i) => {
  const date = new Date(Date.UTC(2025, 2, 2 - 7 * (11 - i)));
  return date.toISOString().slice(0, 10);
});

/** Nothing recorded yet: what a new installation answers. */
export function emptyMyExposure(): MyExposure {
  return {
    timeZone: 'America/Toronto',
    weekStartsOn: 0,
    today: { ...totals(), day: '2025-03-05' },
    thisWeek: {
      totals: { ...totals(), weekStart: '2025-03-02' },
      days: ['2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'].map((day) => ({ ...totals(), day })),
    },
    last12Weeks: WEEK_STARTS.map((weekStart) => ({ ...totals(), weekStart })),
    avoided: { knownCount: 0, duplicateCount: 0, nearCopyCount: 0, files: 0, medianViewMs: null, viewedItems: 0, estimateMs: null },
  };
}

/**
 * Wednesday 2025-03-05 in Toronto, weeks from Sunday: today 1 h 25 min of exposure
 * (4 min 10 s unfiltered, 12 min audio, 7 reveals, longest stretch 40 min, 18 min 30 s
 * thumbnails only); Monday 30 min; the week 2 h 10 s in all. Breaks and limits today:
 * 3 breaks taken, 1 natural, 2 postponed, 1 skipped, none ended early, 1 strict-mode
 * override, no after-hours stretch, 2 limit warnings, 1 limit reached, 1 override; the
 * week: 6 taken, 2 natural, 3 postponed, 1 skipped, 1 ended early, 1 strict-mode override,
 * 1 after-hours stretch, 3 warnings, 1 reached, 1 override. Each earlier week i with
 * exposure (i % 3 ≠ 0) has i breaks taken and i % 2 limits reached. Exposure avoided this
 * week: 400 known files, 12 identical and 8 near copies, median 11.65 s over 230 viewed items.
 */
export function sampleMyExposure(): MyExposure {
  const today = totals({
    exposureMs: 85 * MIN,
    unfilteredMs: 4 * MIN + 10_000,
    audioMs: 12 * MIN,
    gridOnlyMs: 18 * MIN + 30_000,
    reveals: 7,
    longestStretchMs: 40 * MIN,
    wellbeing: {
      breaksDue: 7,
      breaksTaken: 3,
      naturalBreaks: 1,
      postponed: 2,
      skipped: 1,
      strictOverrides: 1,
      capWarnings: 2,
      capsReached: 1,
      capOverrides: 1,
    },
  });
  const monday = totals({ exposureMs: 30 * MIN, unfilteredMs: 5 * MIN, audioMs: 0, reveals: 2, longestStretchMs: 20 * MIN });
  const tuesday = totals({ exposureMs: 5 * MIN + 10_000, gridOnlyMs: 5 * MIN + 10_000, longestStretchMs: 5 * MIN + 10_000 });
  const week = totals({
    exposureMs: 120 * MIN + 10_000,
    unfilteredMs: 9 * MIN + 10_000,
    audioMs: 12 * MIN,
    gridOnlyMs: 23 * MIN + 40_000,
    reveals: 9,
    longestStretchMs: 40 * MIN,
    wellbeing: {
      breaksDue: 12,
      breaksTaken: 6,
      naturalBreaks: 2,
      postponed: 3,
      skipped: 1,
      endedEarly: 1,
      strictOverrides: 1,
      afterHoursStretches: 1,
      capWarnings: 3,
      capsReached: 1,
      capOverrides: 1,
    },
  });
  return {
    timeZone: 'America/Toronto',
    weekStartsOn: 0,
    today: { ...today, day: '2025-03-05' },
    thisWeek: {
      totals: { ...week, weekStart: '2025-03-02' },
      days: [
        { ...totals(), day: '2025-03-02' },
        { ...monday, day: '2025-03-03' },
        { ...tuesday, day: '2025-03-04' },
        { ...today, day: '2025-03-05' },
      ],
    },
    last12Weeks: WEEK_STARTS.map((weekStart, i) =>
      i === 11
        ? { ...week, weekStart }
        : {
            ...totals(
              i % 3 === 0 ? {} : { exposureMs: (i * 10 + 5) * MIN, unfilteredMs: i * MIN, audioMs: 2 * MIN, wellbeing: { breaksTaken: i, capsReached: i % 2 } },
            ),
            weekStart,
          },
    ),
    // 420 files spared this week at a median of 11.65 s per viewed item: about 1 h 22 min.
    avoided: { knownCount: 400, duplicateCount: 12, nearCopyCount: 8, files: 420, medianViewMs: 11_650, viewedItems: 230, estimateMs: 420 * 11_650 },
  };
}
