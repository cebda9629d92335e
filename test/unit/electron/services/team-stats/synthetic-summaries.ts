import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isoWeekFromIndex, isoWeekIndex } from '../../../../../shared/team-stats/iso-week.js';
import { WEEKLY_SUMMARY_FORMAT, WEEKLY_SUMMARY_VERSION, type WeeklySummary } from '../../../../../shared/team-stats/weekly-summary.js';
import { weekKeyHex } from '../../../../../electron/services/team-stats/team-share-secret.js';
import { renderWeeklyExport } from '../../../../../electron/services/team-stats/weekly-export.js';
import { seededRandom } from '../../../../fixtures/seeded-random.js';

/**
 * Synthetic weekly summaries for tests and the benchmark: plausible figures (about 15 h of
 * exposure a week, a tenth of it unfiltered, most breaks taken), nothing from real people.
 */

/** The secret of synthetic person `person` (32 bytes, stable per seed). */
export function syntheticSecret(person: number, seed = 1): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`veil-synthetic-person/${seed}/${person}`).digest());
}

const quarter = (minutes: number): number => Math.max(0, Math.min(10_080, Math.round(minutes / 15) * 15));

/** One person's plausible week; `random` drives the figures. */
export function syntheticSummary(secret: Uint8Array, week: string, random: () => number, capSet = random() < 0.6): WeeklySummary {
  const exposureMin = quarter(Math.max(0, 900 + (random() + random() + random() - 1.5) * 900));
  const part = (share: number): number => Math.min(exposureMin, quarter(exposureMin * share * random()));
  const breaksDue = Math.round(exposureMin / 50);
  const breaksTaken = Math.round(breaksDue * (0.5 + 0.45 * random()));
  const breaksPostponed = Math.round((breaksDue - breaksTaken) * random());
  const capsReached = capSet ? Math.floor(random() * 4) : 0;
  return {
    format: WEEKLY_SUMMARY_FORMAT,
    version: WEEKLY_SUMMARY_VERSION,
    week,
    key: weekKeyHex(secret, week),
    exposureMin,
    unfilteredMin: part(0.2),
    audioMin: part(0.3),
    afterHoursMin: part(0.15),
    reveals: Math.floor(random() * 150),
    breaksDue,
    breaksTaken,
    naturalBreaks: Math.floor(random() * 8),
    breaksPostponed,
    breaksSkipped: breaksDue - breaksTaken - breaksPostponed,
    capSet,
    capsReached,
    capOverrides: Math.floor(capsReached * random()),
  };
}

/** A valid summary with chosen fields changed (for tests that need exact figures). */
export function summaryWith(overrides: Partial<WeeklySummary> = {}, person = 0): WeeklySummary {
  const week = overrides.week ?? '2026-W10';
  return { ...syntheticSummary(syntheticSecret(person), week, seededRandom(person + 1), true), ...overrides };
}

/**
 * Writes `people` × `weeks` export files (weeks ending with `lastWeek`) into `folder`,
 * named and formatted exactly as writeWeeklyExport does (without its fsyncs, so making
 * 26,000 of them takes seconds). Returns the number of files written.
 */
export async function writeSyntheticExports(
  folder: string,
  options: { people: number; weeks: number; lastWeek: string; seed?: number; firstPerson?: number },
): Promise<number> {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const lastIndex = isoWeekIndex(options.lastWeek);
  const firstPerson = options.firstPerson ?? 0;
  const jobs: Promise<void>[] = [];
  let written = 0;
  for (let person = firstPerson; person < firstPerson + options.people; person += 1) {
    const secret = syntheticSecret(person, seed);
    const capSet = random() < 0.6;
    for (let index = lastIndex - options.weeks + 1; index <= lastIndex; index += 1) {
      const { fileName, json } = renderWeeklyExport(syntheticSummary(secret, isoWeekFromIndex(index), random, capSet));
      jobs.push(writeFile(path.join(folder, fileName), json));
      written += 1;
      if (jobs.length >= 64) await Promise.all(jobs.splice(0));
    }
  }
  await Promise.all(jobs);
  return written;
}
