import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { buildMyExposure } from '../../../../../shared/exposure/my-exposure.js';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings/settings.js';
import { createEventHub } from '../../../../../electron/services/event-hub.js';
import type { CountedListener, ExposureService } from '../../../../../electron/services/exposure/exposure-service.js';
import type { Ledger } from '../../../../../electron/services/ledger/ledger.js';
import type { SettingsService } from '../../../../../electron/services/settings/settings-service.js';
import { startWellbeing } from '../../../../../electron/services/wellbeing/wellbeing-runtime.js';

const SavedSchema = z.object({ limits: z.object({ day: z.object({ usedMs: z.object({ exposure: z.number() }) }) }) });
const START_MS = Date.UTC(2026, 10, 25, 15, 0, 0);
const SAVE_MS = 10_000;

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'veil-wellbeing-'));
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START_MS);
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dataDir, { recursive: true, force: true });
});

function fakes() {
  const counted = new Set<CountedListener>();
  const unused = () => {
    throw new Error('not used by wellbeing');
  };
  const exposure: ExposureService = {
    report: unused,
    activity: unused,
    rendererGone: unused,
    windowShown: unused,
    power: unused,
    // A fresh start seeds today's limits from the ledger: nothing viewed yet.
    myExposure: async () => buildMyExposure([], { nowMs: Date.now(), timeZone: 'America/Toronto', weekStartsOn: 0 }),
    onCounted(listener) {
      counted.add(listener);
      return () => counted.delete(listener);
    },
    close: unused,
  };
  const added: LedgerRecord[] = [];
  const ledger: Ledger = {
    add: (records) => void added.push(...records),
    flushNow: unused,
    readDays: unused,
    notices: [],
    onNotice: unused,
    setRetentionDays: unused,
    close: unused,
  };
  const settings: SettingsService = { get: () => DEFAULT_SETTINGS, update: () => DEFAULT_SETTINGS, onChange: () => () => undefined, notices: [] };
  const count = (ms: number) => counted.forEach((listener) => listener({ countedMs: ms, unfilteredMs: 0, audioMs: 0 }, true));
  return { counted, exposure, ledger, settings, count };
}

describe('startWellbeing', () => {
  it('counts what the exposure service counted, saves it on a timer and at close, then stops listening', async () => {
    const f = fakes();
    const readSaved = async () => SavedSchema.parse(JSON.parse(await readFile(path.join(dataDir, 'wellbeing-state.json'), 'utf8')));
    const runtime = await startWellbeing({
      dataDir,
      settings: f.settings,
      exposure: f.exposure,
      ledger: f.ledger,
      hub: createEventHub(),
      nowMs: () => Date.now(),
      timeZone: 'America/Toronto',
      systemLocale: 'en-CA',
      saveIntervalMs: SAVE_MS,
    });
    vi.setSystemTime(START_MS + 60_000);
    f.count(60_000);
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    await expect.poll(async () => (await readSaved().catch(() => null))?.limits.day.usedMs.exposure).toBe(60_000);

    vi.setSystemTime(START_MS + 90_000);
    f.count(30_000);
    await runtime.close();
    expect((await readSaved()).limits.day.usedMs.exposure).toBe(90_000);
    expect(f.counted.size).toBe(0);
    expect(runtime.notices()).toEqual([]);
  });
});
