import { classifyReport, reportedRevealMode, sameClass, type ExposureClass } from './classify.js';
import { LEDGER_RECORD_VERSION, type ExposureRecord, type LedgerRecord } from './ledger-record.js';
import type { TrackerConfig, TrackerEvent, TrackerRejection, TrackerState, TrackerStep } from './tracker-types.js';
import { checkEventTime, startTimeMs } from '../time/time-guard.js';

export type { PowerState, TrackerConfig, TrackerEvent, TrackerState, TrackerStep } from './tracker-types.js';

/**
 * A tracker that has just started at `nowMs` (epoch ms from the main side's monotonic
 * clock): nothing reported yet, so nothing counts. The window is assumed shown and the
 * user present (they just started Veil); send a window event if that is not so.
 * Throws RangeError for a time that is not a non-negative finite number of ms.
 */
export function initialTrackerState(nowMs: number): TrackerState {
  const atMs = startTimeMs(nowMs);
  return {
    startedAtMs: atMs,
    lastEventAtMs: atMs,
    lastSeq: null,
    shown: null,
    revealMode: 'none',
    videoPlaying: false,
    windowShown: true,
    locked: false,
    suspended: false,
    lastPresenceAtMs: atMs,
    open: null,
    shutDown: false,
  };
}

/**
 * Applies one event at `nowMs` (epoch ms, main side's monotonic clock; fractions are
 * truncated to whole ms because records hold whole ms). Returns the new state, the
 * records to append (closed exposure records and reveal starts, in time order), whether
 * the event was refused and why, and whether exposure is counting afterwards.
 *
 * Exposure counts iff the window is shown, the screen unlocked, the system awake, the
 * user present, and the last report shows media on a visible page. A change of class
 * or of that condition closes the open record at now; idleness closes it at the moment
 * idleness began (last presence + idleAfterMs), however late it is noticed.
 * Refused events (bad or earlier time, stale seq, after shutdown) return `state` unchanged.
 */
export function stepTracker(state: TrackerState, event: TrackerEvent, nowMs: number, config: TrackerConfig): TrackerStep {
  const checked = refusal(state, event, nowMs);
  if (!checked.ok) return { state, records: [], rejected: checked.rejected, counting: state.open !== null };

  const { atMs } = checked;
  const idleAfterMs = Math.max(1, Math.floor(config.idleAfterMs));
  const records: LedgerRecord[] = [];
  let next: TrackerState = { ...state, lastEventAtMs: atMs };

  // A frozen process saw nothing: what happened in the gap is unknown, so it is not counted.
  const silenceMs = atMs - state.lastEventAtMs;
  if (next.open !== null && config.maxSilenceMs !== undefined && silenceMs > config.maxSilenceMs) {
    pushClosed(records, next.open.startMs, Math.max(next.open.startMs, state.lastEventAtMs), next.open.exposure);
    next.open = null;
    next.lastPresenceAtMs = Math.max(next.lastPresenceAtMs, state.lastEventAtMs);
  }

  // A video that was playing up to now kept the user present up to now.
  if (next.videoPlaying) next.lastPresenceAtMs = atMs;

  // Idleness noticed now began earlier: count only up to the moment it began.
  const idleSinceMs = next.lastPresenceAtMs + idleAfterMs;
  if (next.open !== null && !next.videoPlaying && idleSinceMs <= atMs) {
    pushClosed(records, next.open.startMs, Math.max(next.open.startMs, idleSinceMs), next.open.exposure);
    next.open = null;
  }

  const applied = applyEvent(next, event, atMs);
  next = applied.state;

  const wanted = countedClass(next, atMs, idleAfterMs);
  const forceClose = event.type === 'flush' || event.type === 'shutdown';
  if (next.open !== null && (forceClose || wanted === null || !sameClass(next.open.exposure, wanted))) {
    const closedAtZero = next.open.startMs === atMs;
    pushClosed(records, next.open.startMs, atMs, next.open.exposure);
    // A flush of a record opened this very millisecond has nothing to write: keep it open.
    next.open = closedAtZero && wanted !== null && sameClass(next.open.exposure, wanted) ? next.open : null;
  }
  if (next.open === null && wanted !== null) next.open = { startMs: atMs, exposure: wanted };

  if (applied.revealStarted !== null) {
    records.push({ v: LEDGER_RECORD_VERSION, type: 'reveal', atMs, mode: applied.revealStarted });
  }
  return { state: next, records, rejected: null, counting: next.open !== null };
}

function refusal(state: TrackerState, event: TrackerEvent, nowMs: number): { ok: true; atMs: number } | { ok: false; rejected: TrackerRejection } {
  if (state.shutDown) return { ok: false, rejected: 'after-shutdown' };
  const time = checkEventTime(nowMs, state.lastEventAtMs);
  if (!time.ok) return time;
  if (event.type === 'visibility' && state.lastSeq !== null && event.report.seq <= state.lastSeq) return { ok: false, rejected: 'stale-report' };
  return time;
}

interface Applied {
  state: TrackerState;
  revealStarted: 'spotlight' | 'whole' | null;
}

function applyEvent(state: TrackerState, event: TrackerEvent, atMs: number): Applied {
  switch (event.type) {
    case 'visibility': {
      const revealMode = reportedRevealMode(event.report);
      const revealStarted = revealMode !== 'none' && revealMode !== state.revealMode ? revealMode : null;
      return {
        state: {
          ...state,
          lastSeq: event.report.seq,
          shown: classifyReport(event.report),
          revealMode,
          videoPlaying: event.report.video?.playing ?? false,
        },
        revealStarted,
      };
    }
    case 'activity':
      return { state: { ...state, lastPresenceAtMs: atMs }, revealStarted: null };
    case 'window':
      return { state: { ...state, windowShown: event.shown }, revealStarted: null };
    case 'power':
      return { state: applyPower(state, event.state), revealStarted: null };
    case 'shutdown':
      return { state: { ...state, shutDown: true }, revealStarted: null };
    case 'tick':
    case 'flush':
      return { state, revealStarted: null };
  }
}

function applyPower(state: TrackerState, power: 'locked' | 'unlocked' | 'suspended' | 'resumed'): TrackerState {
  switch (power) {
    case 'locked':
      return { ...state, locked: true };
    case 'unlocked':
      return { ...state, locked: false };
    case 'suspended':
      return { ...state, suspended: true };
    case 'resumed':
      return { ...state, suspended: false };
  }
}

/** The class that should be counting at `atMs`, or null when nothing counts. */
function countedClass(state: TrackerState, atMs: number, idleAfterMs: number): ExposureClass | null {
  if (state.shutDown || !state.windowShown || state.locked || state.suspended) return null;
  const idle = !state.videoPlaying && state.lastPresenceAtMs + idleAfterMs <= atMs;
  return idle ? null : state.shown;
}

function pushClosed(records: LedgerRecord[], startMs: number, endMs: number, exposure: ExposureClass): void {
  if (endMs <= startMs) return;
  const record: ExposureRecord = { v: LEDGER_RECORD_VERSION, type: 'exposure', startMs, endMs, ...exposure };
  records.push(record);
}
