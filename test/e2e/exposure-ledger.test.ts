import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { openHeaderMenu } from './header-menu.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { SETTLE } from './settle.js';

/** Seconds in an ISO 8601 duration such as PT65.123S or PT1M5S (what My exposure puts in datetime). */
function isoDurationSeconds(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!match) throw new Error(`not a duration: ${iso}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** The duration shown beside a label in the Today figures. */
async function todayFigureSeconds(page: Page, label: string): Promise<number> {
  const today = page.getByRole('region', { name: 'Today' });
  const datetime = await today.locator(`dt:text-is("${label}") + dd time`).getAttribute('datetime');
  return isoDurationSeconds(datetime ?? '');
}

/** The moments the page marks (see markMediaMoments), as keys of <html>'s dataset. */
type MediaMoment = 'gridShownAtMs' | 'gridCoveredAtMs' | 'viewerShownAtMs' | 'hiddenAtMs';

/**
 * Runs in the page: stamps <html> with the wall-clock time at which the first thumbnail
 * loaded, the viewer opened over the grid, the viewer's picture loaded, and the last media
 * element went. Taken in the page as they happen: a stamp taken by the test after it
 * noticed them is late by however busy the machine is.
 */
function markMediaMoments(): void {
  const mark = (): void => {
    // Looked up each time: an init script runs before the page has its <html>.
    const root = document.documentElement;
    const nowMs = String(Date.now());
    if (!root.dataset['gridShownAtMs'] && document.querySelector('img.tile-img.is-loaded')) root.dataset['gridShownAtMs'] = nowMs;
    if (!root.dataset['gridCoveredAtMs'] && document.querySelector('section.viewer')) root.dataset['gridCoveredAtMs'] = nowMs;
    if (!root.dataset['viewerShownAtMs'] && document.querySelector('img.veiled-layer.is-loaded')) root.dataset['viewerShownAtMs'] = nowMs;
    if (root.dataset['viewerShownAtMs'] && !root.dataset['hiddenAtMs'] && !document.querySelector('img, video, canvas')) root.dataset['hiddenAtMs'] = nowMs;
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}

/** A moment the page marked, once it has. */
async function markedMs(page: Page, moment: MediaMoment): Promise<number> {
  const read = () => page.evaluate((key) => Number(document.documentElement.dataset[key]), moment);
  await expect.poll(read, { ...SETTLE, message: `the page marks ${moment}` }).toBeGreaterThan(0);
  return read();
}

/**
 * Seconds of media on screen: thumbnails from the first paint until the viewer covered
 * them, then the viewer's picture from its paint until it was hidden. While the viewer's
 * picture loads nothing is on screen, and on a busy machine that takes seconds.
 */
function onScreenSec(moments: Record<MediaMoment, number>): number {
  return (moments.gridCoveredAtMs - moments.gridShownAtMs + moments.hiddenAtMs - moments.viewerShownAtMs) / 1000;
}

/** How long the test looks at one item in the viewer. */
const VIEWING_MS = 5_000;

describe('the exposure ledger, end to end through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  // The page's wall clock (this machine's), to compare with what the main side counted.
  const moments: Record<MediaMoment, number> = { gridShownAtMs: 0, gridCoveredAtMs: 0, viewerShownAtMs: 0, hiddenAtMs: 0 };

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url, { beforeGoto: (fresh) => fresh.addInitScript(markMediaMoments) }));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('counts the time media is on screen, and shows it in My exposure within 2 s', async () => {
    // Counting starts with the first painted thumbnail: the page marks when that was.
    await page.locator('img.tile-img.is-loaded').first().waitFor();
    moments.gridShownAtMs = await markedMs(page, 'gridShownAtMs');
    await page.getByText('Counting exposure').waitFor();
    await page.getByRole('gridcell', { name: /Sample 02 - shapes\.png/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('img.veiled-layer.is-loaded').waitFor();
    moments.gridCoveredAtMs = await markedMs(page, 'gridCoveredAtMs');
    moments.viewerShownAtMs = await markedMs(page, 'viewerShownAtMs');
    // Looking at one item for a known time, from when its picture showed: the one real
    // wait the issue asks to measure (not a sleep after some moment).
    await waitUntil(
      async () => Date.now() - moments.viewerShownAtMs,
      (viewedMs) => viewedMs >= VIEWING_MS,
      VIEWING_MS + 5_000,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Media hidden' }).waitFor();
    moments.hiddenAtMs = await markedMs(page, 'hiddenAtMs');
    // The main side has taken the hide in: its answer turns the counting sign off.
    await page.getByText('Counting exposure').waitFor({ state: 'detached' });

    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'My exposure' }).click();
    await page.getByRole('dialog', { name: 'My exposure' }).getByRole('region', { name: 'Today' }).waitFor();
    await expect.poll(() => page.locator('.recharts-wrapper').count(), SETTLE).toBe(2);
    await saveScreenshot(page, 'my-exposure');
    await expect.poll(async () => Math.abs((await todayFigureSeconds(page, 'Exposure time')) - onScreenSec(moments)), SETTLE).toBeLessThanOrEqual(2);
    const viewerOffSec = async () =>
      Math.abs(
        (await todayFigureSeconds(page, 'Exposure time')) -
          (await todayFigureSeconds(page, 'Thumbnails only')) -
          (moments.hiddenAtMs - moments.viewerShownAtMs) / 1000,
      );
    await expect.poll(viewerOffSec, SETTLE).toBeLessThanOrEqual(2);
    await expect.poll(() => todayFigureSeconds(page, 'Unfiltered time'), SETTLE).toBe(0);
    await expect.poll(() => todayFigureSeconds(page, 'Audio time'), SETTLE).toBe(0);
  });

  it('keeps that time in the day journal in --data, with no case data in it', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await host.stop(); // the host closes the ledger, which writes the last record
    const ledgerDir = join(host.dataDir, 'ledger');
    const files = readdirSync(ledgerDir).filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name));
    expect(files).toHaveLength(1);
    const text = readFileSync(join(ledgerDir, files[0] ?? ''), 'utf8');
    const records = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line.slice(line.indexOf(' ') + 1)) as { type: string; startMs: number; endMs: number; surface: string });
    const exposure = records.filter((record) => record.type === 'exposure');
    const totalSec = exposure.reduce((sum, record) => sum + record.endMs - record.startMs, 0) / 1000;
    expect(Math.abs(totalSec - onScreenSec(moments))).toBeLessThanOrEqual(2);
    expect(exposure.some((record) => record.surface === 'viewer')).toBe(true);
    // The item opened in the viewer left a view of counted time (the basis of "exposure avoided"), naming no item.
    expect(records.some((record) => record.type === 'item-view')).toBe(true);
    for (const forbidden of ['Sample', 'shapes', '.png', 'demo-case', host.dataDir]) expect(text).not.toContain(forbidden);
  });
});
