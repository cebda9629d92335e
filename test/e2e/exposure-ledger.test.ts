import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
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

/** How long the test looks at one item in the viewer. */
const VIEWING_MS = 5_000;

describe('the exposure ledger, end to end through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  // Test-side clock, to compare with what the main side counted.
  let gridShownAtMs = 0;
  let viewerShownAtMs = 0;
  let hiddenAtMs = 0;

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('counts the time media is on screen, and shows it in My exposure within 2 s', async () => {
    // Counting starts with the first painted thumbnail: take the time then, not later.
    await page.locator('img.tile-img.is-loaded').first().waitFor();
    gridShownAtMs = Date.now();
    await page.getByText('Counting exposure').waitFor();
    await page.getByRole('gridcell', { name: /Sample 02 - shapes\.png/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('img.veiled-layer.is-loaded').waitFor();
    viewerShownAtMs = Date.now();
    // Looking at one item for a known time, by the test's own clock from when the picture
    // showed: the one real wait the issue asks to measure (not a sleep after some moment).
    await waitUntil(async () => Date.now() - viewerShownAtMs, (viewedMs) => viewedMs >= VIEWING_MS, VIEWING_MS + 5_000);
    await page.keyboard.press('Escape');
    hiddenAtMs = Date.now();
    await page.getByRole('heading', { name: 'Media hidden' }).waitFor();
    // The main side has taken the hide in: its answer turns the counting sign off.
    await page.getByText('Counting exposure').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'My exposure' }).click();
    await page.getByRole('dialog', { name: 'My exposure' }).getByRole('region', { name: 'Today' }).waitFor();
    await expect.poll(() => page.locator('.recharts-wrapper').count(), SETTLE).toBe(2);
    await saveScreenshot(page, 'my-exposure');
    const exposureOffSec = async () => Math.abs((await todayFigureSeconds(page, 'Exposure time')) - (hiddenAtMs - gridShownAtMs) / 1000);
    const viewerOffSec = async () =>
      Math.abs((await todayFigureSeconds(page, 'Exposure time')) - (await todayFigureSeconds(page, 'Thumbnails only')) - (hiddenAtMs - viewerShownAtMs) / 1000);
    await expect.poll(exposureOffSec, SETTLE).toBeLessThanOrEqual(2);
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
    expect(Math.abs(totalSec - (hiddenAtMs - gridShownAtMs) / 1000)).toBeLessThanOrEqual(2);
    expect(exposure.some((record) => record.surface === 'viewer')).toBe(true);
    for (const forbidden of ['Sample', 'shapes', '.png', 'demo-case', host.dataDir]) expect(text).not.toContain(forbidden);
  });
});
