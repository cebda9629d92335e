import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { noisePng } from '../fixtures/noise-png.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';

const PICTURES = 54;
const DECIDED = 50;
const UNDONE = 3;
/** Project VIC US, the default scheme: the number key each item gets, cycling through its categories. */
const KEY_OF = (position: number) => String(position % 5);
/** What the viewer's Category group says each key means (Project VIC US). */
const LABEL_OF: Record<string, string> = {
  '0': 'Non-pertinent',
  '1': 'CAM',
  '2': 'Child exploitive / age difficult',
  '3': 'CGI / animation',
  '4': 'Comparison',
};
const labelAt = (position: number) => `${KEY_OF(position)}, ${LABEL_OF[KEY_OF(position)] ?? ''}`;
const nameOf = (index: number) => `photo ${String(index).padStart(2, '0')}.png`;

/**
 * The end-to-end case, by keyboard only (number keys, N, →, ←, Ctrl+Z): fifty items
 * categorised, three undone, and every decision found again after the page reloads and after
 * the host restarts: they live in the case workspace, not in the page. The pictures are
 * distinct noise, so none stacks with another and the fifty decisions are fifty items.
 */
describe('fifty decisions by keyboard in Chromium through the browser host', () => {
  let caseDir: string;
  const env = useHostInChromium('veil-review-fifty-', async (rootDir) => {
    caseDir = join(rootDir, 'case');
    mkdirSync(caseDir, { recursive: true });
    for (let index = 0; index < PICTURES; index += 1) writeFileSync(join(caseDir, nameOf(index)), noisePng(5100 + index, 48));
    return startTestHost({ caseDir });
  });

  async function openedCase(running: RunningTestHost): Promise<string> {
    const summary = await waitForImport(running, { pdqDone: true });
    expect(summary.toReviewCount).toBe(PICTURES);
    return summary.caseId;
  }

  /** Each item's category as the back end holds it, in the "To review" order. */
  async function categories(running: RunningTestHost, caseId: string): Promise<(string | null)[]> {
    const page = requests.listItems.result.parse(await running.call('listItems', { caseId, offset: 0, limit: PICTURES, view: 'to-review' }));
    return Promise.all(
      page.items.map(async (item) => requests.getItemReview.result.parse(await running.call('getItemReview', { caseId, itemId: item.id })).category),
    );
  }

  const progress = (page: Page) => page.locator('.review-progress');
  /** The place the case reopens on, as its workspace holds it (an index in "To review"). */
  const savedPlace = async (running: RunningTestHost, caseId: string) =>
    requests.getReviewPlace.result.parse(await running.call('getReviewPlace', { caseId }))?.index ?? null;
  /** The index of the grid cell holding the keyboard focus, if any. */
  const focusedIndex = (page: Page) =>
    page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? (document.activeElement.closest<HTMLElement>('[data-item-index]')?.dataset.itemIndex ?? null) : null,
    );
  const announcement = (page: Page) => page.getByTestId('decision-announcement');
  const viewer = (page: Page) => page.getByRole('region', { name: 'Viewer' });
  const pressed = (page: Page) => page.getByRole('group', { name: 'Category' }).locator('button[aria-pressed="true"] .visually-hidden');

  /** Waits until the viewer shows the item at `position` (1-based): a locator wait, which looks again at each change, not at growing intervals. */
  async function viewerAt(page: Page, position: number): Promise<void> {
    await viewer(page)
      .getByText(new RegExp(`(^|\\s)${position} of ${PICTURES}$`))
      .waitFor({ timeout: 30_000 });
  }

  /**
   * Opens the first item in the viewer by keyboard: a cell focused (the one a reopened case was left on keeps it), Ctrl+Home, Enter.
   * Not the first cell in the DOM: a case reopened further down has its grid scrolled there, and the rows drawn start near it.
   */
  async function openFirstItem(page: Page): Promise<void> {
    const first = page.getByRole('gridcell').first();
    await first.waitFor();
    if ((await focusedIndex(page)) === null) await first.focus();
    await page.keyboard.press('Control+Home');
    await expect.poll(() => focusedIndex(page), { timeout: 30_000 }).toBe('0');
    await page.keyboard.press('Enter');
    await viewerAt(page, 1);
  }

  it('categorises fifty items with number keys and N, undoes three with Ctrl+Z, and finds the same decisions after a reload and a host restart', async () => {
    const caseId = await openedCase(env.host);
    const page = await env.openPage();
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`0 of ${PICTURES} reviewed`);
    await openFirstItem(page);

    for (let position = 1; position <= DECIDED; position += 1) {
      await page.keyboard.press(KEY_OF(position));
      // The first five use every category once: each is announced in the live region (N leaves it be while items are left).
      if (position <= 5) await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^Category ${labelAt(position)}`));
      await page.keyboard.press('n');
      // The next number key acts on the item shown: wait until N has brought the next one.
      await viewerAt(page, position + 1);
    }
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`${DECIDED} of ${PICTURES} reviewed`);
    for (let undone = 1; undone <= UNDONE; undone += 1) {
      await page.keyboard.press('Control+z');
      await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`${DECIDED - undone} of ${PICTURES} reviewed`);
      // The count may arrive (reviewChanged) before the undo's answer: the announcement is waited for too.
      if (undone === 1) await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toBe('Undone: now Uncategorised');
    }
    const kept = DECIDED - UNDONE;
    const expected = Array.from({ length: PICTURES }, (_, index) => (index < kept ? KEY_OF(index + 1) : null));
    expect(await categories(env.host, caseId)).toEqual(expected);

    // The case reopens where it was left: the item open when the undos were made, focused in the grid, not opened.
    // Waited for before the first item is opened, or the restore could move the focus between that item's focus and Enter.
    await waitUntil(
      () => savedPlace(env.host, caseId),
      (index) => index === DECIDED,
    );
    await page.reload();
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`${kept} of ${PICTURES} reviewed`);
    await expect.poll(() => focusedIndex(page), { timeout: 30_000 }).toBe(String(DECIDED));
    await expect.poll(() => viewer(page).count()).toBe(0);
    await openFirstItem(page);
    await expect.poll(() => pressed(page).textContent(), { timeout: 30_000 }).toBe(labelAt(1));
    // → steps to the next item whatever its state, and shows its category pressed.
    await page.keyboard.press('ArrowRight');
    await viewerAt(page, 2);
    await expect.poll(() => pressed(page).textContent(), { timeout: 30_000 }).toBe(labelAt(2));
    // N skips every decided one after it and opens the first undone.
    await page.keyboard.press('n');
    await viewerAt(page, kept + 1);
    await expect.poll(() => pressed(page).textContent(), { timeout: 30_000 }).toBe('Uncategorised');

    // Every decision is in the workspace before the host goes: nothing waits unsaved.
    await waitUntil(
      async () => requests.getReview.result.parse(await env.host.call('getReview', { caseId })),
      (state) => state.unsavedCount === 0,
    );
    await waitUntil(
      () => savedPlace(env.host, caseId),
      (index) => index === kept,
    );
    const dataDir = env.host.dataDir;
    await env.host.stop();
    env.host = await startTestHost({ caseDir, dataDir });
    const again = await openedCase(env.host);
    expect(await categories(env.host, again)).toEqual(expected);

    await page.goto(env.host.url);
    await expect.poll(() => progress(page).textContent(), { timeout: 30_000 }).toBe(`${kept} of ${PICTURES} reviewed`);
    await expect.poll(() => focusedIndex(page), { timeout: 30_000 }).toBe(String(kept));
    await openFirstItem(page);
    await page.keyboard.press('n');
    await viewerAt(page, kept + 1);
    await expect.poll(() => pressed(page).textContent(), { timeout: 30_000 }).toBe('Uncategorised');
    // The last kept decision, one back: its category is shown pressed.
    await page.keyboard.press('ArrowLeft');
    await viewerAt(page, kept);
    await expect.poll(() => pressed(page).textContent(), { timeout: 30_000 }).toBe(labelAt(kept));
    await page.close();
  });
});
