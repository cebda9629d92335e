import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import type { MediaItem } from '../../shared/case/media-item.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const PICTURES = 12;
const nameOf = (index: number) => `photo ${String(index).padStart(2, '0')}.png`;
/** Whole seconds, so a modification time can be put back exactly (see swapKeepingStamp). */
const STAMP_S = 1_700_000_000;
const SWAPPED = nameOf(3);
const TOUCHED = nameOf(5);
const ADDED = 'photo 99.png';

/**
 * How this proves that reopening reads only what changed: the import's own count of bytes hashed
 * (counted chunk by chunk in the read loop, shown in the import progress) must be exactly the
 * sizes of the touched, the added and the swapped file, and the PDQ hashes of the first session
 * must come back unasked. SWAPPED gets bytes that are no picture, with its size and modification
 * time put back exactly: its status change time moved, so it is read again and listed as the
 * problem it now is, not as the picture first read.
 */
describe('reopening a case in Chromium through the browser host', () => {
  let root: string;
  let caseDir: string;
  let host: RunningTestHost | null = null;
  let browser: Browser;
  let first: { summary: CaseSummary; items: MediaItem[] };
  let second: { summary: CaseSummary; items: MediaItem[] };

  async function importOnce(running: RunningTestHost): Promise<{ summary: CaseSummary; items: MediaItem[] }> {
    const opened = requests.openCase.result.parse(await running.call('openCase', { folderPath: caseDir }));
    const caseId = opened?.caseId ?? '';
    // Done, and the background PDQ pass over its images ended too (its hashes are kept as they come).
    const summary = await waitUntil(
      async () => requests.getCase.result.parse(await running.call('getCase', {})),
      (now) => now?.import.phase === 'done' && now.pdqProgress !== null && now.pdqProgress.doneCount === now.pdqProgress.totalCount,
    );
    const items = requests.listItems.result.parse(await running.call('listItems', { caseId, offset: 0, limit: 100, view: 'all' })).items;
    if (summary === null) throw new Error('no case');
    return { summary, items };
  }

  /** Puts bytes that are no picture into the file, same length, and its modification time back (its status change time moves). */
  function swapKeepingStamp(file: string): void {
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.alloc(bytes.length, 0x41));
    utimesSync(file, STAMP_S, STAMP_S);
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-reopen-case-'));
    caseDir = join(root, 'case');
    mkdirSync(join(caseDir, 'copies'), { recursive: true });
    for (let index = 0; index < PICTURES; index += 1) {
      const bytes = await makeStill({ widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 900 + index, label: `R${index}` }, 'png');
      writeFileSync(join(caseDir, nameOf(index)), bytes);
      if (index === 4) writeFileSync(join(caseDir, 'copies', nameOf(index)), bytes);
      utimesSync(join(caseDir, nameOf(index)), STAMP_S, STAMP_S);
    }

    host = await startTestHost();
    first = await importOnce(host);
    const dataDir = host.dataDir;
    await host.stop();
    host = null;

    swapKeepingStamp(join(caseDir, SWAPPED));
    utimesSync(join(caseDir, TOUCHED), STAMP_S + 60, STAMP_S + 60);
    writeFileSync(join(caseDir, ADDED), await makeStill({ widthPx: 96, heightPx: 72, pattern: 'shapes', seed: 999, label: 'new' }, 'png'));

    host = await startTestHost({ dataDir });
    second = await importOnce(host);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads only the touched, the added and the swapped file, and lists the rest from the workspace as before', () => {
    expect(first.summary.import.bytesProcessed).toBeGreaterThan(0);
    const sizeOf = (file: string) => statSync(join(caseDir, file)).size;
    expect(second.summary.import.bytesProcessed).toBe(sizeOf(TOUCHED) + sizeOf(ADDED) + sizeOf(SWAPPED));
    expect(second.summary.import.filesFound).toBe(first.summary.import.filesFound + 1);
    // The swapped file was read again: its bytes are no picture now.
    expect(second.items.some((item) => item.relativePath === SWAPPED)).toBe(false);
    expect(second.summary.problemCount).toBe(1);
    expect({ items: second.summary.itemCount, duplicates: second.summary.duplicateCount }).toEqual({
      items: first.summary.itemCount,
      duplicates: first.summary.duplicateCount,
    });
    const order = (items: MediaItem[]) =>
      items.filter((item) => item.relativePath !== SWAPPED).map((item) => [item.relativePath, item.duplicatePaths, item.sha256]);
    expect(order(second.items.filter((item) => item.relativePath !== ADDED))).toEqual(order(first.items));
    // The PDQ hashes of the first session were kept, so the background pass had at most the two
    // pictures read again to do (the first screen's thumbnails may have hashed them first).
    const pdqs = (items: MediaItem[]) => items.filter((item) => ![ADDED, TOUCHED, SWAPPED].includes(item.relativePath)).map((item) => item.pdq);
    expect(pdqs(second.items)).toEqual(pdqs(first.items));
    expect(second.summary.pdqProgress?.totalCount).toBeLessThanOrEqual(2);
  });

  it('shows the reopened case in the grid, every item a tile', async () => {
    if (host === null) throw new Error('no host');
    const { page } = await openRecordingPage(browser, host.url);
    const grid = page.getByRole('grid', { name: 'Case media' });
    await grid.waitFor();
    await expect.poll(() => grid.getByRole('gridcell').count(), { timeout: 30_000 }).toBe(second.summary.itemCount);
  });
});
