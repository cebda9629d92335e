import type { TimeRejection } from '../time/time-guard.js';
import type { ExposureClass } from './classify.js';
import type { LedgerRecord } from './ledger-record.js';
import type { RevealMode, VisibilityReport } from './visibility-report.js';

/** OS power and session signals, as the main side hears them (Electron's powerMonitor). */
export type PowerState = 'locked' | 'unlocked' | 'suspended' | 'resumed';

/** Everything that can change what is counted. Times come separately, from the main side's clock. */
export type TrackerEvent =
  | { type: 'visibility'; report: VisibilityReport }
  /** Keyboard, pointer or touch input in a Veil window. */
  | { type: 'activity' }
  /** The window was shown/restored (true) or minimised/hidden/closed (false). */
  | { type: 'window'; shown: boolean }
  | { type: 'power'; state: PowerState }
  /** Periodic (~1 s): lets idleness be noticed when nothing else happens. */
  | { type: 'tick' }
  /** Close the open record now and reopen it, so a crash loses at most one flush interval. */
  | { type: 'flush' }
  /** The app is quitting: close the open record. The tracker refuses everything afterwards. */
  | { type: 'shutdown' };

export interface TrackerConfig {
  /** No input for this long, with no video playing, means the user has gone (setting idleAfterMin × 60 000). */
  idleAfterMs: number;
  /**
   * The service ticks every second; a silence longer than this means the process was
   * frozen (a sleep nobody announced, a suspended VM). That gap is never counted: the
   * open record ends at the last event seen. Omit to trust every gap.
   */
  maxSilenceMs?: number;
}

/** Why an event was refused; a refused event changes nothing. */
export type TrackerRejection = TimeRejection | 'stale-report' | 'after-shutdown';

/** The record being written: started at startMs, not yet closed. */
interface OpenExposure {
  startMs: number;
  exposure: ExposureClass;
}

/**
 * Everything the tracker knows, as plain JSON-compatible data (no class instances, no
 * Dates, no item or case ids), so the service can hold it and tests can inspect it.
 */
export interface TrackerState {
  /** When the tracker was created (epoch ms); no record starts before it. */
  startedAtMs: number;
  /** Time of the last accepted event (epoch ms, whole ms); earlier events are refused. */
  lastEventAtMs: number;
  /** Seq of the last accepted visibility report, null before the first. */
  lastSeq: number | null;
  /** What the last report showed, classified; null when it showed nothing countable. */
  shown: ExposureClass | null;
  /** The reveal mode the last report showed, to count each start of a reveal once. */
  revealMode: RevealMode;
  /** The viewer's video is playing: that counts as presence without input. */
  videoPlaying: boolean;
  windowShown: boolean;
  locked: boolean;
  suspended: boolean;
  /** Last moment the user was known to be there (input, a playing video, or start-up). */
  lastPresenceAtMs: number;
  open: OpenExposure | null;
  shutDown: boolean;
}

export interface TrackerStep {
  state: TrackerState;
  /** Records to append to the journal, in time order. Empty for most events. */
  records: LedgerRecord[];
  rejected: TrackerRejection | null;
  /** Exposure is being counted after this step (what reportVisibility answers). */
  counting: boolean;
}
