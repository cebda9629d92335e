import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLargeCase } from '../../scripts/make-large-case.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openHeaderMenu } from './header-menu.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { SETTLE } from './settle.js';

const LARGE_CASE_FILES = 20_000;

describe('a large case, in Canadian French, in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const caseDir = mkdtempSync(join(tmpdir(), 'veil-large-case-'));
    await makeLargeCase(caseDir, { count: LARGE_CASE_FILES });
    host = await startTestHost({ caseDir });
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('imports every file and shows the whole case in a grid that keeps only what is visible in the page', async () => {
    const grid = page.getByRole('grid', { name: 'Case media' });
    await grid.waitFor();
    // Its files repeat 50 pictures with other metadata: near-duplicate stacks fold them in "To review"
    // as PDQ hashes arrive, so the whole case is looked at under "All".
    await page.getByRole('group', { name: 'Show' }).getByRole('radio', { name: /^All/ }).check();
    await waitUntil(
      async () => ((await host.call('getCase', {})) as { import: { phase: string } }).import.phase,
      (phase) => phase === 'done',
    );
    const shape = await waitUntil(
      async () => ({ rows: Number(await grid.getAttribute('aria-rowcount')), columns: Number(await grid.getAttribute('aria-colcount')) }),
      ({ rows, columns }) => rows * columns >= LARGE_CASE_FILES,
    );
    expect((shape.rows - 1) * shape.columns).toBeLessThan(LARGE_CASE_FILES);
    const cells = () => page.getByRole('gridcell').count();
    await expect.poll(cells, SETTLE).toBeGreaterThan(10);
    await expect.poll(cells, SETTLE).toBeLessThan(300);
  });

  it('reaches the last item from the keyboard', async () => {
    await page.getByRole('gridcell').first().focus();
    await page.keyboard.press('Control+End');
    const focused = page.locator('[role="gridcell"]:focus');
    await waitUntil(
      () => focused.getAttribute('data-item-index'),
      (index) => Number(index) === LARGE_CASE_FILES - 1,
    );
    await waitUntil(
      () => focused.getAttribute('aria-label'),
      (name) => name !== null && !name.startsWith('Loading'),
    );
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Viewer' }).waitFor();
    await page.keyboard.press('Backspace');
  });

  it('speaks Canadian French throughout when chosen', async () => {
    await openHeaderMenu(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français (Canada)' });
    const grid = page.getByRole('grid', { name: 'Médias du dossier' });
    await grid.waitFor();
    for (const name of ["Ouvrir un dossier d'enquête", 'Masquer tous les médias', 'Paramètres']) {
      await expect.poll(() => page.getByRole('button', { name }).count(), { ...SETTLE, message: name }).toBe(1);
    }
    await page.getByRole('gridcell').first().focus();
    await waitUntil(
      () => page.locator('img.tile-img.is-loaded').count(),
      (loaded) => loaded >= 21,
    );
    await saveScreenshot(page, 'fr-grid');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Visionneuse' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Révéler' }).count(), SETTLE).toBe(1);
    await page.locator('img.veiled-layer.is-loaded').waitFor();
    await saveScreenshot(page, 'fr-viewer');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('heading', { name: 'Médias masqués' }).isVisible(), SETTLE).toBe(true);
    await page.getByRole('button', { name: 'Reprendre' }).click();

    // A refusal from the back end travels as a reason and is read in French, with no English.
    await openHeaderMenu(page);
    await page.getByRole('button', { name: "Ouvrir un dossier d'enquête" }).click();
    const openDialog = page.getByRole('dialog', { name: "Ouvrir un dossier d'enquête" });
    const missing = join(tmpdir(), 'veil-no-such-case-folder');
    await openDialog.getByRole('textbox').fill(missing);
    await openDialog.getByRole('button', { name: 'Ouvrir' }).click();
    await expect
      .poll(() => openDialog.getByRole('alert').textContent(), SETTLE)
      .toBe(`Le dossier n'a pas pu être ouvert\u00a0: le dossier «\u00a0${missing}\u00a0» n'existe pas.`);
    await openDialog.getByRole('button', { name: 'Annuler' }).click();

    await openHeaderMenu(page);
    await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
  });
});
