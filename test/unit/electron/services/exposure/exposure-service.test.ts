import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { sumTotals } from '../../../../../shared/exposure/totals.js';
import type { VisibilityReport } from '../../../../../shared/exposure/visibility-report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import { createExposureService, FLUSH_INTERVAL_MS } from '../../../../../electron/services/exposure/exposure-service.js';
import { systemSchedule, type Ledger } from '../../../../../electron/services/ledger/ledger.js';
import type { SettingsService } from '../../../../../electron/services/settings/settings-service.js';

const CASE_ID = 'case-0000001';
const ITEM_ID = 'item-000000001';
const START_MS = Date.UTC(2026, 10, 25, 15, 0, 0);

/** An in-memory ledger: what was added, and what a flush made durable. */
function memoryLedger() {
  const added: LedgerRecord[] = [];
  let durable = 0;
  const ledger: Ledger = {
    add: (records) => void added.push(...records),
    flushNow: async () => {
      durable = added.length;
    },
    readDays: async () => [...added],
    notices: [],
    onNotice: () => () => undefined,
    setRetentionDays: async () => undefined,
    close: async () => {
      durable = added.length;
    },
  };
  return { ledger, added, durableCount: () => durable };
}

function settingsWith(current: Settings): SettingsService {
  return { get: () => current, update: () => current, onChange: () => () => undefined, notices: [] };
}

const settings = settingsWith(DEFAULT_SETTINGS);

function viewerReport(seq: number, overrides: Partial<VisibilityReport> = {}): VisibilityReport {
  return {
    caseId: CASE_ID,
    seq,
    pageVisible: true,
    surfaces: [{ surface: 'viewer', itemIds: [ITEM_ID], filter: { greyscale: true, blur: 'strong', reveal: 'none' } }],
    video: null,
    ...overrides,
  };
}

