import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWeeklyExport } from '../../electron/services/team-stats/weekly-export.js';
import { isoWeekFromIndex, isoWeekIndex } from '../../shared/team-stats/iso-week.js';
import { syntheticSecret, syntheticSummary } from '../unit/electron/services/team-stats/synthetic-summaries.js';
import { seededRandom } from '../fixtures/seeded-random.js';
import { launchChromium } from './browser.js';
import { openHeaderMenu } from './header-menu.js';
import { startTestHost, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { AT_ONCE, SETTLE } from './settle.js';

const WEEK = '2026-W10';
const MEDIA = 'img, video, canvas';
/** Written into the broken files: the page must never show a file's contents. */
const CONTENT_MARKER = 'DO-NOT-SHOW-7f3a';

/** `people` valid exports of WEEK, named and written exactly as the real export writes them. */
function writeValidExports(folder: string, people: number, firstPerson = 0): void {
  const random = seededRandom(42 + firstPerson);
  for (let person = firstPerson; person < firstPerson + people; person += 1) {
    const { fileName, json } = renderWeeklyExport(syntheticSummary(syntheticSecret(person), WEEK, random));
    writeFileSync(join(folder, fileName), json);
  }
}

/** A team over ten weeks ending at WEEK: 13 people a week, but only 4 in the fifth (holidays). */
function writeTenWeeks(folder: string): string[] {
  const random = seededRandom(7);
  const weeks = Array.from({ length: 10 }, (_, i) => isoWeekFromIndex(isoWeekIndex(WEEK) - 9 + i));
  weeks.forEach((week, i) => {
    for (let person = 0; person < (i === 4 ? 4 : 13); person += 1) {
      const { fileName, json } = renderWeeklyExport(syntheticSummary(syntheticSecret(200 + person), week, random));
      writeFileSync(join(folder, fileName), json);
    }
  });
  return weeks;
}

/** Malformed JSON, a version this Veil does not read, and a `__proto__` key. */
function writeBrokenExports(folder: string): void {
  const { json } = renderWeeklyExport(syntheticSummary(syntheticSecret(900), WEEK, seededRandom(900)));
  writeFileSync(join(folder, 'broken-truncated.json'), `{"format": "veil.weekly-summary", "note": "${CONTENT_MARKER}", "week": `);
  writeFileSync(join(folder, 'from-the-future.json'), json.replace('"version": 1', '"version": 2'));
  writeFileSync(join(folder, 'prototype-pollution.json'), json.replace('{', `{\n  "__proto__": { "polluted": "${CONTENT_MARKER}" },`));
}

function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function showFolder(dialog: Locator, folder: string, labels = { folder: 'Folder of weekly summaries', show: 'Show' }): Promise<void> {
  await dialog.getByRole('textbox', { name: labels.folder }).fill(folder);
  await dialog.getByRole('button', { name: labels.show, exact: true }).click();
}

/** The texts of a table row's data cells, in column order. */
async function cellTexts(row: Locator): Promise<string[]> {
  return row.locator('td').allTextContents();
}

describe('team statistics in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  const twelveAndBroken = tempFolder('veil-e2e-team-12-');
  const four = tempFolder('veil-e2e-team-4-');
  const tenWeeks = tempFolder('veil-e2e-team-10w-');
  let weeks: string[] = [];

  beforeAll(async () => {
    writeValidExports(twelveAndBroken, 12);
    writeBrokenExports(twelveAndBroken);
    writeValidExports(four, 4, 100);
    weeks = writeTenWeeks(tenWeeks);
    host = await startTestHost();
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
    await page.getByRole('grid').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows 12 valid exports as charts and a table, and lists the 3 broken files with reasons', async () => {
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Team statistics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team statistics' });
    await showFolder(dialog, twelveAndBroken);

    await dialog.getByRole('status').filter({ hasText: '3 files left out. Minimum group size: 5.' }).waitFor();
    // No case media behind the team view.
    await expect.poll(() => page.locator(MEDIA).count(), AT_ONCE).toBe(0);

    // The charts are drawn: recharts' SVG with a marker for the week.
    const exposureChart = dialog.getByRole('region', { name: 'Exposure per week' });
    await exposureChart.getByRole('img').locator('svg.recharts-surface').waitFor();
    await expect.poll(() => exposureChart.locator('.recharts-line-dots circle, .recharts-line-dot').count(), SETTLE).toBeGreaterThan(0);
    await dialog.getByRole('region', { name: 'Break adherence per week' }).getByRole('img').locator('svg.recharts-surface').waitFor();

    const table = dialog.getByRole('table', { name: 'Team figures per week' });
    const weekRow = table.getByRole('row', { name: new RegExp(`^${WEEK}`) });
    await expect.poll(async () => (await cellTexts(weekRow))[0], SETTLE).toBe('12');
    const cells = await cellTexts(weekRow);
    // Exposure median and p90 are durations with exact minutes for machines.
    await expect.poll(() => weekRow.locator('td time').first().getAttribute('datetime'), SETTLE).toMatch(/^PT\d+M$/);
    expect(cells.slice(1, 5).every((text) => /\d\sh|\d\smin/.test(text))).toBe(true);

    const leftOut = dialog.getByRole('list', { name: 'Files left out' });
    await expect.poll(() => leftOut.getByRole('listitem').count(), SETTLE).toBe(3);
    const items = await leftOut.getByRole('listitem').allTextContents();
    expect(items.find((text) => text.includes('broken-truncated.json'))).toContain('It is not valid JSON.');
    expect(items.find((text) => text.includes('from-the-future.json'))).toContain('It uses a version of the format this Veil does not read.');
    expect(items.find((text) => text.includes('prototype-pollution.json'))).toContain('It contains a field that is never allowed.');
    await expect.poll(() => dialog.textContent(), SETTLE).not.toContain(CONTENT_MARKER);

    // The folder is remembered for next time.
    await expect.poll(() => host.call('getSettings', {}), SETTLE).toMatchObject({ teamView: { folder: twelveAndBroken, minGroupSize: 5 } });

    await saveScreenshot(page, 'team-stats');

    // The table as CSV, downloaded through a Blob.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export table as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`veil-team-stats-${WEEK}-${WEEK}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffWeek,Contributors,Exposure: median,Exposure: 90th percentile,Unfiltered: median,Unfiltered: 90th percentile,Reached a cap,Break adherence,Share after hours',
    );
    expect(csv).toContain(`${WEEK} (`);
    expect(
      csv
        .split('\r\n')[1]
        ?.split(',')
        .some((field) => field === '12'),
    ).toBe(true);
  });

  it('hides every figure for a folder of 4 people, in words', async () => {
    const dialog = page.getByRole('dialog', { name: 'Team statistics' });
    await showFolder(dialog, four);
    await dialog.getByRole('status').filter({ hasText: 'No file left out. Minimum group size: 5.' }).waitFor();

    const table = dialog.getByRole('table', { name: 'Team figures per week' });
    // One week and the range row, eight figures each: all hidden, none a number.
    await expect.poll(() => table.locator('td').allTextContents(), SETTLE).toEqual(Array.from({ length: 16 }, () => 'Hidden — fewer than 5 people'));
    await expect.poll(() => table.locator('time').count(), SETTLE).toBe(0);
    await expect.poll(() => dialog.getByText("Nothing to draw: every week's figure is hidden.").count(), SETTLE).toBe(2);
    await expect.poll(() => dialog.locator('svg.recharts-surface').count(), SETTLE).toBe(0);

    await saveScreenshot(page, 'team-stats-suppressed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('draws ten weeks as trends, leaves the small week out as a gap, and says the range rests on nine', async () => {
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Team statistics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team statistics' });
    await showFolder(dialog, tenWeeks);
    await dialog.getByRole('status').filter({ hasText: 'No file left out. Minimum group size: 5.' }).waitFor();
    const table = dialog.getByRole('table', { name: 'Team figures per week' });
    const smallWeek = table.getByRole('row', { name: new RegExp(`^${weeks[4]}`) });
    await expect.poll(async () => new Set(await cellTexts(smallWeek)), SETTLE).toEqual(new Set(['Hidden — fewer than 5 people']));
    await expect.poll(async () => (await cellTexts(table.getByRole('row', { name: new RegExp(`^${weeks[5]}`) })))[0], SETTLE).toBe('13');
    await expect.poll(() => table.getByRole('row', { name: /^All weeks/ }).textContent(), SETTLE).toContain('9 weeks');
    await dialog.getByRole('region', { name: 'Exposure per week' }).locator('svg.recharts-surface').waitFor();
    await dialog.getByRole('heading', { name: 'Trends' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'team-stats-trends');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the investigator exactly the file that would be shared, from Settings', async () => {
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const sharing = settings.getByRole('group', { name: 'Team statistics' });
    await sharing.getByRole('button', { name: 'Show what would be shared' }).click();
    const preview = page.getByRole('dialog', { name: 'What would be shared' });
    const file = preview.getByLabel('Contents of the file', { exact: true }).and(preview.locator('pre'));
    await file.waitFor();

    const expected = (await host.call('previewWeeklySummary', {})) as { json: string; fileName: string };
    await expect.poll(() => file.textContent(), SETTLE).toBe(expected.json);
    await expect.poll(() => preview.textContent(), SETTLE).toContain(expected.fileName);
    await saveScreenshot(page, 'sharing-preview');

    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
    await settings.getByRole('button', { name: 'Close' }).click();
    await settings.waitFor({ state: 'detached' });
  });

  it('reads naturally in Canadian French', async () => {
    await openHeaderMenu(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
    await page.getByRole('button', { name: "Statistiques d'équipe" }).click();
    const dialog = page.getByRole('dialog', { name: "Statistiques d'équipe" });
    // The folder is remembered from the first look.
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Dossier des résumés hebdomadaires' }).inputValue(), SETTLE).toBe(tenWeeks);
    await showFolder(dialog, twelveAndBroken, { folder: 'Dossier des résumés hebdomadaires', show: 'Afficher' });
    await dialog.getByRole('status').filter({ hasText: '3 fichiers écartés.' }).waitFor();
    await dialog.getByRole('region', { name: 'Exposition par semaine' }).locator('svg.recharts-surface').waitFor();
    await expect.poll(() => dialog.getByRole('list', { name: 'Fichiers écartés' }).getByRole('listitem').count(), SETTLE).toBe(3);
    await saveScreenshot(page, 'fr-team-stats');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await openHeaderMenu(page);
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  });
});
