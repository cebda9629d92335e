import type { LimitPeriod, LimitQuantity } from './cap-keys.js';
import { baseCapMs, type LimitsConfig } from './limits-config.js';
import type { LimitsState, PeriodState } from './limits-state.js';

/** One cap's figures in the current period, from the state and the config in force. */
export interface CapStatus {
  usedMs: number;
  /** null when the user set no cap. */
  baseCapMs: number | null;
  extensionMs: number;
  /** base + extension, or null. */
  capMs: number | null;
  /** Usage is at or past capMs. */
  reached: boolean;
}

export function periodOf(state: LimitsState, period: LimitPeriod): PeriodState {
  return period === 'day' ? state.day : state.week;
}

export function capStatus(state: LimitsState, config: LimitsConfig, quantity: LimitQuantity, period: LimitPeriod): CapStatus {
  const current = periodOf(state, period);
  const usedMs = current.usedMs[quantity];
  const base = baseCapMs(config, quantity, period);
  const { extensionMs } = current.caps[quantity];
  const capMs = base === null ? null : base + extensionMs;
  return { usedMs, baseCapMs: base, extensionMs, capMs, reached: capMs !== null && usedMs >= capMs };
}

/** The highest threshold (percent of capMs) that `usedMs` has reached, or 0. Exact: no float division. */
export function highestPassedPct(usedMs: number, capMs: number, thresholdsPct: readonly number[]): number {
  let highest = 0;
  for (const pct of thresholdsPct) if (usedMs * 100 >= pct * capMs && pct > highest) highest = pct;
  return highest;
}
