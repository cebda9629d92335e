import { weekStartsOnFor } from '../../../shared/exposure/week-start.js';
import type { Notice } from '../../../shared/notices.js';
import { pushWhenShownChanges } from '../../../shared/wellbeing/shown-wellbeing.js';
import type { EventHub } from '../event-hub.js';
import type { ExposureService } from '../exposure/exposure-service.js';
import type { Ledger } from '../ledger/ledger.js';
import type { SettingsService } from '../settings/settings-service.js';
import { watchSetting } from '../settings/watch-setting.js';
import { wellbeingStateFile } from './state-file.js';
import { createWellbeingService, type WellbeingService } from './wellbeing-service.js';

export interface WellbeingRuntimeDeps {
  dataDir: string;
  settings: SettingsService;
  exposure: ExposureService;
  ledger: Ledger;
  hub: EventHub;
  nowMs: () => number;
  timeZone: string;
  systemLocale: string;
  /** How often the break and limit state is saved (ms); a crash loses at most this much of it. */
  saveIntervalMs: number;
}

export interface WellbeingRuntime {
  service: WellbeingService;
  /** A damaged state file kept aside at start-up, for the user to be told. */
  notices(): Notice[];
  /** Stops listening and saves the state one last time (after the exposure service closed). */
  close(): Promise<void>;
}

/**
 * Breaks and limits as a running part of Veil: restored from their state file, fed by the
 * exposure service's counted time, told when the limits setting changes, saved every
 * `saveIntervalMs` and at close.
 */
export async function startWellbeing(deps: WellbeingRuntimeDeps): Promise<WellbeingRuntime> {
  const { settings, exposure, ledger, hub } = deps;
  const stateFile = wellbeingStateFile(deps.dataDir);
  const service = await createWellbeingService({
    settings: () => settings.get(),
    nowMs: deps.nowMs,
    timeZone: deps.timeZone,
    weekStartsOn: () => weekStartsOnFor(settings.get(), deps.systemLocale),
    record: (records) => ledger.add(records),
    // Views that differ only in figures nobody shows are not pushed, so the page can rest.
    onChange: pushWhenShownChanges((view) => hub.emit('wellbeingChanged', view)),
    saved: await stateFile.read(),
    usageFromLedger: async () => {
      const figures = await exposure.myExposure();
      const usage = (totals: { exposureMs: number; unfilteredMs: number; audioMs: number }) => ({
        exposure: totals.exposureMs,
        unfiltered: totals.unfilteredMs,
        audio: totals.audioMs,
      });
      return { day: usage(figures.today), week: usage(figures.thisWeek.totals) };
    },
  });
  const unsubscribeCounted = exposure.onCounted((time, counting) => service.counted(time, counting));
  const unsubscribeLimits = watchSetting(
    settings,
    (current) => current.limits,
    () => service.limitsChanged(),
  );
  const save = (): Promise<void> => stateFile.write(service.snapshot()).catch((error: unknown) => console.error('saving break state', error));
  const saver = setInterval(() => void save(), deps.saveIntervalMs);

  return {
    service,
    notices: () => stateFile.keptAside.map((kept) => ({ code: 'wellbeing-state-reset', detail: kept.detail, keptAs: kept.keptAs })),
    async close() {
      unsubscribeCounted();
      unsubscribeLimits();
      clearInterval(saver);
      await save();
    },
  };
}
