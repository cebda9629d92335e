import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';
import { launchChromium } from './browser.js';
import { REPO_ROOT, startTestHost, type RunningTestHost, UNASKED_REVIEW } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { AT_ONCE, SETTLE } from './settle.js';

/** The smallest settings the issue names: a micro-break every minute and a one-minute daily cap. */
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  limitsWizardDone: true,
  breaks: { ...DEFAULT_SETTINGS.breaks, microIntervalMin: 1, microDurationSec: 10, warningSec: 5, graceSec: 0, restEnabled: false, workingHours: null },
  limits: { ...DEFAULT_SETTINGS.limits, caps: { ...DEFAULT_SETTINGS.limits.caps, exposure: { dayMin: 1, weekMin: null } } },
  review: UNASKED_REVIEW,
};

const MEDIA = 'img, video, canvas';

/** The notes in the case workspace beside the case, or none while it is not there yet. */
function savedNotes(path: string): unknown[] {
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT path AS relativePath, text, updated_at_ms AS updatedAtMs FROM notes').all();
  } finally {
    db.close();
  }
}

describe('the first run', () => {
  it('offers the personal-limits wizard once, and Skip lets the investigator start', async () => {
    const host = await startTestHost({ firstRun: true });
    const browser = await launchChromium();
    try {
      const { page } = await openRecordingPage(browser, host.url);
      const wizard = page.getByRole('dialog', { name: 'Personal limits' });
      await wizard.waitFor();
      await saveScreenshot(page, 'limits-wizard');
      await wizard.getByRole('button', { name: 'Skip' }).click();
      await wizard.waitFor({ state: 'detached' });
      await expect.poll(() => host.call('getSettings', {}), SETTLE).toMatchObject({ limitsWizardDone: true });
      await page.reload();
      await page.locator('img.tile-img.is-loaded').first().waitFor();
      await expect.poll(() => page.getByRole('dialog', { name: 'Personal limits' }).count(), SETTLE).toBe(0);
    } finally {
      await browser.close();
      await host.stop();
    }
  });
});

describe('breaks and personal limits in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let caseDir: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veil-e2e-breaks-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(SETTINGS));
    // A copy of the demo case opened as a real case, so notes go to a file beside it.
    caseDir = join(mkdtempSync(join(tmpdir(), 'veil-e2e-cases-')), 'Operation Larch');
    cpSync(join(REPO_ROOT, 'dist/demo-case'), caseDir, { recursive: true });
    host = await startTestHost({ dataDir, caseDir });
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
    await page.getByRole('gridcell', { name: /Sample 02 - shapes\.png/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('img.veiled-layer.is-loaded').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('brings up the break screen after a minute of viewing, with no media pixel on screen', async () => {
    // The header says when the next break comes (a minute of viewing in these settings).
    await expect
      .poll(
        () =>
          page
            .getByRole('banner')
            .getByText(/^(Next break in 1 min|Break due)$/)
            .count(),
        SETTLE,
      )
      .toBe(1);
    const breakDialog = page.getByRole('dialog', { name: 'Break' });
    await breakDialog.waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator(MEDIA).count(), AT_ONCE).toBe(0);
    await expect.poll(() => breakDialog.getByRole('timer').textContent(), SETTLE).toMatch(/\d:\d\d/);
    await saveScreenshot(page, 'break');
    await breakDialog.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('switches to text-only mode at the daily cap: no media, the case still readable as text', async () => {
    const list = page.getByRole('list', { name: 'Case items (text only)' });
    await list.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(MEDIA).count(), AT_ONCE).toBe(0);
    await expect.poll(() => list.textContent(), SETTLE).toMatch(/Sample 02 - shapes\.png/);
    await saveScreenshot(page, 'text-only');
  });

  it('takes notes on items in text-only mode, saved beside the case folder', async () => {
    const list = page.getByRole('list', { name: 'Case items (text only)' });
    await list.getByRole('button', { name: 'Add note on Sample 02 - shapes.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'Note on Sample 02 - shapes.png' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Shapes match the seized drive, folder 3.');
    await saveScreenshot(page, 'note-editor');
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => list.textContent(), SETTLE).toContain('Note: Shapes match the seized drive, folder 3.');
    await expect.poll(() => page.locator(MEDIA).count(), AT_ONCE).toBe(0);
    // The file is written by the host: read it until the note is there, not once at a moment.
    await expect
      .poll(() => savedNotes(`${caseDir}.veil-case.sqlite`), SETTLE)
      .toEqual([expect.objectContaining({ text: 'Shapes match the seized drive, folder 3.' })]);
  });

  it('brings media back after an override with a typed reason', async () => {
    await page.getByRole('button', { name: 'Override' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Override limit' });
    await dialog.getByRole('textbox').fill('Finishing the report due today');
    await dialog
      .getByRole('button', { name: /Override|Continue|Confirm/ })
      .last()
      .click();
    await page.locator('img.veiled-layer.is-loaded, img.tile-img.is-loaded').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(MEDIA).count(), SETTLE).toBeGreaterThan(0);
    // After the override the header counts down the extension (15 minutes by default).
    await expect
      .poll(
        () =>
          page
            .getByRole('banner')
            .getByText(/^Extension ends in 1[45] min$/)
            .count(),
        SETTLE,
      )
      .toBe(1);
  });
});
