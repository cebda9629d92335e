import { VeilRequestError } from '../../../shared/contract-errors.js';
import { dayKey } from '../../../shared/exposure/day-boundaries.js';
import type { MyExposure } from '../../../shared/exposure/exposure-summary.js';
import { LEDGER_RECORD_VERSION, type LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import { buildMyExposure, myExposureFirstDayKey } from '../../../shared/exposure/my-exposure.js';
import { NO_ITEM_VIEW, stepItemView, viewerItemOf } from '../../../shared/exposure/item-view-timer.js';
import { initialTrackerState, stepTracker, type PowerState, type TrackerEvent, type TrackerState } from '../../../shared/exposure/tracker.js';
import type { VisibilityReport } from '../../../shared/exposure/visibility-report.js';
import { weekStartsOnFor } from '../../../shared/exposure/week-start.js';
import { DEFAULT_FLUSH_INTERVAL_MS, type Ledger, type LedgerSchedule } from '../ledger/ledger.js';
import type { SettingsService } from '../settings/settings-service.js';
import { createCountedTimeMeter, type CountedTime } from '../wellbeing/counted-time.js';

/** How often idleness is looked for when nothing else happens. */
const TICK_INTERVAL_MS = 1000;
/** The open record is closed and written at least this often: the most a crash can lose. */
export const FLUSH_INTERVAL_MS = DEFAULT_FLUSH_INTERVAL_MS;
/** Ticks come every second; this much silence means the process was frozen (an unannounced sleep). */
const MAX_SILENCE_MS = 30_000;

export interface ExposureServiceDeps {
  ledger: Ledger;
  settings: SettingsService;
  /** The main side's monotonic clock, epoch ms. */
  nowMs: () => number;
  timeZone: string;
  systemLocale: string;
  /** True when the item is in the open case: reports naming anything else are refused. */
  isOpenCaseItem: (caseId: string, itemId: string) => boolean;
  schedule: LedgerSchedule;
}

/** Counted time since the previous accepted step, and whether exposure is counting now. */
export type CountedListener = (time: CountedTime, counting: boolean) => void;

export interface ExposureService {
  /** Stamps a visibility report with the main side's clock; refuses unknown items and stale reports. */
  report(report: VisibilityReport): { counting: boolean };
  activity(): void;
  /**
   * The renderer is gone (crashed, reloaded, tab closed): what it last reported is no
   * longer on screen, so nothing it showed may go on counting.
   */
  rendererGone(): void;
  /** Window shown/restored or minimised/hidden/closed (Electron); flushes when media leaves the screen. */
  windowShown(shown: boolean): Promise<void>;
  /** Lock, unlock, suspend, resume; flushes before the machine locks or sleeps. */
  power(state: PowerState): Promise<void>;
  myExposure(): Promise<MyExposure>;
  /** Called after every accepted step (breaks and limits run on it); returns the unsubscribe function. */
  onCounted(listener: CountedListener): () => void;
  /** Closes the open record and the ledger (on quit). */
  close(): Promise<void>;
}

/**
 * Drives the pure tracker (shared/exposure/tracker.ts) with the main side's clock and
 * sends what it closes to the day journal. The renderer only reports what is visible;
 * every duration is measured here.
 */
export function createExposureService(deps: ExposureServiceDeps): ExposureService {
  const { ledger, settings, nowMs, schedule } = deps;
  let state: TrackerState = initialTrackerState(nowMs());

  const meter = createCountedTimeMeter();
  const countedListeners = new Set<CountedListener>();
  let itemView = NO_ITEM_VIEW;
  /** What the viewer shows after an event: a report says; the renderer going or quitting closes it. */
  const viewerAfter = (event: TrackerEvent, rendererGone: boolean): string | null | undefined => {
    if (rendererGone || event.type === 'shutdown') return null;
    return event.type === 'visibility' ? viewerItemOf(event.report) : undefined;
  };
  const apply = (event: TrackerEvent, rendererGone = false): ReturnType<typeof stepTracker> => {
    const atMs = nowMs();
    const step = stepTracker(state, event, atMs, { idleAfterMs: settings.get().idleAfterMin * 60_000, maxSilenceMs: MAX_SILENCE_MS });
    if (step.rejected === null) {
      state = step.state;
      const counted = meter.since(step.records, state, atMs);
      const viewed = stepItemView(itemView, { countedMs: counted.countedMs, viewer: viewerAfter(event, rendererGone) }, atMs);
      itemView = viewed.state;
      const records = viewed.record === null ? step.records : [...step.records, viewed.record];
      if (records.length > 0) ledger.add(records);
      for (const listener of countedListeners) listener(counted, step.counting);
    }
    return step;
  };
  const flush = async (): Promise<void> => {
    apply({ type: 'flush' });
    await ledger.flushNow();
  };

  const tick = schedule.setInterval(() => apply({ type: 'tick' }), TICK_INTERVAL_MS);
  // A failed flush keeps its records buffered for the next one; say so rather than stay silent.
  const flusher = schedule.setInterval(() => void flush().catch((error: unknown) => console.error('exposure flush failed', error)), FLUSH_INTERVAL_MS);

  /** The open record up to now, so the view is current without writing anything. */
  const openPart = (atMs: number): LedgerRecord[] => {
    const open = state.open;
    if (!open || atMs <= open.startMs) return [];
    return [{ v: LEDGER_RECORD_VERSION, type: 'exposure', startMs: open.startMs, endMs: Math.floor(atMs), ...open.exposure }];
  };

  return {
    report(report) {
      const unknown = report.surfaces.flatMap((surface) => surface.itemIds).find((id) => !deps.isOpenCaseItem(report.caseId, id));
      if (unknown !== undefined) throw new VeilRequestError('invalid-arguments', `reportVisibility: ${unknown} is not an item of the open case`);
      const step = apply({ type: 'visibility', report });
      if (step.rejected !== null) throw new VeilRequestError('invalid-arguments', `reportVisibility: ${step.rejected}`);
      return { counting: step.counting };
    },
    activity() {
      apply({ type: 'activity' });
    },
    rendererGone() {
      const seq = (state.lastSeq ?? 0) + 1;
      apply({ type: 'visibility', report: { caseId: 'renderer-gone', seq, pageVisible: false, surfaces: [], video: null } }, true);
    },
    async windowShown(shown) {
      apply({ type: 'window', shown });
      if (!shown) await ledger.flushNow();
    },
    async power(powerState) {
      apply({ type: 'power', state: powerState });
      if (powerState === 'locked' || powerState === 'suspended') await ledger.flushNow();
    },
    async myExposure() {
      const atMs = nowMs();
      const weekStartsOn = weekStartsOnFor(settings.get(), deps.systemLocale);
      const first = myExposureFirstDayKey(atMs, deps.timeZone, weekStartsOn);
      const records = await ledger.readDays(first, dayKey(atMs, deps.timeZone));
      return buildMyExposure([...records, ...openPart(atMs)], { nowMs: atMs, timeZone: deps.timeZone, weekStartsOn });
    },
    onCounted(listener) {
      countedListeners.add(listener);
      return () => countedListeners.delete(listener);
    },
    async close() {
      schedule.clearInterval(tick);
      schedule.clearInterval(flusher);
      apply({ type: 'shutdown' });
      await ledger.close();
    },
  };
}
