import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';
import { launchChromium } from './browser.js';
import { openHeaderMenu } from './header-menu.js';
import { startTestHost, type RunningTestHost, UNASKED_REVIEW } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { AT_ONCE, SETTLE } from './settle.js';
import { ONE_MINUTE_DAY_CAP, writeTwoMinutesViewedToday } from './used-up-cap.js';

/**
 * French from the start, the first-run wizard still to come, and a one-minute daily cap
 * already used up today, so the override dialog is there to be tried.
 */
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'fr-CA',
  limitsWizardDone: false,
  breaks: { ...DEFAULT_SETTINGS.breaks, workingHours: null },
  limits: ONE_MINUTE_DAY_CAP,
  review: UNASKED_REVIEW,
};

/** What zod or the back end would say in English, or a setting's key: none of it may reach a person. */
const RAW = /Too (small|big)|expected|Invalid input|must be|does not exist|updateSettings|revealDurationSec|weekMin|caps\.|ENOENT/;

/**
 * The message a field is described by, and whether it sits beside the field (in the same
 * field block), read in the page in one go.
 */
function besideField(field: Locator): Promise<{ text: string | null; beside: boolean; invalid: boolean; focused: boolean }> {
  return field.evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const message = ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains('field-error')) ?? null;
    return {
      text: message?.textContent ?? null,
      beside: message !== null && (input.closest('.field')?.contains(message) ?? false),
      invalid: input.getAttribute('aria-invalid') === 'true',
      focused: document.activeElement === input,
    };
  });
}

describe('forms in Canadian French, in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veil-e2e-forms-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(SETTINGS));
    writeTwoMinutesViewedToday(dataDir);
    host = await startTestHost({ dataDir });
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('says beside the field, in French, what is wrong in the limits wizard, Settings, Open case and the override dialog', async () => {
    // The first-run limits wizard: a weekly cap beyond seven days.
    const wizard = page.getByRole('dialog', { name: 'Limites personnelles' });
    const week = wizard.getByRole('spinbutton', { name: 'Temps audio par semaine (minutes)' });
    await week.fill('20000');
    await wizard.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => besideField(week), SETTLE)
      .toEqual({ text: "«\u00a0Temps audio par semaine (minutes)\u00a0» doit être d'au plus 10\u00a0080.", beside: true, invalid: true, focused: true });
    await expect.poll(() => wizard.textContent(), SETTLE).not.toMatch(RAW);
    await saveScreenshot(page, 'fr-field-message-wizard');
    await wizard.getByRole('button', { name: 'Passer' }).click();
    await wizard.waitFor({ state: 'detached' });

    // Settings: a reveal longer than the schema allows, said beside the field, which is focused.
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'Paramètres' }).click();
    const settings = page.getByRole('dialog', { name: 'Paramètres' });
    const duration = settings.getByRole('spinbutton', { name: 'Durée de la révélation (secondes)' });
    await duration.fill('99');
    await settings.getByRole('button', { name: "Enregistrer l'affichage" }).click();
    await expect
      .poll(() => besideField(duration), SETTLE)
      .toEqual({ text: "«\u00a0Durée de la révélation (secondes)\u00a0» doit être d'au plus 60.", beside: true, invalid: true, focused: true });
    await expect.poll(() => settings.textContent(), SETTLE).not.toMatch(RAW);
    expect(await host.call('getSettings', {})).toMatchObject({ revealDurationSec: DEFAULT_SETTINGS.revealDurationSec });
    await saveScreenshot(page, 'fr-field-message-settings');
    // The section list reaches a section far below, from the keyboard.
    await settings.getByRole('navigation', { name: 'Sections des paramètres' }).getByRole('button', { name: 'Langue' }).press('Enter');
    await expect.poll(() => settings.getByRole('heading', { name: 'Langue' }).evaluate((heading) => document.activeElement === heading), SETTLE).toBe(true);
    await settings.getByRole('button', { name: 'Fermer' }).click();
    await settings.waitFor({ state: 'detached' });

    // Open case: the back end's refusal of a folder that is not there, translated, beside the path.
    await openHeaderMenu(page);
    await page.getByRole('button', { name: "Ouvrir un dossier d'enquête" }).click();
    const open = page.getByRole('dialog', { name: "Ouvrir un dossier d'enquête" });
    const path = open.getByRole('textbox', { name: "Chemin du dossier d'enquête" });
    const missing = join(tmpdir(), 'veil-e2e-forms-no-such-folder');
    await path.fill(missing);
    await open.getByRole('button', { name: 'Ouvrir' }).click();
    await expect
      .poll(() => besideField(path), SETTLE)
      .toEqual({
        text: `Le dossier n'a pas pu être ouvert\u00a0: le dossier «\u00a0${missing}\u00a0» n'existe pas.`,
        beside: true,
        invalid: true,
        focused: true,
      });
    await expect.poll(() => open.textContent(), SETTLE).not.toMatch(RAW);
    await open.getByRole('button', { name: 'Annuler' }).click();
    await open.waitFor({ state: 'detached' });

    // The override dialog: a reason too short to be one, said beside it, and no extension granted.
    await page.getByRole('button', { name: 'Prolonger', exact: true }).first().click();
    const override = page.getByRole('dialog', { name: 'Prolonger la limite' });
    const reason = override.getByRole('textbox', { name: 'Raison' });
    await reason.fill('ok');
    await override.getByRole('button', { name: 'Prolonger', exact: true }).click();
    await expect
      .poll(() => besideField(reason), SETTLE)
      .toEqual({ text: '«\u00a0Raison\u00a0» demande au moins 3\u00a0caractères.', beside: true, invalid: true, focused: true });
    await expect.poll(() => override.textContent(), SETTLE).not.toMatch(RAW);
    await expect.poll(() => page.locator('img, video, canvas').count(), AT_ONCE).toBe(0);
    await saveScreenshot(page, 'fr-field-message-override');
  });
});
