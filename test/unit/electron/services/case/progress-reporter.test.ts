import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../../shared/case/import-progress.js';
import { createProgressReporter } from '../../../../../electron/services/case/progress-reporter.js';

function manualClock() {
  let nowMs = 0;
  return { nowMs: () => nowMs, set: (atMs: number) => (nowMs = atMs) };
}

describe('createProgressReporter', () => {
  it('reports at once, then at most every 200 ms', () => {
    const clock = manualClock();
    const reports: ImportProgress[] = [];
    const reporter = createProgressReporter({ nowMs: clock.nowMs, report: (progress) => reports.push(progress) });
    const counts = { filesFound: 10, filesProcessed: 0, bytesProcessed: 0, walkComplete: false };
    reporter.tick(counts);
    clock.set(150);
    reporter.tick({ ...counts, filesProcessed: 3 });
    clock.set(200);
    reporter.tick({ ...counts, filesProcessed: 4 });
    expect(reports.map((progress) => progress.filesProcessed)).toEqual([0, 4]);
  });

  it('gives no time left until the walk has found every file, then estimates it from the rate', () => {
    const clock = manualClock();
    const reports: ImportProgress[] = [];
    const reporter = createProgressReporter({ nowMs: clock.nowMs, report: (progress) => reports.push(progress) });
    clock.set(1000);
    reporter.tick({ filesFound: 500, filesProcessed: 100, bytesProcessed: 1e6, walkComplete: false });
    expect(reports.at(-1)).toMatchObject({ phase: 'scanning', filesPerSecond: 100, remainingMs: null });
    clock.set(2000);
    reporter.tick({ filesFound: 600, filesProcessed: 200, bytesProcessed: 2e6, walkComplete: true });
    expect(reports.at(-1)).toMatchObject({ filesPerSecond: 100, remainingMs: 4000 });
  });

  it('follows the recent rate, not the whole run’s', () => {
    const clock = manualClock();
    const reports: ImportProgress[] = [];
    const reporter = createProgressReporter({ nowMs: clock.nowMs, report: (progress) => reports.push(progress) });
    // 10 files/s for 20 s, then 100 files/s for 10 s.
    let processed = 0;
    for (let atMs = 1000; atMs <= 30_000; atMs += 1000) {
      processed += atMs <= 20_000 ? 10 : 100;
      clock.set(atMs);
      reporter.tick({ filesFound: 5000, filesProcessed: processed, bytesProcessed: 0, walkComplete: true });
    }
    expect(reports.at(-1)?.filesPerSecond).toBe(100);
  });

  it('ends with one unthrottled report carrying the phase and the whole run’s rate', () => {
    const clock = manualClock();
    const reports: ImportProgress[] = [];
    const reporter = createProgressReporter({ nowMs: clock.nowMs, report: (progress) => reports.push(progress) });
    reporter.tick({ filesFound: 1, filesProcessed: 0, bytesProcessed: 0, walkComplete: false });
    clock.set(2000);
    const final = reporter.finish({ filesFound: 40, filesProcessed: 40, bytesProcessed: 9, walkComplete: true }, 'done', null);
    expect(final).toEqual({ phase: 'done', filesFound: 40, filesProcessed: 40, bytesProcessed: 9, filesPerSecond: 20, remainingMs: 0, failure: null });
    expect(reports.at(-1)).toEqual(final);
    const cancelled = reporter.finish({ filesFound: 40, filesProcessed: 10, bytesProcessed: 9, walkComplete: false }, 'cancelled', null);
    expect(cancelled.remainingMs).toBeNull();
  });
});
