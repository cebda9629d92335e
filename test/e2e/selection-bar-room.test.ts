import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { startTestHost, type RunningTestHost } from './host-process.js';

describe('the grid stays put when the first item is selected (Chromium, browser host, demo case)', () => {
  let host: RunningTestHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startTestHost();
    await host.call('updateSettings', { language: 'fr-CA' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('at 1024 px in French, the selection bar fills its reserved row and the grid does not move under the pointer', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(host.url);
    const cell = page.getByRole('gridcell').first();
    await cell.waitFor();
    const gridTop = () =>
      page
        .locator('.media-grid')
        .first()
        .evaluate((grid) => Math.round(grid.getBoundingClientRect().top));
    const before = await gridTop();
    await cell.click({ modifiers: ['Control'] });
    // The bar's buttons, French and all, are in; the grid's top is where it was (it moved 42 px down).
    await expect.poll(() => page.getByRole('button', { name: 'Effacer la sélection' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '1 sélectionné' }).count()).toBe(1);
    expect(await gridTop()).toBe(before);
    await page.close();
  });
});
