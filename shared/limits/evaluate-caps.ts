import { ALL_CAPS, type LimitPeriod, type LimitQuantity } from './cap-keys.js';
import { capStatus, highestPassedPct, periodOf } from './cap-status.js';
import type { LimitsConfig } from './limits-config.js';
import { LIMIT_RECORD_VERSION, type LimitEventRecord } from './limit-records.js';
import type { CapProgress, LimitsState } from './limits-state.js';

/** The state with one cap's progress replaced (a new object; the old state is untouched). */
export function withCapProgress(state: LimitsState, period: LimitPeriod, quantity: LimitQuantity, progress: CapProgress): LimitsState {
  const current = periodOf(state, period);
  const next = { ...current, caps: { ...current.caps, [quantity]: progress } };
  return period === 'day' ? { ...state, day: next } : { ...state, week: next };
}

/**
 * Compares every cap with its usage at `atMs` (whole epoch ms) and writes what the user
 * must be told, in ALL_CAPS order:
 * - 'reached' once per cap per period, when usage is at or past the cap (extensions included).
 *   Thresholds passed on the way in the same step are not written: the cap says more.
 * - otherwise one 'warning' for the highest threshold newly passed (a step that passes
 *   75% and 90% at once, e.g. a lowered cap, warns once, at 90%). Each threshold is
 *   warned at most once per cap per period, even if a raised cap or an extension brings
 *   usage back below it.
 * Caps the user has not set are skipped; their usage still counts, so a cap set
 * mid-day knows what today already holds.
 */
export function evaluateCaps(state: LimitsState, config: LimitsConfig, atMs: number): { state: LimitsState; records: LimitEventRecord[] } {
  const records: LimitEventRecord[] = [];
  let next = state;
  const topPct = Math.max(0, ...config.warnAtPct);
  for (const { quantity, period } of ALL_CAPS) {
    const status = capStatus(next, config, quantity, period);
    if (status.capMs === null) continue;
    const progress = periodOf(next, period).caps[quantity];
    const base = { v: LIMIT_RECORD_VERSION, type: 'limit', atMs, quantity, period, capMs: status.capMs } as const;
    if (status.reached) {
      if (!progress.reachedRecorded) records.push({ ...base, event: 'reached' });
      if (!progress.reachedRecorded || progress.warnedPct < topPct) {
        next = withCapProgress(next, period, quantity, { ...progress, reachedRecorded: true, warnedPct: Math.max(progress.warnedPct, topPct) });
      }
      continue;
    }
    const passedPct = highestPassedPct(status.usedMs, status.capMs, config.warnAtPct);
    if (passedPct > progress.warnedPct) {
      records.push({ ...base, event: 'warning', thresholdPct: passedPct });
      next = withCapProgress(next, period, quantity, { ...progress, warnedPct: passedPct });
    }
  }
  return { state: next, records };
}
