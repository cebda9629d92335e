/**
 * Personal limits, the pure core: the investigator's own daily and weekly caps on
 * exposure, unfiltered and audio time, driven by counted exposure time (never by the
 * wall clock or input). The main side steps it; the UI reads its view. One import for callers.
 */
export { ALL_CAPS, LIMIT_PERIODS, LIMIT_QUANTITIES, LimitPeriodSchema, LimitQuantitySchema } from './cap-keys.js';
export type { CapId, LimitPeriod, LimitQuantity, PerQuantity } from './cap-keys.js';
export {
  DEFAULT_LIMITS_CONFIG,
  LimitsConfigSchema,
  MAX_DAY_CAP_MIN,
  MAX_EXTENSION_MIN,
  MAX_WARNING_THRESHOLDS,
  MAX_WEEK_CAP_MIN,
  MIN_CAP_MIN,
  MIN_EXTENSION_MIN,
  QuantityCapsSchema,
  baseCapMs,
} from './limits-config.js';
export type { LimitsConfig, QuantityCaps } from './limits-config.js';
export {
  LIMIT_RECORD_VERSION,
  LimitOverrideRecordSchema,
  LimitReachedRecordSchema,
  LimitRecordSchema,
  LimitWarningRecordSchema,
  MAX_OVERRIDE_REASON_CHARS,
  MIN_OVERRIDE_REASON_CHARS,
} from './limit-records.js';
export type { LimitOverrideRecord, LimitReachedRecord, LimitRecord, LimitWarningRecord } from './limit-records.js';
export { LIMITS_STATE_VERSION, LimitsStateSchema } from './limits-state.js';
export type { CapProgress, LimitsState, PeriodState } from './limits-state.js';
export type { LimitUsage, LimitsEvent, LimitsRejection, LimitsStep, LimitsStepConfig } from './limits-types.js';
export { CapViewSchema, LimitsViewSchema } from './limits-view-schema.js';
export type { CapView, LimitsView } from './limits-view-schema.js';
export { initialLimitsState, stepLimits } from './limits-machine.js';
export { restoreLimitsState, seedLimitsState } from './limits-restore.js';
export type { LimitsRestoreOutcome } from './limits-restore.js';
export { limitsView } from './limits-view.js';
