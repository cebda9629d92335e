import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExposureRecord, LedgerRecord, RevealRecord } from '../../../../../shared/exposure/ledger-record.js';

/** Synthetic ledger records for tests: no case data exists in a ledger, so nothing here is real. */
export function exposure(startMs: number, endMs: number, overrides: Partial<ExposureRecord> = {}): ExposureRecord {
  return { v: 1, type: 'exposure', startMs, endMs, surface: 'viewer', greyscale: true, blur: 'strong', reveal: 'none', audio: false, ...overrides };
}

export function reveal(atMs: number, mode: RevealRecord['mode'] = 'whole'): RevealRecord {
  return { v: 1, type: 'reveal', atMs, mode };
}

/** `count` touching exposure records of alternating class, `stepMs` long each, from `fromMs`. */
export function exposureRun(fromMs: number, count: number, stepMs = 10_000): LedgerRecord[] {
  return Array.from({ length: count }, (_, index) =>
    exposure(fromMs + index * stepMs, fromMs + (index + 1) * stepMs, { blur: index % 2 === 0 ? 'strong' : 'medium' }),
  );
}

/** A fresh temporary folder, and a function removing it. */
export async function makeTempDir(prefix = 'veil-ledger-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Epoch ms of a UTC wall time, for readable test timelines. */
export function utcMs(isoWithoutZone: string): number {
  return Date.parse(`${isoWithoutZone}Z`);
}
