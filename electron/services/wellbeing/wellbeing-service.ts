import { stepBreaks, initialBreakState, resumeBreakState, breakView } from '../../../shared/breaks/break-scheduler.js';
import { BreakStateSchema, type BreakState } from '../../../shared/breaks/break-state.js';
import type { BreakAction } from '../../../shared/breaks/break-events.js';
import type { WeekStartsOn } from '../../../shared/exposure/day-boundaries.js';
import type { LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import type { LimitPeriod, LimitQuantity } from '../../../shared/limits/cap-keys.js';
import { capsRecord } from '../../../shared/limits/limit-records.js';
import {
  limitsView,
  restoreLimitsState,
  seedLimitsState,
  stepLimits,
  type LimitsEvent,
  type LimitsState,
  type LimitUsage,
} from '../../../shared/limits/limits.js';
import type { Settings } from '../../../shared/settings/settings.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';
import type { CountedTime } from './counted-time.js';

export interface WellbeingDeps {
  settings: () => Settings;
  nowMs: () => number;
  timeZone: string;
  weekStartsOn: () => WeekStartsOn;
  /** Where break and limit records go (the exposure ledger). */
  record: (records: readonly LedgerRecord[]) => void;
  onChange: (view: WellbeingView) => void;
  /** What was saved at the last run, or null. */
  saved: unknown;
  /** Today's and this week's usage from the ledger, when the saved limits state is unusable. */
  usageFromLedger: () => Promise<{ day: LimitUsage; week: LimitUsage }>;
}

export interface WellbeingService {
  view(): WellbeingView;
  /** Counted time since the last call, from the exposure service's every step. */
  counted(time: CountedTime, counting: boolean): void;
  itemBoundary(): void;
  breakAction(action: BreakAction): { rejected: string | null; view: WellbeingView };
  overrideLimit(quantity: LimitQuantity, period: LimitPeriod, reason: string): { rejected: string | null; view: WellbeingView };
  limitsChanged(): void;
  /** What to save so a restart continues where this run stopped. */
  snapshot(): { breaks: BreakState; limits: LimitsState };
}

function restoreBreaks(saved: unknown, nowMs: number): BreakState {
  const parsed = BreakStateSchema.safeParse(saved);
  return parsed.success ? resumeBreakState(parsed.data, nowMs) : initialBreakState(nowMs);
}

function savedPart(saved: unknown, key: 'breaks' | 'limits'): unknown {
  return typeof saved === 'object' && saved !== null && key in saved ? Reflect.get(saved, key) : null;
}

/**
 * Drives the pure break scheduler (shared/breaks) and personal limits (shared/limits)
 * with counted exposure from the exposure service and the main side's clock. Their
 * records go to the ledger; their view is pushed to the UI whenever it changes.
 */
export async function createWellbeingService(deps: WellbeingDeps): Promise<WellbeingService> {
  const startMs = deps.nowMs();
  let breaks = restoreBreaks(savedPart(deps.saved, 'breaks'), startMs);
  const restored = restoreLimitsState(savedPart(deps.saved, 'limits'), startMs);
  let limits =
    restored.outcome === 'invalid'
      ? seedLimitsState(startMs, await deps.usageFromLedger(), { timeZone: deps.timeZone, weekStartsOn: deps.weekStartsOn() })
      : restored.state;

  const breakConfig = () => ({ ...deps.settings().breaks, timeZone: deps.timeZone });
  const limitsConfig = () => ({ limits: deps.settings().limits, timeZone: deps.timeZone, weekStartsOn: deps.weekStartsOn() });
  const view = (): WellbeingView => ({
    breaks: breakView(breaks, deps.nowMs(), breakConfig()),
    limits: limitsView(limits, deps.settings().limits),
  });
  let lastPushed = JSON.stringify(view());
  const pushIfChanged = (): void => {
    const current = view();
    const text = JSON.stringify(current);
    if (text === lastPushed) return;
    lastPushed = text;
    deps.onChange(current);
  };

  const applyBreaks = (event: Parameters<typeof stepBreaks>[1]): string | null => {
    const step = stepBreaks(breaks, event, deps.nowMs(), breakConfig());
    if (step.rejected !== null) return step.rejected;
    breaks = step.state;
    if (step.records.length > 0) deps.record(step.records);
    return null;
  };
  const applyLimits = (event: LimitsEvent): string | null => {
    const step = stepLimits(limits, event, deps.nowMs(), limitsConfig());
    if (step.rejected !== null) return step.rejected;
    limits = step.state;
    if (step.records.length > 0) deps.record(step.records);
    return null;
  };

  // The caps set, in the ledger at start, on each new local day and on every change, so a
  // past week's summary reads the caps in force then (capSetDuring), not today's.
  let capsRecordedOnDay = limits.day.key;
  const recordCaps = (): void => {
    capsRecordedOnDay = limits.day.key;
    deps.record([capsRecord(Math.floor(deps.nowMs()), deps.settings().limits)]);
  };
  recordCaps();

  return {
    view,
    counted(time, counting) {
      applyBreaks({ type: 'exposure', countingSinceLastStep: counting, ...time });
      applyLimits({ type: 'exposure', ...time });
      if (limits.day.key !== capsRecordedOnDay) recordCaps();
      pushIfChanged();
    },
    itemBoundary() {
      applyBreaks({ type: 'item-boundary' });
      pushIfChanged();
    },
    breakAction(action) {
      const rejected = applyBreaks(action);
      pushIfChanged();
      return { rejected, view: view() };
    },
    overrideLimit(quantity, period, reason) {
      const rejected = applyLimits({ type: 'override', quantity, period, reason });
      pushIfChanged();
      return { rejected, view: view() };
    },
    limitsChanged() {
      applyLimits({ type: 'config-changed', config: deps.settings().limits });
      recordCaps();
      pushIfChanged();
    },
    snapshot: () => ({ breaks, limits }),
  };
}
