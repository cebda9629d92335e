import { ALL_CAPS, type CapId, type LimitPeriod, type LimitQuantity } from './cap-keys.js';
import { capStatus, highestPassedPct, periodOf } from './cap-status.js';
import type { LimitsConfig } from './limits-config.js';
import type { LimitsState } from './limits-state.js';
import type { CapView, LimitsView } from './limits-types.js';

function capView(state: LimitsState, config: LimitsConfig, quantity: LimitQuantity, period: LimitPeriod): CapView {
  const status = capStatus(state, config, quantity, period);
  const { overrides } = periodOf(state, period).caps[quantity];
  const { usedMs, capMs } = status;
  let warningPct: number | null = null;
  let nextThresholdPct: number | null = null;
  if (capMs !== null && !status.reached) {
    const passed = highestPassedPct(usedMs, capMs, config.warnAtPct);
    warningPct = passed > 0 ? passed : null;
    nextThresholdPct = config.warnAtPct.find((pct) => usedMs * 100 < pct * capMs) ?? null;
  }
  return {
    quantity,
    period,
    usedMs,
    capMs,
    baseCapMs: status.baseCapMs,
    extensionMs: status.extensionMs,
    fraction: capMs === null ? null : usedMs / capMs,
    remainingMs: capMs === null ? null : Math.max(0, capMs - usedMs),
    warningPct,
    nextThresholdPct,
    reached: status.reached,
    overridden: overrides > 0,
    overrides,
  };
}

/**
 * What the UI shows for `state` under `config`: every cap's usage, cap and thresholds,
 * and text-only mode, which is on exactly when some set cap is reached (its usage at or
 * past the cap plus any extension granted). Pure; call it for a request between steps.
 */
export function limitsView(state: LimitsState, config: LimitsConfig): LimitsView {
  const row = (quantity: LimitQuantity): Record<LimitPeriod, CapView> => ({
    day: capView(state, config, quantity, 'day'),
    week: capView(state, config, quantity, 'week'),
  });
  const caps = { exposure: row('exposure'), unfiltered: row('unfiltered'), audio: row('audio') };
  const reachedCaps: CapId[] = ALL_CAPS.filter(({ quantity, period }) => caps[quantity][period].reached).map(({ quantity, period }) => ({ quantity, period }));
  return {
    dayKey: state.day.key === '' ? null : state.day.key,
    weekKey: state.week.key === '' ? null : state.week.key,
    caps,
    textOnly: reachedCaps.length > 0,
    reachedCaps,
  };
}
