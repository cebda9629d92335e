import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { noisePng } from '../fixtures/noise-png.js';
import { openHeaderMenu } from './header-menu.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost, UNASKED_REVIEW, type RunningTestHost } from './host-process.js';

const PICTURES = 8;
const nameOf = (index: number) => `pic ${index}.png`;

/**
 * The multi-select in Chromium through the browser host: three items chosen by Ctrl+click,
 * Shift+click and Space, categorised with one key, undone with one Ctrl+Z; then, with "open the next
 * item after categorising" on, a key in the viewer moves on by itself. One page for the whole file.
 */
describe('categorising a grid selection in Chromium through the browser host', () => {
  const env = useHostInChromium('veil-multi-select-', async (rootDir) => {
    const caseDir = join(rootDir, 'case');
    mkdirSync(caseDir, { recursive: true });
    // Distinct noise: no two stack together, so three items are three decisions.
    for (let index = 0; index < PICTURES; index += 1) writeFileSync(join(caseDir, nameOf(index)), noisePng(7300 + index, 48));
    return startTestHost({ caseDir });
  });

  const progress = (page: Page) => page.locator('.review-progress');
  const announcement = (page: Page) => page.getByTestId('decision-announcement');
  const cell = (page: Page, index: number) => page.locator(`[role="gridcell"][data-item-index="${index}"]`);
  const selected = (page: Page) => page.locator('[role="gridcell"][aria-selected="true"]');

  /** Each item's category as the back end holds it, in the "To review" order. */
  async function categories(running: RunningTestHost, caseId: string): Promise<(string | null)[]> {
    const page = requests.listItems.result.parse(await running.call('listItems', { caseId, offset: 0, limit: PICTURES, view: 'to-review' }));
    return Promise.all(
      page.items.map(async (item) => requests.getItemReview.result.parse(await running.call('getItemReview', { caseId, itemId: item.id })).category),
    );
  }

  it('selects three by Ctrl+click, Shift+click and Space, categorises them with 1, and Ctrl+Z undoes the three at once', async () => {
    const running = env.host;
    const summary = await waitForImport(running, { pdqDone: true });
    expect(summary.toReviewCount).toBe(PICTURES);
    const caseId = summary.caseId;

    const page = await env.openPage();
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`0 of ${PICTURES} reviewed`);
    await expect(page.getByRole('grid').getAttribute('aria-multiselectable')).resolves.toBe('true');

    await cell(page, 0).click({ modifiers: ['Control'] });
    await expect.poll(() => selected(page).count(), { timeout: 30_000 }).toBe(1);
    await cell(page, 1).click({ modifiers: ['Shift'] });
    await expect.poll(() => selected(page).count(), { timeout: 30_000 }).toBe(2);
    // The last click left focus on item 1: → then Space adds item 2.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText('3 selected').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => selected(page).evaluateAll((cells) => cells.map((each) => each.getAttribute('data-item-index'))), { timeout: 30_000 })
      .toEqual(['0', '1', '2']);
    // Nothing opened on the way.
    await expect.poll(() => page.getByRole('region', { name: 'Viewer' }).count()).toBe(0);

    await page.keyboard.press('1');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toBe('Category 1, CAM applied to 3 items.');
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`3 of ${PICTURES} reviewed`);
    expect(await categories(running, caseId)).toEqual(['1', '1', '1', null, null, null, null, null]);

    await page.keyboard.press('Control+z');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toBe('Undone: the decision on 3 items');
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`0 of ${PICTURES} reviewed`);
    expect(await categories(running, caseId)).toEqual(Array.from({ length: PICTURES }, () => null));
    // The undo is history too: the batch's lines and their undo, each kept.
    const first = requests.listItems.result.parse(await running.call('listItems', { caseId, offset: 0, limit: 1, view: 'to-review' })).items[0];
    const history = requests.getItemReview.result.parse(await running.call('getItemReview', { caseId, itemId: first?.id ?? '' })).history;
    expect(history.map((line) => [line.category, line.cause])).toEqual([
      ['1', 'decision'],
      [null, 'undo'],
    ]);

    // "Open the next item to review after categorising", turned on: a key in the viewer moves on by itself.
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const openNext = settings.getByRole('checkbox', { name: 'Open the next item to review after categorising' });
    expect(await openNext.isChecked()).toBe(false);
    await openNext.click();
    await expect.poll(() => openNext.isChecked(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => running.call('getSettings', {}), { timeout: 30_000 }).toMatchObject({ review: { ...UNASKED_REVIEW, openNextAfterDecision: true } });
    await settings.getByRole('button', { name: 'Close', exact: true }).click();
    await settings.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => selected(page).count(), { timeout: 30_000 }).toBe(0);
    await cell(page, 0).focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('region', { name: 'Viewer' });
    await viewer.getByText(new RegExp(`(^|\\s)1 of ${PICTURES}$`)).waitFor({ timeout: 30_000 });
    await page.keyboard.press('2');
    await viewer.getByText(new RegExp(`(^|\\s)2 of ${PICTURES}$`)).waitFor({ timeout: 30_000 });
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`1 of ${PICTURES} reviewed`);
    await page.close();
  });
});
