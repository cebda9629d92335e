/**
 * Quitting while a case with an identical copy is still importing, with the real service
 * composition: the import is cancelled after the exposure ledger has closed, so nothing
 * may be written for it then, close() must resolve and the media worker must end. And a
 * cancelled import (partial counts) adds nothing to the week's exposure avoided.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import { encode, sharpFromRaw, syntheticRaw } from '../electron/media-worker/synthetic-image.js';
import { removeDataDir, startServiceHarness, type ServiceHarness } from './service-harness.js';

let caseDir = '';
const harnesses: ServiceHarness[] = [];

beforeAll(async () => {
  caseDir = mkdtempSync(path.join(tmpdir(), 'veil-quit-case-'));
  const bytes = await encode(sharpFromRaw(syntheticRaw({ widthPx: 240, heightPx: 180, seed: 7 })), 'png').toBuffer();
  writeFileSync(path.join(caseDir, 'a.png'), bytes);
  writeFileSync(path.join(caseDir, 'b.png'), bytes);
  // Sorted last and slow to hash (2 GiB, sparse): the import is still running once the copy is found.
  writeFileSync(path.join(caseDir, 'zz-padding.bin'), '');
  truncateSync(path.join(caseDir, 'zz-padding.bin'), 2 * 1024 ** 3);
}, 60_000);

afterAll(async () => {
  for (const harness of harnesses) {
    await harness.close().catch(() => undefined);
    removeDataDir(harness);
  }
  rmSync(caseDir, { recursive: true, force: true });
});

/** Opens the case and resolves once its copy is counted, the import still running. */
async function openUntilCopyFound(harness: ServiceHarness): Promise<CaseSummary> {
  const opened = await harness.services.handlers.openCase({ folderPath: caseDir });
  if (opened === null) throw new Error('no case opened');
  await expect.poll(async () => (await harness.services.handlers.getCase({}))?.duplicateCount, { timeout: 60_000, interval: 50 }).toBe(1);
  const summary = await harness.services.handlers.getCase({});
  if (summary === null) throw new Error('the case closed');
  return summary;
}

describe('an import with an identical copy, stopped before it ends', () => {
  it('adds nothing to the week when cancelled: its counts are partial', async () => {
    const harness = await startServiceHarness();
    harnesses.push(harness);
    expect((await openUntilCopyFound(harness)).import.phase).toBe('scanning');
    expect((await harness.services.handlers.cancelImport({})).phase).toBe('cancelled');
    const week = (await harness.services.handlers.getMyExposure({})).avoided;
    expect(week).toMatchObject({ knownCount: 0, duplicateCount: 0, files: 0 });
  }, 120_000);

  it('lets Veil quit: close() resolves and the media worker ends', async () => {
    const harness = await startServiceHarness();
    harnesses.push(harness);
    expect((await openUntilCopyFound(harness)).import.phase).toBe('scanning');
    await expect(harness.close()).resolves.toBeUndefined();
    expect(harness.workers.length).toBeGreaterThan(0);
    await expect.poll(() => harness.workers.every((worker) => worker.ended !== null), { timeout: 30_000 }).toBe(true);
  }, 120_000);
});
