import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost, UNASKED_REVIEW } from './host-process.js';
import { saveScreenshot } from './page-session.js';
import { AT_ONCE, SETTLE } from './settle.js';

/** Every day off: any viewing is after hours, so the after-hours note shows whenever the test runs. */
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  limitsWizardDone: true,
  breaks: { ...DEFAULT_SETTINGS.breaks, workingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null } },
  review: UNASKED_REVIEW,
};

/** The viewer must keep at least this share of the window's height; the image element, `minImageShare`. */
const MIN_VIEWER_SHARE = 0.6;

/**
 * Window sizes in CSS pixels. Chromium's 200 % zoom of a 1280×720 window lays the page out
 * in 640×360 CSS pixels at two device pixels each; the page is opened at device scale 2.
 */
const SIZES = [
  { label: '1280x720', width: 1280, height: 720, minImageShare: 0.6 },
  // At 200 % the viewer's own bars take a larger share of the smaller page.
  { label: '1280x720-zoom200', width: 640, height: 360, minImageShare: 0.35 },
  { label: '1400x900', width: 1400, height: 900, minImageShare: 0.6 },
  // A small laptop: below 1200 px the item's name takes a line of its own above the buttons.
  { label: '1024x700', width: 1024, height: 700, minImageShare: 0.55 },
] as const;

const WORDS = {
  en: {
    viewer: 'Viewer',
    grid: 'Case media',
    hideAll: 'Hide all media',
    menu: 'More actions',
    openCase: 'Open case',
    afterHours: /outside your working hours/,
    dismissToday: 'Hide until tomorrow',
    importDone: /Import complete/,
    problems: /could not be opened/,
    counting: 'Counting exposure',
    hidden: 'Media hidden',
    resume: 'Resume',
  },
  'fr-CA': {
    viewer: 'Visionneuse',
    grid: 'Médias du dossier',
    hideAll: 'Masquer tous les médias',
    menu: "Plus d'actions",
    openCase: "Ouvrir un dossier d'enquête",
    afterHours: /en dehors de vos heures de travail/,
    dismissToday: "Masquer jusqu'à demain",
    importDone: /Importation terminée/,
    problems: /n'ont pas pu être ouverts/,
    counting: "Décompte de l'exposition en cours",
    hidden: 'Médias masqués',
    resume: 'Reprendre',
  },
} as const;

type Language = keyof typeof WORDS;

interface Room {
  viewerHeightPx: number;
  imageWidthPx: number;
  imageHeightPx: number;
}

/** The viewer's and the image element's boxes, in CSS pixels. */
async function measureRoom(page: Page, language: Language): Promise<Room> {
  const viewer = await page.getByRole('region', { name: WORDS[language].viewer }).boundingBox();
  const image = await page.locator('img.veiled-layer').boundingBox();
  return { viewerHeightPx: viewer?.height ?? 0, imageWidthPx: image?.width ?? 0, imageHeightPx: image?.height ?? 0 };
}

/**
 * What a reader would see cut: the item's or the case's name clipped by an ellipsis, or a
 * toolbar button whose words broke onto two lines (taller than the shortest button).
 */
async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const name of document.querySelectorAll<HTMLElement>('.viewer-title h2, .case-title h1')) {
      if (name.scrollWidth > name.clientWidth) cut.push(`name "${name.textContent ?? ''}"`);
    }
    const buttons = [...document.querySelectorAll<HTMLElement>('.viewer-toolbar .button')];
    const lowest = Math.min(...buttons.map((button) => button.offsetHeight));
    for (const button of buttons) if (button.offsetHeight > lowest * 1.4) cut.push(`button "${button.textContent ?? ''}"`);
    return cut;
  });
}

