import { estimateRemaining, type ImportFailure, type ImportPhase, type ImportProgress } from '../../../shared/case/import-progress.js';

/** At most five reports a second: enough for a smooth bar, few enough to cost nothing over IPC. */
const PROGRESS_INTERVAL_MS = 200;
/** The rate is measured over this recent window so it follows slow and fast stretches of a case. */
const RATE_WINDOW_MS = 5000;

export interface ProgressCounts {
  filesFound: number;
  filesProcessed: number;
  bytesProcessed: number;
  walkComplete: boolean;
}

export interface ProgressReporter {
  /** Call as often as counts change: it reports only when the interval has passed since the last report. */
  tick(counts: ProgressCounts): void;
  /** The one unthrottled last report. The rate is the whole run's average; time left is 0 when done. */
  finish(counts: ProgressCounts, phase: Exclude<ImportPhase, 'idle' | 'scanning'>, failure: ImportFailure | null): ImportProgress;
}

/**
 * Throttles progress reports by an injected clock (no timers, so tests drive it
 * exactly) and derives files per second and time left with `estimateRemaining`.
 */
export function createProgressReporter(options: { nowMs: () => number; report: (progress: ImportProgress) => void; intervalMs?: number }): ProgressReporter {
  const intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  const startedAtMs = options.nowMs();
  const samples: { atMs: number; processed: number }[] = [{ atMs: startedAtMs, processed: 0 }];
  let lastReportAtMs = Number.NEGATIVE_INFINITY;

  return {
    tick(counts) {
      const atMs = options.nowMs();
      if (atMs - lastReportAtMs < intervalMs) return;
      lastReportAtMs = atMs;
      samples.push({ atMs, processed: counts.filesProcessed });
      // Keep one sample older than the window so the rate always spans it.
      while (samples.length > 2 && (samples[1]?.atMs ?? atMs) <= atMs - RATE_WINDOW_MS) samples.shift();
      const { filesPerSecond, remainingMs } = estimateRemaining(samples, counts.filesFound, counts.walkComplete);
      options.report({ phase: 'scanning', ...pick(counts), filesPerSecond, remainingMs, failure: null });
    },
    finish(counts, phase, failure) {
      const elapsedMs = options.nowMs() - startedAtMs;
      const filesPerSecond = elapsedMs > 0 ? (counts.filesProcessed * 1000) / elapsedMs : 0;
      const progress: ImportProgress = { phase, ...pick(counts), filesPerSecond, remainingMs: phase === 'done' ? 0 : null, failure };
      options.report(progress);
      return progress;
    },
  };
}

function pick(counts: ProgressCounts): Pick<ImportProgress, 'filesFound' | 'filesProcessed' | 'bytesProcessed'> {
  return { filesFound: counts.filesFound, filesProcessed: counts.filesProcessed, bytesProcessed: counts.bytesProcessed };
}
