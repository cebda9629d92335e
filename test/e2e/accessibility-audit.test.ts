import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWeeklyExport } from '../../electron/services/team-stats/weekly-export.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';
import { en } from '../../renderer/i18n/en.js';
import { frCA } from '../../renderer/i18n/fr-CA.js';
import { seededRandom } from '../fixtures/seeded-random.js';
import { syntheticSecret, syntheticSummary } from '../unit/electron/services/team-stats/synthetic-summaries.js';
import { launchChromium } from './browser.js';
import { startTestHost, type RunningTestHost, UNASKED_REVIEW } from './host-process.js';
import { openRecordingPage } from './page-session.js';
import { openHeaderMenu } from './header-menu.js';
import { AT_ONCE, SETTLE } from './settle.js';
import { ONE_MINUTE_DAY_CAP, writeTwoMinutesViewedToday } from './used-up-cap.js';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** axe-core's own build, injected from disk: the audit needs no network. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

/** Runs axe over the whole page as it is now and keeps its serious and critical violations. */
async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
  });
  findings.push(...violations.map((violation) => ({ screen, ...violation })));
}

/** One line per violation: what to fix, and where. */
function describeFindings(findings: Finding[]): string[] {
  return findings.map(({ screen, rule, impact, targets, help }) => `${screen}: ${rule} (${impact}) ${help} — at ${targets.join(' | ')}`);
}

/**
 * A first run (the limits wizard is offered) in `language`, with a one-minute daily cap
 * already used up today, so the case opens in text-only mode and the override dialog can
 * be reached without a minute of viewing.
 */
function firstRunDataDir(language: Settings['language']): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'veil-e2e-axe-'));
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    language,
    breaks: { ...DEFAULT_SETTINGS.breaks, workingHours: null },
    limits: ONE_MINUTE_DAY_CAP,
    review: UNASKED_REVIEW,
  };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  writeTwoMinutesViewedToday(dataDir);
  return dataDir;
}

/** A folder of six people's weekly summaries: enough for the team view to draw its charts and table. */
function teamFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'veil-e2e-axe-team-'));
  const random = seededRandom(11);
  for (let person = 0; person < 6; person += 1) {
    const { fileName, json } = renderWeeklyExport(syntheticSummary(syntheticSecret(person), '2026-W10', random));
    writeFileSync(join(folder, fileName), json);
  }
  return folder;
}

