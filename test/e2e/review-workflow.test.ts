import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const PICTURES = 3;
const SETTLE = { timeout: 30_000 };

/**
 * The review's workflow on a case opened for the first time: its scheme is asked for and
 * kept, the Category buttons and number keys follow it, and an item's history shows who
 * decided what — all still there after a reload.
 */
describe('the review workflow in Chromium through the browser host', () => {
  const env = useHostInChromium(
    'veil-workflow-',
    async (rootDir) => {
      const caseDir = join(rootDir, 'case');
      mkdirSync(caseDir, { recursive: true });
      for (let index = 0; index < PICTURES; index += 1) {
        const bytes = await makeStill(
          { widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 5100 + index * 41, label: `W${index}` },
          'png',
        );
        writeFileSync(join(caseDir, `picture ${index}.png`), bytes);
      }
      return startTestHost({ caseDir, askScheme: true });
    },
    async (host) => void (await waitForImport(host, { pdqDone: true })),
  );

  it('asks for the scheme once, categorises under it, and shows the item’s history after a reload', async () => {
    const { page } = await openRecordingPage(env.browser, env.host.url);
    const dialog = page.getByRole('dialog', { name: 'Category scheme for this case' });
    await dialog.waitFor(SETTLE);
    await dialog.getByRole('radio', { name: 'UK grading: A, B, C, not indecent' }).check();
    await dialog.getByRole('button', { name: 'Use this scheme' }).click();
    await dialog.waitFor({ state: 'detached', ...SETTLE });
    await expect.poll(() => page.locator('.review-scheme').textContent(), SETTLE).toBe('UK');

    const first = page.getByRole('gridcell').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('region', { name: 'Viewer' });
    await viewer.waitFor(SETTLE);
    const group = viewer.getByRole('group', { name: 'Category' });
    await expect.poll(() => group.locator('.visually-hidden').allTextContents(), SETTLE).toEqual(['A', 'B', 'C', 'Not indecent', 'Uncategorised']);
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('decision-announcement').textContent(), SETTLE).toBe('Category B');

    await page.reload();
    await expect.poll(() => page.locator('.review-scheme').textContent(), SETTLE).toBe('UK');
    await expect.poll(() => dialog.count(), SETTLE).toBe(0);
    await page.getByRole('gridcell').first().focus();
    await page.keyboard.press('Enter');
    await viewer.waitFor(SETTLE);
    await viewer.getByText('History', { exact: true }).click();
    await expect
      .poll(() => viewer.locator('.item-history li').allTextContents(), SETTLE)
      .toEqual([expect.stringMatching(/^B · investigator · .+ · .*\d\d:\d\d$/)]);
  });
});
