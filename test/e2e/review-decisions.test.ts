import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const PICTURES = 6;
const nameOf = (index: number) => `photo ${String(index).padStart(2, '0')}.png`;

/**
 * Decisions made by keyboard alone, one undone, must be found again after the page reloads
 * and after the host itself restarts: they live in the case workspace, not in the page.
 */
describe('review decisions in Chromium through the browser host', () => {
  let root: string;
  let caseDir: string;
  let host: RunningTestHost | null = null;
  let browser: Browser;
  let total = 0;

  async function waitForImport(running: RunningTestHost): Promise<string> {
    const summary = await waitUntil(
      async () => requests.getCase.result.parse(await running.call('getCase', {})),
      (now) => now?.import.phase === 'done' && now.pdqProgress !== null && now.pdqProgress.doneCount === now.pdqProgress.totalCount,
    );
    if (summary === null) throw new Error('no case');
    total = summary.toReviewCount;
    return summary.caseId;
  }

  const announcement = (page: Page) => page.getByTestId('decision-announcement');
  const progress = (page: Page) => page.locator('.review-progress');
  const pressed = (page: Page) => page.getByRole('group', { name: 'Category' }).locator('button[aria-pressed="true"]');

  /** Opens the first item of the grid in the viewer by keyboard: focus moves to the grid, Enter opens. */
  async function openFirstItem(page: Page): Promise<void> {
    const first = page.getByRole('gridcell').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Viewer' }).waitFor();
  }

  /** Waits until the viewer shows the item at `position` (1-based) of the case. */
  async function viewerAt(page: Page, position: number): Promise<void> {
    await expect.poll(() => page.getByRole('region', { name: 'Viewer' }).getByText(`${position} of ${total}`).count(), { timeout: 30_000 }).toBe(1);
  }

  /** The category pressed for each of the first `count` items, stepping with → in the viewer. */
  async function pressedCategories(page: Page, count: number): Promise<string[]> {
    const seen: string[] = [];
    for (let index = 0; index < count; index += 1) {
      if (index > 0) await page.keyboard.press('ArrowRight');
      await viewerAt(page, index + 1);
      await expect.poll(() => pressed(page).count(), { timeout: 30_000 }).toBe(1);
      seen.push((await pressed(page).locator('.visually-hidden').textContent()) ?? '');
    }
    return seen;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-review-'));
    caseDir = join(root, 'case');
    mkdirSync(caseDir, { recursive: true });
    for (let index = 0; index < PICTURES; index += 1) {
      const bytes = await makeStill(
        { widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 4100 + index * 37, label: `V${index}` },
        'png',
      );
      writeFileSync(join(caseDir, nameOf(index)), bytes);
    }
    host = await startTestHost({ caseDir });
    await waitForImport(host);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('categorises by keyboard, undoes one, and finds the same decisions after a reload and a host restart', async () => {
    if (host === null) throw new Error('no host');
    const { page } = await openRecordingPage(browser, host.url);
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`0 of ${total} reviewed`);
    await openFirstItem(page);

    await page.keyboard.press('1');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(/^Category 1, CAM/);
    // A number key acts on the item shown: wait until → has brought the next one, or the key would land on nothing yet.
    await page.keyboard.press('ArrowRight');
    await viewerAt(page, 2);
    await page.keyboard.press('3');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(/^Category 3, CGI \/ animation/);
    await page.keyboard.press('ArrowRight');
    await viewerAt(page, 3);
    await page.keyboard.press('0');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(/^Category 0, Non-pertinent/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toBe('Undone: now Uncategorised');
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`2 of ${total} reviewed`);
    const expected = ['1, CAM', '3, CGI / animation', 'Uncategorised'];

    await page.reload();
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`2 of ${total} reviewed`);
    await openFirstItem(page);
    expect(await pressedCategories(page, 3)).toEqual(expected);
    await page.close();

    // Every decision is in the workspace before the host goes: nothing waits unsaved.
    const caseId = requests.getCase.result.parse(await host.call('getCase', {}))?.caseId ?? '';
    await waitUntil(
      async () => requests.getReview.result.parse(await host?.call('getReview', { caseId })),
      (state) => state.unsavedCount === 0,
    );
    const dataDir = host.dataDir;
    await host.stop();
    host = await startTestHost({ caseDir, dataDir });
    await waitForImport(host);

    const again = (await openRecordingPage(browser, host.url)).page;
    await expect.poll(() => progress(again).textContent(), { timeout: 30_000 }).toBe(`2 of ${total} reviewed`);
    await openFirstItem(again);
    expect(await pressedCategories(again, 3)).toEqual(expected);
    // Back on the first item, N skips the categorised second and opens the third.
    await again.keyboard.press('ArrowLeft');
    await again.keyboard.press('ArrowLeft');
    await expect.poll(() => again.getByRole('region', { name: 'Viewer' }).getByText(`1 of ${total}`).count(), { timeout: 30_000 }).toBe(1);
    await again.keyboard.press('n');
    await expect.poll(() => again.getByRole('region', { name: 'Viewer' }).getByText(`3 of ${total}`).count(), { timeout: 30_000 }).toBe(1);
  });
});