/** Whether an element's whole box is inside the viewport (not pushed off by the header). */
async function fullyInView(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const size = page.viewportSize();
  return box !== null && size !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

describe('the viewer keeps its room in Chromium through the browser host (demo case, after hours)', () => {
  let host: RunningTestHost;
  let browser: Browser;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veil-e2e-room-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(SETTINGS));
    host = await startTestHost({ dataDir });
    browser = await launchChromium();
    await waitUntil(
      async () => ((await host.call('getCase', {})) as { import: { phase: string } }).import.phase,
      (phase) => phase === 'done',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it.each(['en', 'fr-CA'] as const)(
    'in %s: three fifths of the window at 1280×720, at 200 per cent zoom and at 1400×900, more than half at 1024×700, names whole, with Hide all media in sight',
    async (language) => {
      const words = WORDS[language];
      await host.call('updateSettings', { language });
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2 });
      try {
        await page.goto(host.url);
        await page.getByRole('grid', { name: words.grid }).waitFor();
        await page.locator('.import-outcome').filter({ hasText: words.importDone }).waitFor();
        await page.getByRole('button', { name: words.problems }).waitFor();
        await page.getByRole('gridcell', { name: /Sample 09 - wide\.jpg/ }).focus();
        await page.keyboard.press('Enter');
        await page.locator('img.veiled-layer.is-loaded').waitFor();

        // The after-hours note comes up while media is viewed, and is put away for today in one click.
        const note = page.getByRole('status').filter({ hasText: words.afterHours });
        await note.waitFor();
        await saveScreenshot(page, `viewer-room-${language}-after-hours`);
        await note.getByRole('button', { name: words.dismissToday }).click();
        await note.waitFor({ state: 'detached' });

        for (const size of SIZES) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await expect
            .poll(async () => (await measureRoom(page, language)).viewerHeightPx / size.height, { ...SETTLE, message: `${language} ${size.label}` })
            .toBeGreaterThanOrEqual(MIN_VIEWER_SHARE);
          const room = await measureRoom(page, language);
          // Taken before the checks, so a failure has its picture.
          await saveScreenshot(page, `viewer-room-${language}-${size.label}`);
          // The protection holds at every size: Hide all media one click away, the counting sign in sight.
          await expect.poll(() => fullyInView(page, words.hideAll), { ...SETTLE, message: `${language} ${size.label} Hide all media` }).toBe(true);
          await expect.poll(() => fullyInView(page, words.menu), { ...SETTLE, message: `${language} ${size.label} the header menu` }).toBe(true);
          await expect.poll(() => page.getByText(words.counting, { exact: true }).isVisible(), SETTLE).toBe(true);
          // The names are whole and no button breaks its words (in French at 1024 px the name was a 70 px column).
          if (size.width >= 1024) await expect.poll(() => cutText(page), { ...SETTLE, message: `${language} ${size.label}` }).toEqual([]);
          expect(
            room.imageHeightPx,
            `${language} ${size.label}: image ${Math.round(room.imageWidthPx)}×${Math.round(room.imageHeightPx)} px`,
          ).toBeGreaterThanOrEqual(size.height * size.minImageShare);
        }
        // The viewer still shows only the greyscale, blurred copy.
        const src = new URL((await page.locator('img.veiled-layer').getAttribute('src')) ?? '', host.origin);
        expect(src.searchParams.get('grey')).toBe('1');
        expect(src.searchParams.get('blur')).not.toBe('off');
        await expect.poll(() => page.locator('img.reveal-layer').count(), AT_ONCE).toBe(0);

        // The menu is one disclosure button, reachable and usable from the keyboard.
        const menuButton = page.getByRole('button', { name: words.menu });
        await menuButton.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => menuButton.getAttribute('aria-expanded'), SETTLE).toBe('true');
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), SETTLE).toBe(words.openCase);
        await saveScreenshot(page, `viewer-room-${language}-menu`);
        // Escape inside the menu is still the safety key: it hides all media, and closes the menu.
        await page.keyboard.press('Escape');
        await page.getByRole('heading', { name: words.hidden }).waitFor();
        await expect.poll(() => page.locator('img.veiled-layer').count(), AT_ONCE).toBe(0);
        await expect.poll(() => menuButton.getAttribute('aria-expanded'), SETTLE).toBe('false');
        await page.getByRole('button', { name: words.resume }).click();
        await page.locator('img.veiled-layer.is-loaded').waitFor();
        // Resume gives focus back to the menu's button, not to an item the closed menu hides.
        await expect.poll(() => menuButton.evaluate((button) => button === document.activeElement), SETTLE).toBe(true);
      } finally {
        await page.close();
      }
    },
  );
});
