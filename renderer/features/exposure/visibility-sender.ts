import type { VisibilityReport } from '../../../shared/exposure/visibility-report.js';
import type { VisibilityReportBody } from './screen-state';

/** At most one report per this interval (~10 per second). */
export const MIN_REPORT_INTERVAL_MS = 100;
/**
 * A hidden or minimised page gets no animation frames, and the report that says so must
 * still go out: a timer stands in for the frame if none has come by then.
 */
export const FRAME_FALLBACK_MS = 100;
/** After a failed send, the state is sent again after this long, doubling up to the maximum. */
export const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export interface VisibilitySenderOptions {
  /** The report for the state now, or null when there is nothing to report against. */
  build: () => VisibilityReportBody | null;
  send: (report: VisibilityReport) => Promise<{ counting: boolean }>;
  /** The main side's latest answer: whether exposure is being counted. */
  onCounting?: (counting: boolean) => void;
  onFailed?: (error: unknown) => void;
  /** Milliseconds from any monotonic origin. */
  nowMs?: () => number;
  /**
   * The first sequence number. Defaults to the wall clock in ms, so a reloaded renderer
   * starts above anything its previous life sent (it sends far fewer than 1,000 a second).
   */
  firstSeq?: number;
}

/**
 * Sends what is on screen whenever it changes: changes within one animation frame are
 * coalesced, reports are spaced at least MIN_REPORT_INTERVAL_MS apart, the state is read
 * when the report is built (so the latest always goes), an unchanged state is not sent
 * again, and every report carries a larger `seq` than the one before.
 */
export class VisibilitySender {
  private readonly nowMs: () => number;
  private nextSeq: number;
  private frame: number | null = null;
  private frameFallback: number | null = null;
  private waitTimer: number | null = null;
  private retryTimer: number | null = null;
  private lastSentAtMs: number | null = null;
  private lastSentKey: string | null = null;
  private lastAnsweredSeq = -1;
  private retryDelayMs = RETRY_FIRST_MS;
  private disposed = false;

  constructor(private readonly options: VisibilitySenderOptions) {
    this.nowMs = options.nowMs ?? (() => performance.now());
    this.nextSeq = Math.max(0, Math.floor(options.firstSeq ?? Date.now()));
  }

  /** Something on screen may have changed; a report follows within a frame (or the throttle). */
  readonly schedule = (): void => {
    if (this.disposed || this.frame !== null || this.frameFallback !== null || this.waitTimer !== null) return;
    this.frame = window.requestAnimationFrame(this.onFrame);
    this.frameFallback = window.setTimeout(this.onFrame, FRAME_FALLBACK_MS);
  };

  dispose(): void {
    this.disposed = true;
    this.cancelFrame();
    if (this.waitTimer !== null) window.clearTimeout(this.waitTimer);
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.waitTimer = null;
    this.retryTimer = null;
  }

  private readonly onFrame = (): void => {
    this.cancelFrame();
    // Clamped: whatever the clock does (a jump back), a report never waits more than one interval.
    const waitMs = this.lastSentAtMs === null ? 0 : Math.min(MIN_REPORT_INTERVAL_MS, this.lastSentAtMs + MIN_REPORT_INTERVAL_MS - this.nowMs());
    if (waitMs > 0) this.waitTimer = window.setTimeout(this.flush, waitMs);
    else this.flush();
  };

  private readonly flush = (): void => {
    this.waitTimer = null;
    if (this.disposed) return;
    const body = this.options.build();
    if (!body) return;
    const key = JSON.stringify(body);
    if (key === this.lastSentKey) return;
    this.lastSentKey = key;
    this.lastSentAtMs = this.nowMs();
    const seq = this.nextSeq;
    this.nextSeq += 1;
    this.options.send({ ...body, seq }).then(
      ({ counting }) => {
        this.retryDelayMs = RETRY_FIRST_MS;
        // Replies can overtake each other (HTTP); only the newest report's answer stands.
        if (seq <= this.lastAnsweredSeq) return;
        this.lastAnsweredSeq = seq;
        this.options.onCounting?.(counting);
      },
      (error: unknown) => this.onSendFailed(key, error),
    );
  };

  private onSendFailed(key: string, error: unknown): void {
    if (this.disposed) return;
    if (this.retryDelayMs === RETRY_FIRST_MS) this.options.onFailed?.(error);
    // Forget what was sent so the same state goes again; a newer state may already have.
    if (this.lastSentKey === key) this.lastSentKey = null;
    if (this.retryTimer !== null) return;
    const delayMs = this.retryDelayMs;
    this.retryDelayMs = Math.min(RETRY_MAX_MS, this.retryDelayMs * 2);
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delayMs);
  }

  private cancelFrame(): void {
    if (this.frame !== null) window.cancelAnimationFrame(this.frame);
    if (this.frameFallback !== null) window.clearTimeout(this.frameFallback);
    this.frame = null;
    this.frameFallback = null;
  }
}
