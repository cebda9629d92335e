import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRecordLine } from '../../electron/services/ledger/journal-codec.js';
import { dayKey } from '../../shared/exposure/day-boundaries.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';

const MINUTE_MS = 60_000;

/** Limits with a one-minute daily exposure cap, which `writeTwoMinutesViewedToday` uses up. */
export const ONE_MINUTE_DAY_CAP: Settings['limits'] = {
  ...DEFAULT_SETTINGS.limits,
  caps: { ...DEFAULT_SETTINGS.limits.caps, exposure: { dayMin: 1, weekMin: null } },
};

/**
 * Two minutes of veiled viewing already in today's journal of `dataDir`, so a one-minute
 * daily cap is reached as the host starts: text-only mode and the override dialog can be
 * tested without a minute of real viewing.
 */
export function writeTwoMinutesViewedToday(dataDir: string): void {
  const nowMs = Date.now();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  mkdirSync(join(dataDir, 'ledger'), { recursive: true });
  const viewed = encodeRecordLine({
    v: 1,
    type: 'exposure',
    startMs: nowMs - 3 * MINUTE_MS,
    endMs: nowMs - MINUTE_MS,
    surface: 'viewer',
    greyscale: true,
    blur: DEFAULT_SETTINGS.defaultProfile.blur,
    reveal: 'none',
    audio: false,
  });
  writeFileSync(join(dataDir, 'ledger', `${dayKey(nowMs, timeZone)}.jsonl`), viewed);
}
