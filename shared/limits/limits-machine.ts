import { LimitPeriodSchema, LimitQuantitySchema, perQuantity, type LimitPeriod, type LimitQuantity } from './cap-keys.js';
import { capStatus, periodOf } from './cap-status.js';
import { evaluateCaps, withCapProgress } from './evaluate-caps.js';
import { LimitsConfigSchema, MS_PER_MINUTE, type LimitsConfig } from './limits-config.js';
import { LIMIT_RECORD_VERSION, MAX_OVERRIDE_REASON_CHARS, MIN_OVERRIDE_REASON_CHARS, type LimitEventRecord } from './limit-records.js';
import { LIMITS_STATE_VERSION, type LimitsState, type PeriodState } from './limits-state.js';
import type { LimitsEvent, LimitsRejection, LimitsStep, LimitsStepConfig } from './limits-types.js';
import { limitsView } from './limits-view.js';
import { freshPeriod, rollPeriods } from './periods.js';
import { checkEventTime, startTimeMs } from '../time/time-guard.js';

/**
 * Limits as they stand at start-up `nowMs` (epoch ms, main side's clock): nothing used.
 * The day and week are placed by the first event, which knows the time zone. Use
 * restoreLimitsState for a saved state, so a restart never resets a cap.
 * Throws RangeError for a time that is not a non-negative finite number of ms.
 */
export function initialLimitsState(nowMs: number): LimitsState {
  return { v: LIMITS_STATE_VERSION, lastEventAtMs: startTimeMs(nowMs), day: freshPeriod('', 0), week: freshPeriod('', 0) };
}

/**
 * Applies one event at `nowMs` (epoch ms from the main side's clock; fractions truncated).
 *
 * First the day and week move on if `nowMs` is in a later local day or week (see
 * rollPeriods: never early, never twice, whatever the clock or zone did). Then:
 * - 'exposure' adds its counted, unfiltered and audio ms to the current day and week;
 * - 'override' on a reached cap moves that cap to (usage now + the configured
 *   extension) for the rest of the period and writes an 'override' record with the trimmed reason;
 * - 'config-changed' makes `event.config` the limits for this step (pass it in
 *   `config.limits` from then on).
 * Then every cap is compared with its usage: warnings and 'reached' records (evaluateCaps).
 * Refused events (see LimitsRejection) return `state` unchanged, no records, and the
 * view of the unchanged state.
 */
export function stepLimits(state: LimitsState, event: LimitsEvent, nowMs: number, config: LimitsStepConfig): LimitsStep {
  const refuse = (rejected: LimitsRejection): LimitsStep => ({ state, records: [], rejected, view: limitsView(state, config.limits) });
  const time = checkEventTime(nowMs, state.lastEventAtMs);
  if (!time.ok) return refuse(time.rejected);
  const { atMs } = time;

  const checked = checkEvent(event, config.limits);
  if (typeof checked === 'string') return refuse(checked);
  const { limits } = checked;

  let next: LimitsState;
  try {
    next = rollPeriods({ ...state, lastEventAtMs: atMs }, atMs, config.timeZone, config.weekStartsOn);
  } catch {
    return refuse('unknown-time-zone');
  }

  const records: LimitEventRecord[] = [];
  if (event.type === 'exposure') next = addUsage(next, event);
  if (event.type === 'override') {
    const granted = grantOverride(next, limits, event.quantity, event.period, checked.reason, atMs);
    if (typeof granted === 'string') return refuse(granted);
    next = granted.state;
    records.push(granted.record);
  }
  const evaluated = evaluateCaps(next, limits, atMs);
  records.push(...evaluated.records);
  return { state: evaluated.state, records, rejected: null, view: limitsView(evaluated.state, limits) };
}

/** The limits in force for this event and the trimmed override reason, or why the event is refused. */
function checkEvent(event: LimitsEvent, current: LimitsConfig): { limits: LimitsConfig; reason: string } | LimitsRejection {
  switch (event.type) {
    case 'exposure': {
      const { countedMs, unfilteredMs, audioMs } = event;
      const amountsOk = [countedMs, unfilteredMs, audioMs].every((ms) => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0);
      // Unfiltered and audio time are kinds of counted time: more of them than counted time is a bug upstream.
      if (!amountsOk || unfilteredMs > countedMs || audioMs > countedMs) return 'invalid-amounts';
      return { limits: current, reason: '' };
    }
    case 'override': {
      if (!LimitQuantitySchema.safeParse(event.quantity).success || !LimitPeriodSchema.safeParse(event.period).success) return 'unknown-cap';
      const reason = typeof event.reason === 'string' ? event.reason.trim() : '';
      if (reason.length < MIN_OVERRIDE_REASON_CHARS) return 'reason-too-short';
      if (reason.length > MAX_OVERRIDE_REASON_CHARS) return 'reason-too-long';
      return { limits: current, reason };
    }
    case 'config-changed': {
      const parsed = LimitsConfigSchema.safeParse(event.config);
      return parsed.success ? { limits: parsed.data, reason: '' } : 'invalid-config';
    }
    default:
      return 'unknown-event';
  }
}

function addUsage(state: LimitsState, event: { countedMs: number; unfilteredMs: number; audioMs: number }): LimitsState {
  const added = { exposure: event.countedMs, unfiltered: event.unfilteredMs, audio: event.audioMs };
  if (added.exposure === 0 && added.unfiltered === 0 && added.audio === 0) return state;
  // All of a step's time goes to the period of its end: steps are about a second long, and
  // a period that has ended keeps nothing to add to.
  const add = (period: PeriodState): PeriodState => ({ ...period, usedMs: perQuantity((q) => period.usedMs[q] + added[q]) });
  return { ...state, day: add(state.day), week: add(state.week) };
}

function grantOverride(
  state: LimitsState,
  limits: LimitsConfig,
  quantity: LimitQuantity,
  period: LimitPeriod,
  reason: string,
  atMs: number,
): { state: LimitsState; record: LimitEventRecord } | LimitsRejection {
  const status = capStatus(state, limits, quantity, period);
  if (status.capMs === null || status.baseCapMs === null) return 'no-cap';
  if (!status.reached) return 'cap-not-reached';
  const grantedMs = limits.overrideExtensionMin * MS_PER_MINUTE;
  // The extension runs from now: time already past the cap (a lowered cap, a step's
  // overshoot) is not taken out of it. Whole ms, because records hold whole ms.
  const extensionMs = Math.ceil(status.usedMs - status.baseCapMs) + grantedMs;
  const progress = periodOf(state, period).caps[quantity];
  return {
    state: withCapProgress(state, period, quantity, { ...progress, extensionMs, overrides: progress.overrides + 1 }),
    record: { v: LIMIT_RECORD_VERSION, type: 'limit', atMs, quantity, period, event: 'override', capMs: status.capMs, reason, extensionMs: grantedMs },
  };
}
