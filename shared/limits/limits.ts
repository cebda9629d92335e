/**
 * Personal limits, the pure core: the investigator's own daily and weekly caps on
 * exposure, unfiltered and audio time, driven by counted exposure time (never by the
 * wall clock or input). The main side steps it; the UI reads its view. One import for callers.
 */
export { LimitsStateSchema } from './limits-state.js';
export type { LimitsState } from './limits-state.js';
export type { LimitUsage, LimitsEvent } from './limits-types.js';
export { stepLimits } from './limits-machine.js';
export { restoreLimitsState, seedLimitsState } from './limits-restore.js';
export { limitsView } from './limits-view.js';
