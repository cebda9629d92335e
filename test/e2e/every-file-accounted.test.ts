import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { openHeaderMenu } from './header-menu.js';
import { startTestHost, type RunningTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';
import { SETTLE } from './settle.js';

/**
 * A new user's first cases: identical files (one of them hidden), an empty folder and a
 * folder with no media. One page for all of it; each case is opened through the dialog.
 */
describe('every file of a case is accounted for, in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-accounted-'));
    const caseDir = join(root, 'copies');
    mkdirSync(join(caseDir, 'photos'), { recursive: true });
    const same = await makeStill({ widthPx: 320, heightPx: 240, pattern: 'shapes', seed: 21, label: 'Same' }, 'png');
    // The hidden copy sorts first; the normally named one must be the one shown.
    writeFileSync(join(caseDir, '.same.png'), same);
    writeFileSync(join(caseDir, 'photos', 'same.png'), same);
    writeFileSync(join(caseDir, 'photos', 'other.png'), await makeStill({ widthPx: 320, heightPx: 240, pattern: 'gradient', seed: 22 }, 'png'));
    writeFileSync(join(caseDir, 'readme.txt'), 'not media\n');
    mkdirSync(join(root, 'empty'));
    mkdirSync(join(root, 'text only'));
    writeFileSync(join(root, 'text only', 'report.txt'), 'a report\n');
    writeFileSync(join(root, 'text only', 'list.csv'), 'a,b\n');
    host = await startTestHost({ caseDir });
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
    await page.getByRole('grid', { name: 'Case media' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const outcome = () => page.locator('.import-outcome').textContent();

  async function openFolder(folderPath: string): Promise<void> {
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Open case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open case' });
    await dialog.getByRole('textbox', { name: 'Case folder path' }).fill(folderPath);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('shows identical files once, as the normally named copy, with the count, its folder and every path', async () => {
    await expect.poll(outcome, SETTLE).toBe('Import complete: 4 files found: 2 shown, 1 identical copy, listed on its tile, 1 could not be opened.');
    const grid = page.getByRole('grid', { name: 'Case media' });
    const tile = grid.getByRole('gridcell', { name: 'same.png, PNG, 2 copies; image' });
    await expect.poll(() => tile.textContent(), SETTLE).toContain('2 copies');
    await expect.poll(() => grid.getByRole('gridcell').count(), SETTLE).toBe(2);
    await page.getByRole('checkbox', { name: 'Group by folder' }).check();
    await expect.poll(() => grid.getByRole('columnheader').allTextContents(), SETTLE).toEqual(['photos (2 items)']);
    await tile.click();
    const viewer = page.getByRole('region', { name: 'Viewer' });
    await expect.poll(() => viewer.getByRole('heading', { level: 2 }).textContent(), SETTLE).toBe('same.png');
    await expect.poll(() => viewer.locator('.item-folder').textContent(), SETTLE).toBe('Folder: photos');
    await expect.poll(() => viewer.getByRole('listitem').allTextContents(), SETTLE).toEqual(['.same.png']);
    await viewer.getByRole('button', { name: 'Back to grid' }).click();
  });

  it('finishes an empty folder at once and says it has no media', async () => {
    await openFolder(join(root, 'empty'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), SETTLE).toBe('empty');
    await expect.poll(outcome, SETTLE).toBe('Import complete: this folder has no files, so no images or videos.');
    await expect.poll(() => page.locator('.grid-empty').textContent(), SETTLE).toBe('This folder has no images or videos.');
    await expect.poll(() => page.getByRole('progressbar').count(), SETTLE).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Cancel import' }).count(), SETTLE).toBe(0);
  });

  it('says the same of a folder holding only files that are not media', async () => {
    await openFolder(join(root, 'text only'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), SETTLE).toBe('text only');
    await expect.poll(outcome, SETTLE).toBe('Import complete: this folder has no images or videos. None of its 2 files could be opened as one.');
    await expect.poll(() => page.locator('.grid-empty').textContent(), SETTLE).toBe('This folder has no images or videos.');
    await expect.poll(() => page.getByRole('button', { name: 'Cancel import' }).count(), SETTLE).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /2 files could not be opened/ }).count(), SETTLE).toBe(1);
  });
});