describe('exposure service', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START_MS);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (serviceSettings: SettingsService = settings) => {
    const memory = memoryLedger();
    const service = createExposureService({
      ledger: memory.ledger,
      settings: serviceSettings,
      nowMs: () => Date.now(),
      timeZone: 'America/Toronto',
      systemLocale: 'en-CA',
      isOpenCaseItem: (caseId, itemId) => caseId === CASE_ID && itemId === ITEM_ID,
      schedule: systemSchedule,
    });
    return { ...memory, service };
  };

  it('measures what the renderer reports with its own clock and writes it at every flush', async () => {
    const { service, added, durableCount } = start();
    expect(service.report(viewerReport(1))).toEqual({ counting: true });
    await vi.advanceTimersByTimeAsync(FLUSH_INTERVAL_MS);
    expect(sumTotals(added).exposureMs).toBe(FLUSH_INTERVAL_MS);
    expect(durableCount()).toBe(added.length);
    await vi.advanceTimersByTimeAsync(2500);
    // Between flushes, My exposure still shows the time so far.
    expect((await service.myExposure()).today.exposureMs).toBe(FLUSH_INTERVAL_MS + 2500);
    await service.close();
    expect(sumTotals(added).exposureMs).toBe(FLUSH_INTERVAL_MS + 2500);
  });

  it('writes how long each item stayed in the viewer, naming none, and takes the median of those views for the estimate', async () => {
    const memory = memoryLedger();
    const items = new Set([ITEM_ID, 'item-000000002']);
    const service = createExposureService({
      ledger: memory.ledger,
      settings,
      nowMs: () => Date.now(),
      timeZone: 'America/Toronto',
      systemLocale: 'en-CA',
      isOpenCaseItem: (caseId, itemId) => caseId === CASE_ID && items.has(itemId),
      schedule: systemSchedule,
    });
    const grid = { surface: 'grid' as const, itemIds: [ITEM_ID], filter: { greyscale: true, blur: 'strong' as const, reveal: 'none' as const } };
    service.report(viewerReport(1, { surfaces: [grid] }));
    await vi.advanceTimersByTimeAsync(30_000); // thumbnails only: not a view
    service.report(viewerReport(2));
    await vi.advanceTimersByTimeAsync(8_000);
    service.report(viewerReport(3, { surfaces: [] })); // Hide all: still the same view, not counted while hidden
    await vi.advanceTimersByTimeAsync(60_000);
    service.report(viewerReport(4));
    await vi.advanceTimersByTimeAsync(2_000);
    service.report(viewerReport(5, { surfaces: [{ ...grid, surface: 'viewer', itemIds: ['item-000000002'] }] }));
    await vi.advanceTimersByTimeAsync(20_000);
    service.rendererGone();
    const views = memory.added.filter((record) => record.type === 'item-view');
    expect(views.map((record) => record.durationMs)).toEqual([10_000, 20_000]);
    expect((await service.myExposure()).avoided).toMatchObject({ medianViewMs: 15_000, viewedItems: 2 });
    await service.close();
    expect(JSON.stringify(memory.added)).not.toMatch(/item-0|case-0/);
  });

  it("starts My exposure's weeks on the day the week-start setting names, else as the language has it", async () => {
    // 25 November 2026 is a Wednesday; Canadian English and French both start weeks on Sunday.
    const byLanguage = await start().service.myExposure();
    expect([byLanguage.weekStartsOn, byLanguage.thisWeek.totals.weekStart]).toEqual([0, '2026-11-22']);
    const french = await start(settingsWith({ ...DEFAULT_SETTINGS, language: 'fr-CA' })).service.myExposure();
    expect(french.weekStartsOn).toBe(0);
    const monday = await start(settingsWith({ ...DEFAULT_SETTINGS, weekStart: 'monday' })).service.myExposure();
    expect([monday.weekStartsOn, monday.thisWeek.totals.weekStart, monday.thisWeek.days[0]?.day]).toEqual([1, '2026-11-23', '2026-11-23']);
  });

  it('refuses a report naming an item outside the open case, or arriving out of order, and keeps counting right', async () => {
    const { service, added } = start();
    service.report(viewerReport(5));
    expect(() => service.report(viewerReport(6, { caseId: 'case-0000002' }))).toThrow(/not an item of the open case/);
    expect(() => service.report(viewerReport(4, { surfaces: [] }))).toThrow(/stale-report/);
    await vi.advanceTimersByTimeAsync(3000);
    await service.close();
    expect(sumTotals(added).exposureMs).toBe(3000);
  });

  it('stops counting and writes at once when the window is minimised, the screen locked or the system suspended', async () => {
    const { service, added, durableCount } = start();
    service.report(viewerReport(1));
    await vi.advanceTimersByTimeAsync(1000);
    await service.windowShown(false);
    expect(durableCount()).toBe(added.length);
    await vi.advanceTimersByTimeAsync(5000);
    await service.windowShown(true);
    await vi.advanceTimersByTimeAsync(1000);
    await service.power('locked');
    expect(durableCount()).toBe(added.length);
    await vi.advanceTimersByTimeAsync(60_000);
    await service.power('unlocked');
    await vi.advanceTimersByTimeAsync(1000);
    await service.close();
    expect(sumTotals(added).exposureMs).toBe(3000);
  });

  it('stops counting what a renderer showed once that renderer is gone, and counts a new one', async () => {
    const { service, added } = start();
    service.report(viewerReport(Date.UTC(2026, 0, 1)));
    await vi.advanceTimersByTimeAsync(4000);
    service.rendererGone();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sumTotals(added).exposureMs).toBe(4000);
    // A reloaded page numbers its reports from its own start time, which is later.
    service.report(viewerReport(Date.UTC(2026, 0, 2)));
    await vi.advanceTimersByTimeAsync(1000);
    await service.close();
    expect(sumTotals(added).exposureMs).toBe(5000);
  });

  it('stops counting after the idle time set by the user when nobody touches anything', async () => {
    const { service, added } = start();
    service.report(viewerReport(1));
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.idleAfterMin * 60_000 + 30_000);
    expect(sumTotals(added).exposureMs).toBe(DEFAULT_SETTINGS.idleAfterMin * 60_000);
    service.activity();
    await vi.advanceTimersByTimeAsync(1000);
    await service.close();
    expect(sumTotals(added).exposureMs).toBe(DEFAULT_SETTINGS.idleAfterMin * 60_000 + 1000);
  });

  it('tells every subscriber the time it counted, until they unsubscribe', async () => {
    const { service } = start();
    const first: number[] = [];
    const second: number[] = [];
    service.onCounted((time) => first.push(time.countedMs));
    const stopSecond = service.onCounted((time) => second.push(time.countedMs));
    service.report(viewerReport(1));
    await vi.advanceTimersByTimeAsync(3000);
    stopSecond();
    await vi.advanceTimersByTimeAsync(2000);
    await service.close();
    expect(first.reduce((sum, ms) => sum + ms, 0)).toBe(5000);
    expect(second.reduce((sum, ms) => sum + ms, 0)).toBe(3000);
  });
});