/** Steps through every main screen and dialog in the page's language, auditing each once it is on screen. */
async function auditEveryScreen(page: Page, strings: typeof en, teamFolder: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });

  const wizard = dialog(strings.limits.wizardTitle);
  await wizard.getByRole('button', { name: strings.limits.skip, exact: true }).waitFor();
  await audit(page, 'limits wizard', findings);
  await wizard.getByRole('button', { name: strings.limits.skip, exact: true }).click();
  await wizard.waitFor({ state: 'detached' });

  const textOnlyList = page.getByRole('list', { name: strings.limits.itemsList });
  await textOnlyList.getByRole('listitem').first().waitFor();
  await audit(page, 'media hidden (text-only mode)', findings);

  await textOnlyList.getByRole('button').filter({ hasText: strings.notes.add }).first().click();
  const noteEditor = page.getByRole('dialog');
  await noteEditor.getByRole('textbox').waitFor();
  await audit(page, 'note editor', findings);
  await noteEditor.getByRole('button', { name: strings.notes.cancel, exact: true }).click();
  await noteEditor.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: strings.limits.override, exact: true }).first().click();
  const override = dialog(strings.limits.overrideTitle);
  await override.getByRole('textbox').waitFor();
  await audit(page, 'override dialog', findings);
  await override.getByRole('textbox').fill('Finishing the report due today');
  await override.getByRole('button', { name: strings.limits.override, exact: true }).click();
  await override.waitFor({ state: 'detached' });

  const grid = page.getByRole('grid', { name: strings.grid.name });
  await grid.locator('img.tile-img.is-loaded').first().waitFor();
  await audit(page, 'grid', findings);

  // A selection: ticks and aria-selected on the cells, the toolbar's count, its Category group and "Clear selection".
  await grid.getByRole('gridcell').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page
    .getByRole('status')
    .filter({ hasText: strings.selection.count_other.replace('{{formatted}}', '2') })
    .waitFor();
  await audit(page, 'grid with a selection', findings);
  await page.getByRole('button', { name: strings.selection.clear, exact: true }).click();
  await expect.poll(() => grid.locator('[role="gridcell"][aria-selected="true"]').count(), SETTLE).toBe(0);

  await grid.getByRole('gridcell').first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: strings.viewer.region }).locator('img.veiled-layer.is-loaded').waitFor();
  await audit(page, 'viewer', findings);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: strings.hidden.resume }).waitFor();
  await audit(page, 'media hidden', findings);
  await page.getByRole('button', { name: strings.hidden.resume }).click();
  await page.getByRole('region', { name: strings.viewer.region }).getByRole('button', { name: strings.viewer.back }).click();
  await grid.getByRole('gridcell', { name: /Sample 11 - video\.mp4/ }).click();
  const storyboard = page.getByRole('region', { name: strings.video.storyboard });
  await expect.poll(() => storyboard.getByRole('button').count(), SETTLE).toBe(9);
  await audit(page, 'viewer (video)', findings);
  await page.getByRole('region', { name: strings.viewer.region }).getByRole('button', { name: strings.viewer.back }).click();
  await grid.getByRole('gridcell').first().waitFor();

  await openHeaderMenu(page);
  await page.getByRole('button', { name: strings.header.myExposure }).waitFor();
  await audit(page, 'header menu', findings);
  await page.getByRole('button', { name: strings.header.myExposure }).click();
  const myExposure = dialog(strings.myExposure.title);
  await myExposure.getByRole('table').first().waitFor();
  await audit(page, 'my exposure', findings);
  await myExposure.getByRole('button', { name: strings.myExposure.close, exact: true }).click();
  await myExposure.waitFor({ state: 'detached' });

  await openHeaderMenu(page);
  await page.getByRole('button', { name: strings.header.settings, exact: true }).click();
  const settings = dialog(strings.settings.title);
  await settings.getByRole('checkbox').first().waitFor();
  await audit(page, 'settings', findings);
  await settings.getByRole('button', { name: strings.settingsSections.close, exact: true }).click();
  await settings.waitFor({ state: 'detached' });

  await openHeaderMenu(page);
  await page.getByRole('button', { name: strings.teamStats.open, exact: true }).click();
  const teamStats = dialog(strings.teamStats.title);
  await teamStats.getByRole('textbox', { name: strings.teamStats.folder }).fill(teamFolder);
  await teamStats.getByRole('button', { name: strings.teamStats.show, exact: true }).click();
  await teamStats.getByRole('table', { name: strings.teamStats.tableCaption }).locator('td time').first().waitFor();
  await teamStats.getByRole('region', { name: strings.teamStats.charts.exposureTitle }).locator('svg.recharts-surface').waitFor();
  await audit(page, 'team statistics', findings);
  await teamStats.getByRole('button', { name: strings.teamStats.close, exact: true }).click();
  await teamStats.waitFor({ state: 'detached' });

  await openHeaderMenu(page);
  await page.getByRole('button', { name: strings.header.openCase, exact: true }).click();
  const openCase = dialog(strings.openCase.title);
  await openCase.getByRole('textbox').waitFor();
  await audit(page, 'open case', findings);
  await openCase.getByRole('button', { name: strings.openCase.cancel, exact: true }).click();
  await openCase.waitFor({ state: 'detached' });
  return findings;
}

