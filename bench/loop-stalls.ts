/**
 * What held the main side's event loop, for bench:reopen: a timer loop records every gap
 * between its turns, and a PerformanceObserver every garbage collection, so each stall can
 * be split into the collector's share and the rest (our code, or the machine not giving us a
 * core). monitorEventLoopDelay gives the same longest stall but cannot say what it was made of.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** A gap between two turns of the timer loop, ms (performance.now()). */
interface Gap {
  startMs: number;
  endMs: number;
}

interface GcPause {
  startMs: number;
  durationMs: number;
  /** Scavenge, mark-compact, or the rest (incremental marking steps, weak callbacks: in the total only). */
  kind: 'minor' | 'major' | 'other';
}

export interface LoopStalls {
  /** The longest gap between two turns of the loop, ms. */
  longestMs: number;
  /** The garbage collection inside that longest gap, ms. */
  longestGcInsideMs: number;
  /** The longest gap once the collections inside it are taken out: our code and the machine, ms. */
  longestWithoutGcMs: number;
  /** The 99th percentile gap, ms. */
  p99Ms: number;
  /** The longest scavenge (young generation) and the longest mark-compact pause, ms. */
  longestMinorGcMs: number;
  longestMajorGcMs: number;
  /** Every collection's pause added up, ms. */
  totalGcMs: number;
  gcCount: number;
}

/** A gap shorter than this is the timer's own granularity, not a stall. */
const NOTED_GAP_MS = 2;

/** Starts recording; `stop()` ends it and summarises. */
export function recordLoopStalls(): { stop(): LoopStalls } {
  const gaps: Gap[] = [];
  const pauses: GcPause[] = [];
  const allGapsMs: number[] = [];
  let lastMs = performance.now();
  let timer: NodeJS.Timeout | null = null;
  const tick = (): void => {
    const nowMs = performance.now();
    allGapsMs.push(nowMs - lastMs);
    if (nowMs - lastMs >= NOTED_GAP_MS) gaps.push({ startMs: lastMs, endMs: nowMs });
    lastMs = nowMs;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail: unknown = 'detail' in entry ? entry.detail : undefined;
      const kind = typeof detail === 'object' && detail !== null && 'kind' in detail && typeof detail.kind === 'number' ? detail.kind : 0;
      const named = kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : 'other';
      pauses.push({ startMs: entry.startTime, durationMs: entry.duration, kind: named });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      if (timer !== null) clearTimeout(timer);
      observer.disconnect();
      // The timer asks for 1 ms: a turn is a stall only for what it took beyond that.
      const gcInside = (gap: Gap): number =>
        pauses.reduce((sum, pause) => sum + Math.max(0, Math.min(gap.endMs, pause.startMs + pause.durationMs) - Math.max(gap.startMs, pause.startMs)), 0);
      let longest: Gap = { startMs: 0, endMs: 0 };
      let longestWithoutGcMs = 0;
      for (const gap of gaps) {
        if (gap.endMs - gap.startMs > longest.endMs - longest.startMs) longest = gap;
        longestWithoutGcMs = Math.max(longestWithoutGcMs, gap.endMs - gap.startMs - gcInside(gap));
      }
      const sorted = allGapsMs.sort((a, b) => a - b);
      const minor = pauses.filter((pause) => pause.kind === 'minor').map((pause) => pause.durationMs);
      const major = pauses.filter((pause) => pause.kind === 'major').map((pause) => pause.durationMs);
      return {
        longestMs: longest.endMs - longest.startMs,
        longestGcInsideMs: gcInside(longest),
        longestWithoutGcMs,
        p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0,
        longestMinorGcMs: Math.max(0, ...minor),
        longestMajorGcMs: Math.max(0, ...major),
        totalGcMs: pauses.reduce((sum, pause) => sum + pause.durationMs, 0),
        gcCount: pauses.length,
      };
    },
  };
}
