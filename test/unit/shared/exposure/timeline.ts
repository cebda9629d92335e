import type { ExposureRecord } from '../../../../shared/exposure/ledger-record.js';
import {
  initialTrackerState,
  stepTracker,
  type TrackerConfig,
  type TrackerEvent,
  type TrackerState,
  type TrackerStep,
} from '../../../../shared/exposure/tracker.js';
import type { LedgerRecord } from '../../../../shared/exposure/ledger-record.js';
import type { ShownFilter, Surface, VisibilityReport } from '../../../../shared/exposure/visibility-report.js';
import { sumTotals } from '../../../../shared/exposure/totals.js';
import type { ExposureTotals } from '../../../../shared/exposure/exposure-summary.js';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Tuesday 14 May 2024, 09:00 in Toronto (13:00 UTC): an ordinary working morning. */
export const T0 = Date.UTC(2024, 4, 14, 13, 0, 0);

/** A grey, strongly blurred viewer record from `startMs` to `endMs` (absolute epoch ms), with any field changed. */
export function exposureRecord(startMs: number, endMs: number, changes: Partial<ExposureRecord> = {}): ExposureRecord {
  return { v: 1, type: 'exposure', startMs, endMs, surface: 'viewer', greyscale: true, blur: 'strong', reveal: 'none', audio: false, ...changes };
}

const GREY_STRONG: ShownFilter = { greyscale: true, blur: 'strong', reveal: 'none' };

interface ReportOptions {
  pageVisible?: boolean;
  video?: { playing: boolean; audible: boolean } | null;
}

/** A visibility report listing the given surfaces (filters default to grey, strong blur). */
export function report(seq: number, surfaces: Partial<Record<Surface, Partial<ShownFilter>>>, options: ReportOptions = {}): VisibilityReport {
  return {
    caseId: 'case-0001',
    seq,
    pageVisible: options.pageVisible ?? true,
    surfaces: Object.entries(surfaces).map(([surface, filter]) => ({
      surface: surface as Surface,
      itemIds: ['item-0001'],
      filter: { ...GREY_STRONG, ...filter },
    })),
    video: options.video ?? null,
  };
}

/**
 * A scripted timeline: events at explicit times (ms after `startMs`), no clock at all.
 * Keeps every step so tests can look at what each event produced.
 */
export class Timeline {
  state: TrackerState;
  readonly records: LedgerRecord[] = [];
  readonly steps: TrackerStep[] = [];
  private seq = 0;

  constructor(
    readonly startMs: number = T0,
    readonly config: TrackerConfig = { idleAfterMs: 5 * MINUTE },
  ) {
    this.state = initialTrackerState(startMs);
  }

  at(offsetMs: number, event: TrackerEvent): TrackerStep {
    const step = stepTracker(this.state, event, this.startMs + offsetMs, this.config);
    this.state = step.state;
    this.records.push(...step.records);
    this.steps.push(step);
    return step;
  }

  /** Reports what is on screen, with the next seq. */
  show(offsetMs: number, surfaces: Partial<Record<Surface, Partial<ShownFilter>>>, options: ReportOptions = {}): TrackerStep {
    this.seq += 1;
    return this.at(offsetMs, { type: 'visibility', report: report(this.seq, surfaces, options) });
  }

  /** Input every `everyMs` from `fromMs` to `toMs` (inclusive), as a user at work produces it. */
  activeBetween(fromMs: number, toMs: number, everyMs: number = 30 * SECOND): void {
    for (let t = fromMs; t <= toMs; t += everyMs) this.at(t, { type: 'activity' });
  }

  totals(): ExposureTotals {
    return sumTotals(this.records);
  }
}