/** The spotlight's centre, from the reveal layer's clip-path (`circle(Rpx at Xpx Ypx)`). */
async function spotlightCentre(page: Page): Promise<{ x: number; y: number } | null> {
  const clipPath = await page.locator('img.reveal-layer.is-ready').evaluate((img: HTMLImageElement) => img.style.clipPath);
  const match = /at ([\d.]+)px ([\d.]+)px/.exec(clipPath);
  return match ? { x: Number(match[1]), y: Number(match[2]) } : null;
}

describe('an axe-core audit of every main screen and dialog, and keyboard reach, in Chromium through the browser host', () => {
  let browser: Browser;
  const hosts: RunningTestHost[] = [];
  const pages = new Map<Settings['language'], Page>();

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
  });

  it.each([
    { language: 'en', strings: en },
    { language: 'fr-CA', strings: frCA },
  ] as const)('finds no serious or critical violation in $language', async ({ language, strings }) => {
    const host = await startTestHost({ dataDir: firstRunDataDir(language) });
    hosts.push(host);
    const { page } = await openRecordingPage(browser, host.url);
    pages.set(language, page);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), SETTLE).toBe(language);
    const findings = await auditEveryScreen(page, strings, teamFolder());
    expect(describeFindings(findings)).toEqual([]);
  });

  it('holds the spotlight with R wherever focus is while an item is open, moves it with Shift + arrows, never from a dialog', async () => {
    const page = pages.get('en');
    if (!page) throw new Error('the English audit did not open its page');
    const reveal = page.locator('img.reveal-layer');
    const viewer = page.getByRole('region', { name: en.viewer.region });
    await page.getByRole('gridcell', { name: /^Sample 01 - gradient\.jpg/ }).click();
    await viewer.locator('img.veiled-layer.is-loaded').waitFor();

    // Focus outside the viewer, on the failures disclosure: R still reveals, at the centre.
    const disclosure = page.locator('button.disclosure');
    await disclosure.focus();
    await page.keyboard.down('r');
    await page.locator('img.reveal-layer.is-ready').waitFor();
    const centre = await spotlightCentre(page);
    if (!centre) throw new Error('no spotlight circle');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await spotlightCentre(page))?.x ?? 0, SETTLE).toBeGreaterThan(centre.x + 5);
    expect((await spotlightCentre(page))?.y ?? 0).toBeGreaterThan(centre.y + 5);
    await expect.poll(() => disclosure.evaluate((element) => element === document.activeElement), SETTLE).toBe(true);
    await page.keyboard.up('r');
    await expect.poll(() => reveal.count(), AT_ONCE).toBe(0);
    // Shift + arrows inside the viewer move the circle; they do not step to another item.
    await viewer.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => viewer.getByRole('heading', { level: 2 }).textContent(), SETTLE).toBe('Sample 01 - gradient.jpg');

    // Hiding all media while R is held ends the reveal, and Resume does not bring it back.
    await page.keyboard.down('r');
    await page.locator('img.reveal-layer.is-ready').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('img, video, canvas').count(), AT_ONCE).toBe(0);
    await page.getByRole('button', { name: en.hidden.resume }).click();
    await viewer.locator('img.veiled-layer.is-loaded').waitFor();
    await expect.poll(() => reveal.count(), AT_ONCE).toBe(0);
    await page.keyboard.up('r');

    // R in a dialog never reveals; Alt+C closes the dialog, Esc stays the hide-all key.
    await openHeaderMenu(page);
    await page.getByRole('button', { name: en.header.settings, exact: true }).click();
    const settings = page.getByRole('dialog', { name: en.settings.title });
    await expect.poll(() => settings.getByText(en.keyHints.dialogEsc).count(), SETTLE).toBe(1);
    await page.keyboard.down('r');
    await page.keyboard.press('Alt+C');
    await settings.waitFor({ state: 'detached' });
    // R is still down: a hold begun in the dialog would be on screen now.
    await viewer.locator('img.veiled-layer.is-loaded').waitFor();
    await expect.poll(() => reveal.count(), AT_ONCE).toBe(0);
    await page.keyboard.up('r');
  });
});
